import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import stableStringify from 'fast-json-stable-stringify';
import { Kind, parse, print, type OperationDefinitionNode, type ParseOptions } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { DataVersion } from '../db/data-version';
import { COST_REPORT_HEADER } from '../limits/operation-limits';
import { encode, encodingFor, type Encoding } from './encoding';

/**
 * A cache of whole HTTP answers to anonymous queries: a hit is served without parsing, validating
 * or executing anything (by the fast lane for POSTs, src/http/graphql-post.ts, and by `middleware()`
 * on the app's route for GETs). Keyed by the normalized document (printed from its
 * AST, so layout and comments do not matter), the operation name, the variables (key order does
 * not matter either) and the Accept header (which picks the response's media type).
 *
 * Never stale: every entry carries the data version read before it was computed (src/db/data-
 * version.ts) and is served only while the version is unchanged, so a write committed by any
 * instance is seen by the next request on every instance. Bounded by the bytes of its bodies,
 * least recently used first out.
 */
export interface ResponseCacheOptions {
  /** Most bytes of response bodies held. @default 64 MiB (RESPONSE_CACHE_MAX_MB) */
  maxBytes: number;
  /** Add `extensions.cache` ("HIT" or "MISS") to cacheable answers (with QUERY_STATS). */
  report: boolean;
  /**
   * With a read replica: the data version of the replica, which anonymous answers are computed on.
   * An answer is stamped with it (read before computing, so never newer than the answer) and
   * served while the primary's version is the same: never older than a write committed anywhere.
   * @default the primary's version
   */
  stamp?: DataVersion;
  /**
   * With TRUSTED_DOCUMENTS: whether a document text may run. One that may not is never served from
   * the cache, even when it prints like a trusted one: it goes on to be refused.
   */
  admits?(query: string): boolean;
  /**
   * How documents are parsed to be normalized: with the operation limits' token bound, so that a
   * document the API will refuse costs no more here than it does there (a 418 KB document of
   * 5,000 aliases took 400 ms to parse and print in full before it was refused).
   */
  parseOptions: ParseOptions;
}

/** A kept answer: its body, the data version it was computed at, and its compressed forms. */
export interface CachedAnswer {
  version: string;
  body: string;
  contentType: string;
  /** The body compressed, made the first time a client asks for that encoding. */
  encoded?: Partial<Record<Encoding, Buffer>>;
}

/** Raw document text → its normalized print, or false when it is not a cacheable query. */
type DocumentKey = string | false;

/** Raw documents remembered with their normalized form, bounded by their text. */
const DOCUMENT_TEXT_KEPT_BYTES = 8 * 1024 * 1024;
/**
 * A request bigger than this (body or query string) is answered without the cache: making and
 * keeping its key would cost more than the answer saves (a 10 MB variable took 60 ms to key), and
 * no frontend's query is near it.
 */
const MAX_KEYED_REQUEST_BYTES = 64 * 1024;

export class ResponseCache {
  private readonly entries: LRUCache<string, CachedAnswer>;
  private readonly documents = new LRUCache<string, { normalized: DocumentKey }>({ maxSize: DOCUMENT_TEXT_KEPT_BYTES, sizeCalculation: (_known, text) => text.length || 1 });

  constructor(
    private readonly version: DataVersion,
    private readonly options: ResponseCacheOptions,
  ) {
    this.entries = new LRUCache<string, CachedAnswer>({
      maxSize: options.maxBytes,
      // An answer bigger than a quarter of the cache would push out everything else for one key.
      maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 4)),
      sizeCalculation: (entry, key) => entry.body.length + key.length + (entry.encoded?.br?.length ?? 0) + (entry.encoded?.gzip?.length ?? 0),
    });
  }

  /** Entries and the bytes they hold (for metrics and tests). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  /**
   * The cache key of a request (its parsed body for a POST), or null when its answer must not be
   * cached or served from cache: a request with credentials or asking for its cost report, not a
   * query, bigger than MAX_KEYED_REQUEST_BYTES (or a body of unknown size: chunked, with no
   * Content-Length), or (TRUSTED_DOCUMENTS) not a trusted document.
   */
  keyOf(req: IncomingMessage & { query?: unknown }, body: unknown): string | null {
    if (req.headers.authorization !== undefined || req.headers[COST_REPORT_HEADER] !== undefined) return null;
    if (!withinKeyedSize(req)) return null;
    const params = requestParams(req, body);
    if (!params) return null;
    if (this.options.admits && !this.options.admits(params.query)) return null;
    const normalized = this.normalize(params.query, params.operationName);
    if (normalized === false) return null;
    return `${normalized}\u0000${params.operationName ?? ''}\u0000${stableStringify(params.variables ?? {})}\u0000${req.headers.accept ?? ''}`;
  }

  /**
   * The data version now and the answer kept under `key` when it was computed at that version.
   * The version is null when the database cannot be asked: nothing is served or kept then.
   */
  async lookup(key: string): Promise<{ version: string | null; answer?: CachedAnswer }> {
    const [version, stamp] = await Promise.all([this.version.now().catch(() => null), this.options.stamp?.now().catch(() => null)]);
    const entry = version === null ? undefined : this.entries.get(key);
    // A lagging replica stamps answers with its older version: such an answer is kept but never
    // served, since the primary's version has already moved past its stamp.
    return { version: version === null || stamp === undefined ? version : stamp, answer: entry && entry.version === version ? entry : undefined };
  }

  /**
   * Keeps an answer computed at `version`, when it is a success: Apollo writes `errors` first, so
   * an answer with errors (even partial) is never kept. Returns the body to send (marked as a miss
   * with reporting on).
   */
  keep(key: string, version: string, status: number, body: string, contentType: string): string {
    if (status === 200 && !body.startsWith('{"errors"')) this.entries.set(key, { version, body, contentType });
    return this.options.report && status === 200 ? withCacheReport(body, 'MISS') : body;
  }

  /** Writes a kept answer, compressed as the client accepts (once per answer and encoding). */
  write(req: IncomingMessage, res: ServerResponse, key: string, answer: CachedAnswer): void {
    res.statusCode = 200;
    res.setHeader('content-type', answer.contentType);
    res.setHeader('vary', 'accept-encoding');
    const body = this.options.report ? withCacheReport(answer.body, 'HIT') : answer.body;
    const encoding = encodingFor(req, body.length);
    if (!encoding) {
      res.setHeader('content-length', Buffer.byteLength(body));
      return void res.end(body);
    }
    let bytes = this.options.report ? undefined : answer.encoded?.[encoding];
    if (!bytes) {
      bytes = encode(body, encoding);
      if (!this.options.report) {
        // The entry's size grows by it.
        answer.encoded = { ...answer.encoded, [encoding]: bytes };
        this.entries.set(key, answer);
      }
    }
    res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', bytes.length);
    res.end(bytes);
  }

  /** On the GraphQL route after the body parser, for requests the fast lane does not take (GETs). */
  middleware(): RequestHandler {
    return (req, res, next) => {
      this.answer(req, res, next).catch(next);
    };
  }

  private async answer(req: Request, res: Response, next: NextFunction): Promise<void> {
    const key = this.keyOf(req, req.body);
    if (key === null) return next();
    const { version, answer } = await this.lookup(key);
    if (answer) return this.write(req, res, key, answer);
    if (version !== null) {
      const send = res.send.bind(res);
      res.send = (body?: unknown) =>
        send(typeof body === 'string' ? this.keep(key, version, res.statusCode, body, String(res.getHeader('content-type') ?? 'application/json; charset=utf-8')) : body);
    }
    next();
  }

  private normalize(query: string, operationName: string | undefined): DocumentKey {
    const id = `${operationName ?? ''}\u0000${query}`;
    let known = this.documents.get(id);
    if (!known) {
      known = { normalized: normalizedQuery(query, operationName, this.options.parseOptions) };
      this.documents.set(id, known);
    }
    return known.normalized;
  }
}

interface Params {
  query: string;
  operationName?: string;
  variables?: unknown;
}

/**
 * The operation of a POST (JSON body) or of a GET that Apollo would run: GETs must carry a header
 * that a cross-site form cannot send, as Apollo's CSRF prevention requires; anything else is left to
 * Apollo, which answers it (or refuses it) itself: malformed parameters, persisted queries sent by
 * hash alone, GETs with extensions.
 */
function requestParams(req: IncomingMessage & { query?: unknown }, parsedBody: unknown): Params | null {
  if (req.method === 'POST') {
    const body = parsedBody as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') return null;
    if (body.operationName != null && typeof body.operationName !== 'string') return null;
    if (body.extensions != null && (typeof body.extensions !== 'object' || Array.isArray(body.extensions))) return null;
    return { query: body.query, operationName: (body.operationName as string | null) ?? undefined, variables: body.variables ?? undefined };
  }
  if (req.method !== 'GET') return null;
  if (req.headers['apollo-require-preflight'] === undefined && req.headers['x-apollo-operation-name'] === undefined) return null;
  const { query, operationName, variables, extensions } = req.query as Record<string, unknown>;
  if (typeof query !== 'string' || (operationName !== undefined && typeof operationName !== 'string')) return null;
  if (extensions !== undefined) return null;
  if (variables !== undefined && typeof variables !== 'string') return null;
  try {
    return { query, operationName: operationName as string | undefined, variables: variables === undefined ? undefined : JSON.parse(variables) };
  } catch {
    return null;
  }
}

/** Whether a request is small enough to key: its URL, and its body by the Content-Length it declared (a body sent without one could be any size). */
function withinKeyedSize(req: IncomingMessage): boolean {
  if ((req.url?.length ?? 0) > MAX_KEYED_REQUEST_BYTES) return false;
  if (req.method !== 'POST') return true;
  const length = req.headers['content-length'];
  return length !== undefined && Number(length) <= MAX_KEYED_REQUEST_BYTES;
}

/** The document printed from its AST when it holds the named (or only) operation and it is a query. */
function normalizedQuery(query: string, operationName: string | undefined, parseOptions: ParseOptions): DocumentKey {
  try {
    const document = parse(query, parseOptions);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName === undefined ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === operationName);
    return operation?.operation === 'query' ? print(document) : false;
  } catch {
    // Apollo answers the syntax error (or the token limit); nothing to cache.
    return false;
  }
}

/** The answer with `extensions.cache` set (and no SQL statements on a hit). Only with QUERY_STATS. */
function withCacheReport(body: string, status: 'HIT' | 'MISS'): string {
  const answer = JSON.parse(body) as { extensions?: Record<string, unknown> };
  answer.extensions = { ...answer.extensions, cache: status, ...(status === 'HIT' ? { sql: { statements: 0, ms: 0 } } : {}) };
  return JSON.stringify(answer);
}
