import { getOperationAST, GraphQLError, type DocumentNode } from 'graphql';
import { ErrorCode, UnauthenticatedError } from '../errors';
import type { Context } from '../graphql/context';
import type { OperationLimiter } from '../limits/operation-limits';
import { AUTH_FAILURE_COST, rateLimitedError, REQUEST_MIN_COST, type RateLimit } from '../limits/rate-limit';
import { documentRefusal, hashNamed, type TrustedDocuments } from './trusted-documents';

/**
 * Admission: whether an operation runs, decided in one place for every transport (the Apollo plugin
 * over HTTP, graphql-ws's onSubscribe, the CSV export), as graphql-ws keeps one protocol core apart
 * from its adapters. The transports only carry the decision: HTTP turns a refusal into a status and
 * headers, WebSocket into an `error` message for that operation.
 *
 * What is decided, in order: who asks (authentication, injected: the kernel knows no token format),
 * whether the document may run at all (TRUSTED_DOCUMENTS), the document's limits (MAX_FIELDS; depth,
 * aliases and directives are validation rules, see operation-limits.ts), which operation, its cost
 * (MAX_QUERY_COST), and the rate limit (the cost charged to the client's budget).
 *
 * A transport that has done a step already says so: Apollo parses and validates with the limits as
 * rules (its document store keeps the result), so it passes the `document` and `validated`; the
 * context function has authenticated, so it passes the `viewer`; HTTP charged REQUEST_MIN_COST on
 * arrival, before the body was read (`arrive`), so it passes `prepaid`.
 */

/** Who asks, as the auth domain knows it (declared into the kernel Context by src/auth/viewer.ts). */
export type Viewer = Context['viewer'];

/** An operation as a transport received it; every part is optional, see `admit`. */
export interface AdmissionRequest {
  /** The client address the rate limit counts against. */
  client: string;
  /** The viewer a transport already authenticated; else `authorization` is authenticated. */
  viewer?: Viewer;
  /** The credentials as sent: `Bearer <token>`, or nothing. */
  authorization?: unknown;
  /** The GraphQL request's parameters, for the document: its text, or a hash of a trusted document. */
  params?: DocumentParams;
  /** The parsed document, when the transport parsed it. */
  document?: DocumentNode;
  /** The document went through the validation rules (the limits among them): they are not run again. */
  validated?: boolean;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** A cost known without a document (the CSV export: its rows); no document is looked at. */
  cost?: number;
  /** Units charged already (REQUEST_MIN_COST on arrival over HTTP). */
  prepaid?: number;
}

/** How a request names its document: the text (`query`), or a trusted document's hash. */
export interface DocumentParams {
  query?: unknown;
  /** GraphQL over HTTP's persisted documents: `sha256:<hex>` or the bare hex. */
  documentId?: unknown;
  /** `persistedQuery.sha256Hash` (Apollo's APQ shape). */
  extensions?: unknown;
}

/** A refusal: the coded error, the HTTP status that names it, and when to try again (429). */
export interface Refusal {
  admitted: false;
  error: GraphQLError;
  status: number;
  retryAfter?: number;
}

export interface Admitted {
  admitted: true;
  viewer: Viewer;
  /** The operation's cost (see query-cost.ts); the given cost for the export. */
  cost: number;
  /** The document, parsed here when the transport had not. */
  document?: DocumentNode;
  /** The document text to run: the request's own, or the trusted document its hash names. */
  source?: string;
}

export type Decision = Admitted | Refusal;

export interface AdmissionOptions {
  limiter: OperationLimiter;
  rate: RateLimit;
  /** The viewer behind credentials; rejects with UnauthenticatedError for refused ones. */
  authenticate(authorization: unknown): Promise<Viewer>;
  /** Documents known by hash; with TRUSTED_DOCUMENTS (`enforced`), the only ones that run (see trusted-documents.ts). */
  documents?: TrustedDocuments;
  /** Who may send any document while TRUSTED_DOCUMENTS is set (ADMIN, for GraphiQL). */
  mayRunAnyDocument(viewer: Viewer): boolean;
}

export function refusal(error: GraphQLError, status: number, retryAfter?: number): Refusal {
  return { admitted: false, error, status, ...(retryAfter === undefined ? {} : { retryAfter }) };
}

export class Admission {
  constructor(private readonly options: AdmissionOptions) {}

  /** Whether clients are charged at all (RATE_LIMIT_COST > 0). */
  get chargesClients(): boolean {
    return this.options.rate.enabled;
  }

  /** The documents known by hash, when there are any. */
  /** MAX_QUERY_COST, for cost reports. */
  get maxCost(): number {
    return this.options.limiter.maxCost;
  }

  get documents(): TrustedDocuments | undefined {
    return this.options.documents;
  }

  /**
   * A request arriving over HTTP, before its body is read: it is charged REQUEST_MIN_COST, so a
   * client over budget costs no parsing. Undefined when it may go on.
   */
  async arrive(client: string): Promise<Refusal | undefined> {
    if (!this.options.rate.enabled) return undefined;
    const retryAfter = await this.options.rate.charge(client, REQUEST_MIN_COST);
    return retryAfter === undefined ? undefined : refusal(rateLimitedError(retryAfter), 429, retryAfter);
  }

  /** A failed authentication costs AUTH_FAILURE_COST: guessing tokens runs out of budget fast. */
  async authenticationFailed(client: string): Promise<void> {
    await this.options.rate.penalise(client, AUTH_FAILURE_COST);
  }

  /** The viewer behind credentials, or the refusal (401). */
  async authenticate(authorization: unknown): Promise<Viewer | Refusal> {
    try {
      return await this.options.authenticate(authorization);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      return refusal(new GraphQLError(error.message, { extensions: { code: ErrorCode.UNAUTHENTICATED } }), 401);
    }
  }

  /**
   * The document text a request runs: its own `query`, or the known document its hash names
   * (`byHash`). With TRUSTED_DOCUMENTS, a text is admitted only when its hash is in the manifest,
   * unless `viewer` may run any document, and an unknown hash is refused; without it, every text is,
   * and an unknown hash in `extensions.persistedQuery` is left to the transport (Apollo's APQ).
   * Undefined `viewer`: nobody known yet, so no bypass.
   */
  document(params: DocumentParams, viewer?: Viewer): { source?: string; byHash?: boolean } | Refusal {
    const documents = this.options.documents;
    const query = typeof params.query === 'string' && params.query !== '' ? params.query : undefined;
    if (!documents) return { source: query };
    if (!documents.enforced) {
      // Only hashes are looked up: a text runs as it is, unhashed.
      const id = hashNamed(params);
      if (id === undefined || id === null) return { source: query };
      const source = documents.get(id);
      if (source !== undefined) return { source, byHash: true };
      return params.documentId !== undefined && params.documentId !== null ? refusal(documents.refusal({ missing: { named: 'hash', hash: String(id) } }), 400) : { source: query };
    }
    const found = documents.resolve(params);
    if (found.source !== undefined) return { source: found.source, byHash: found.byHash };
    if (query !== undefined && viewer !== undefined && this.options.mayRunAnyDocument(viewer)) return { source: query };
    return refusal(documents.refusal(found), 400);
  }

  /**
   * The one decision for an operation: authentication, the trusted document, the document's limits,
   * the operation, its cost, then the rate limit (its cost, at least REQUEST_MIN_COST, less what was
   * prepaid). Each step a transport has done already is skipped, see AdmissionRequest.
   */
  async admit(request: AdmissionRequest): Promise<Decision> {
    const { limiter, rate } = this.options;
    let viewer = request.viewer;
    if (viewer === undefined) {
      const authenticated = await this.authenticate(request.authorization);
      if (isRefusal(authenticated)) return authenticated;
      viewer = authenticated;
    }
    let cost = request.cost;
    let document = request.document;
    let source: string | undefined;
    if (cost === undefined) {
      if (request.params) {
        const named = this.document(request.params, viewer);
        if (isRefusal(named)) return named;
        source = named.source;
      }
      if (!document) {
        if (source === undefined) {
          // A hash nobody knows, with no Apollo behind to look it up (WebSocket).
          const hash = request.params ? hashNamed(request.params) : undefined;
          if (hash !== undefined && hash !== null) return refusal(documentRefusal({ named: 'hash', hash: String(hash) }, this.options.documents?.enforced ?? false), 400);
          return refusal(new GraphQLError('Send the operation as `query` (or a trusted document by `documentId`)', { extensions: { code: ErrorCode.BAD_REQUEST } }), 400);
        }
        try {
          document = limiter.parse(source);
        } catch (error) {
          const syntax = error instanceof GraphQLError ? error : new GraphQLError(String(error));
          return refusal(new GraphQLError(syntax.message, { source: syntax.source, positions: syntax.positions, extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED } }), 400);
        }
      }
      if (!request.validated) {
        const tooManyFields = limiter.fieldBreach(document);
        if (tooManyFields) return refusal(tooManyFields, 400);
        if (!getOperationAST(document, request.operationName)) {
          return refusal(new GraphQLError('Name the operation to run (operationName) among those of the document', { extensions: { code: ErrorCode.OPERATION_RESOLUTION_FAILURE } }), 400);
        }
      }
      const measured = limiter.cost(document, request.operationName, request.variables);
      if (measured.error) return refusal(measured.error, 400);
      cost = measured.cost;
    }
    const retryAfter = await rate.charge(request.client, Math.max(cost, REQUEST_MIN_COST) - (request.prepaid ?? 0));
    if (retryAfter !== undefined) return refusal(rateLimitedError(retryAfter), 429, retryAfter);
    return { admitted: true, viewer, cost, document, source };
  }
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as Refusal).admitted === false;
}

/** A refusal as Apollo answers a thrown error: its status and headers in `extensions.http`. */
export function refusalForApollo(refused: Refusal): GraphQLError {
  const headers = new Map(refused.retryAfter === undefined ? [] : [['retry-after', String(refused.retryAfter)]]);
  refused.error.extensions.http = { status: refused.status, headers };
  return refused.error;
}
