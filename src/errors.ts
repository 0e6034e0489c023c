import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { isUnavailable } from './db/read-routing';

/**
 * The closed set of `extensions.code` values clients can rely on. Anything else that escapes a
 * resolver is logged and answered as INTERNAL_SERVER_ERROR without its message.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST = 'BAD_REQUEST',
  /** A document named by a hash (documentId, APQ) that the server does not hold (with TRUSTED_DOCUMENTS: not in the manifest). */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** With TRUSTED_DOCUMENTS: a document text that is not in the manifest (HTTP 400). */
  OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED',
  /** The request body is larger than MAX_BODY_BYTES (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** A content type or charset the endpoint does not read (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** An HTTP method other than GET and POST (HTTP 405, with Allow). */
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  /** The client address spent its budget for the window (HTTP 429, with Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A database statement ran past STATEMENT_TIMEOUT_MS. */
  TIMEOUT = 'TIMEOUT',
  /**
   * The database could not be reached or dropped the connection (a restart, a failover);
   * `extensions.retryable` is true: send the same request again.
   */
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const KNOWN = new Set<string>(Object.values(ErrorCode));

class CodedError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...details } });
  }
}

/** The request asks for something malformed or forbidden by a rule; `details` say which part. */
export class BadUserInputError extends CodedError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.BAD_USER_INPUT, message, details);
  }
}

export class NotFoundError extends CodedError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.NOT_FOUND, message, details);
  }
}

export class UnauthenticatedError extends CodedError {
  constructor(message = 'Send a valid token as "Authorization: Bearer <token>".', details?: Record<string, unknown>) {
    super(ErrorCode.UNAUTHENTICATED, message, details);
  }
}

export class ForbiddenError extends CodedError {
  constructor(message = 'Your token does not allow this operation.', details?: Record<string, unknown>) {
    super(ErrorCode.FORBIDDEN, message, details);
  }
}

/** PostgreSQL's query_canceled: the statement ran past statement_timeout. */
const STATEMENT_TIMEOUT = '57014';

function isStatementTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === STATEMENT_TIMEOUT;
}

/**
 * The error under Apollo's wrappers: a resolver's, or the one a failed context creation (the token
 * check reads the database) is wrapped in, which has no path for unwrapResolverError to see.
 */
function rootCause(error: unknown): unknown {
  let cause = unwrapResolverError(error);
  while (cause instanceof GraphQLError && cause.originalError && cause.originalError !== cause) cause = cause.originalError;
  return cause;
}

/** True for an error a client must not see as is: no code of the closed set, so a bug or an outage. */
export function isUnexpected(error: GraphQLError): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError || isStatementTimeout(original) || isUnavailable(rootCause(error))) return false;
  const code = error.extensions?.code;
  return !(typeof code === 'string' && KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR);
}

/** Logs each unexpected error of one operation, one JSON line each, under the request id the client was given. */
export function logUnexpectedErrors(log: Logger, errors: readonly GraphQLError[], requestId: string | undefined): void {
  for (const error of errors) {
    if (isUnexpected(error)) log.error({ err: unwrapResolverError(error), path: error.path, requestId }, 'unexpected error in a GraphQL operation');
  }
}

/**
 * Apollo's `formatError`: known codes pass through, everything else is masked (and logged by
 * logUnexpectedErrors with the request id), so database or stack details never reach a client.
 */
export function createFormatError() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) return validationFailure(formatted, original);
    if (isStatementTimeout(original)) {
      return {
        message: 'The database took too long on this operation and stopped it: narrow the filter or ask for smaller pages.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.TIMEOUT },
      };
    }
    if (isUnavailable(rootCause(error))) {
      // A transaction whose connection broke before COMMIT is rolled back by PostgreSQL; one that
      // broke during COMMIT may have committed, which is why the answer says retry, not "nothing written".
      return {
        message: 'The database is unavailable for a moment (a restart or failover): send the same request again; recording values already recorded changes nothing.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.UNAVAILABLE, retryable: true },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** class-validator failures on an input, as one readable message plus the failing fields. */
function validationFailure(formatted: GraphQLFormattedError, error: ArgumentValidationError): GraphQLFormattedError {
  const fields: { field: string; messages: string[] }[] = [];
  const walk = (errors: ValidationError[], prefix: string) => {
    for (const e of errors) {
      const field = prefix ? `${prefix}.${e.property}` : e.property;
      if (e.constraints) fields.push({ field, messages: Object.values(e.constraints) });
      if (e.children?.length) walk(e.children, field);
    }
  };
  walk(error.extensions.validationErrors as ValidationError[], '');
  return {
    message: `Invalid input: ${fields.flatMap((f) => f.messages).join('; ')}`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
  };
}
