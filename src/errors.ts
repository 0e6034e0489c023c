import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

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
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
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

/**
 * Apollo's `formatError`: known codes pass through, everything else is masked and logged, so
 * database or stack details never reach a client.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) return validationFailure(formatted, original);
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
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
