import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import stableStringify from 'fast-json-stable-stringify';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';
import type { DataVersion } from '../db/data-version';

/**
 * A cache of whole HTTP answers to anonymous queries, in front of Apollo: a hit is served without
 * parsing, validating or executing anything. Keyed by the normalized document (printed from its
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
  /** The largest body the server accepts (MAX_BODY_BYTES): bigger ones are left to the body parser to refuse. */
  maxBodyBytes: number;
}

interface Entry {
  version: string;
  body: string;
  contentType: string;
  /** The body compressed, made the first time a client asks for that encoding. */
  encoded?: Partial<Record<'br' | 'gzip', Buffer>>;
}

/** Bodies smaller than this go out as they are, as the compression middleware decides (src/server.ts). */
const COMPRESS_FROM_BYTES = 1024;
/** The front door reads ahead only bodies this small; anything bigger takes the ordinary path. */
const READ_AHEAD_BYTES = 64 * 1024;

/** Raw document text → its normalized print, or false when it is not a cacheable query. */
type DocumentKey = string | false;

/** Distinct raw documents remembered with their normalized form. */
const DOCUMENTS_KEPT = 5000;

export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly documents = new LRUCache<string, { normalized: DocumentKey }>({ max: DOCUMENTS_KEPT });

  constructor(
    private readonly version: DataVersion,
    private readonly options: ResponseCacheOptions,
  ) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      // An answer bigger than a quarter of the cache would push out everything else for one key.
      maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 4)),
      sizeCalculation: (entry, key) => entry.body.length + key.length + (entry.encoded?.br?.length ?? 0) + (entry.encoded?.gzip?.length ?? 0),
    });
  }

  /**
   * In front of the app, on the HTTP server itself: answers a hit for an anonymous JSON POST to
   * `path` with only what every answer gets (`onHit`: the request id and log line, CORS) and a
   * rate-limit check (`admit`), without the app's routing and middleware, which cost more than the
   * answer itself. The body is read here (up to 64 KiB); for anything else the app runs as usual,
   * the body already parsed as `req.body` (body-parser skips it) or, when it does not parse,
   * reported after the body parser by `readAheadErrors()` as body-parser would report it.
   */
  frontDoor(path: string, onHit: ConnectHandler[], admit: (req: IncomingMessage) => Promise<boolean>) {
    return (req: IncomingMessage, res: ServerResponse, app: () => void): void => {
      if (!this.readsAhead(req, path)) return app();
      const locals: Record<string, unknown> = Object.create(null);
      (res as ServerResponse & { locals?: Record<string, unknown> }).locals = locals;
      readBody(req)
        .then(async (text) => {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch (error) {
            locals.readAheadError = Object.assign(error as Error, { type: 'entity.parse.failed', status: 400 });
            return app();
          }
          (req as IncomingMessage & { body?: unknown }).body = body;
          const key = this.keyOf(req, body);
          locals.cacheKeyed = true;
          if (key === null) return app();
          const version = await this.version.now().catch(() => null);
          // The database is unreachable: the app answers (and reports it), nothing is cached.
          if (version === null) return app();
          const entry = this.entries.get(key);
          if (!entry || entry.version !== version) {
            locals.cacheKeep = { key, version };
            return app();
          }
          // Over its budget, the client is refused by the app's own rate limit, in its own words.
          if (!(await admit(req))) return app();
          runHandlers(onHit, req, res, () => this.serve(req, res, key, entry), app);
        })
        .catch((error: unknown) => {
          locals.readAheadError = error;
          app();
        });
    };
  }

  /** After the body parser on the GraphQL route: a read-ahead body that did not parse is an error, as body-parser's would be. */
  readAheadErrors(): RequestHandler {
    return (_req, res, next) => next(res.locals.readAheadError);
  }

  /** Entries and the bytes they hold (for metrics and tests). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  /** On the GraphQL route after the body parser: keeps what the front door missed, serves what it did not take (GETs). */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const keep = res.locals.cacheKeep as { key: string; version: string } | undefined;
      if (keep) this.keepAnswer(res, keep.key, keep.version);
      if (res.locals.cacheKeyed) return next();
      this.answer(req, res, next).catch(next);
    };
  }

  private readsAhead(req: IncomingMessage, path: string): boolean {
    if (req.method !== 'POST' || req.url !== path || req.headers.authorization !== undefined) return false;
    const type = req.headers['content-type']?.toLowerCase().replaceAll(' ', '');
    if (type !== 'application/json' && type !== 'application/json;charset=utf-8') return false;
    const length = Number(req.headers['content-length']);
    const limit = Math.min(READ_AHEAD_BYTES, this.options.maxBodyBytes);
    return Number.isInteger(length) && length > 0 && length <= limit && !req.headers['content-encoding'];
  }

  /** Serves a hit, or marks the response to be kept and lets the app answer it. */
  private async answer(req: Request, res: Response, next: NextFunction): Promise<void> {
    const key = this.keyOf(req, req.body);
    if (key === null) return next();
    const version = await this.version.now().catch(() => null);
    if (version === null) return next();
    const entry = this.entries.get(key);
    if (entry && entry.version === version) return this.serve(req, res, key, entry);
    this.keepAnswer(res, key, version);
    next();
  }

  /** The cache key of a request, or null when its answer must not be cached or served from cache. */
  private keyOf(req: IncomingMessage & { query?: unknown }, body: unknown): string | null {
    if (req.headers.authorization !== undefined) return null;
    const params = requestParams(req, body);
    if (!params) return null;
    const normalized = this.normalize(params.query, params.operationName);
    if (normalized === false) return null;
    return `${normalized}\u0000${params.operationName ?? ''}\u0000${stableStringify(params.variables ?? {})}\u0000${req.headers.accept ?? ''}`;
  }

  private normalize(query: string, operationName: string | undefined): DocumentKey {
    const id = `${operationName ?? ''}\u0000${query}`;
    let known = this.documents.get(id);
    if (!known) {
      known = { normalized: normalizedQuery(query, operationName) };
      this.documents.set(id, known);
    }
    return known.normalized;
  }

  private serve(req: IncomingMessage, res: ServerResponse, key: string, entry: Entry): void {
    res.statusCode = 200;
    res.setHeader('content-type', entry.contentType);
    res.setHeader('vary', 'accept-encoding');
    const body = this.options.report ? withCacheReport(entry.body, 'HIT') : entry.body;
    const encoding = body.length >= COMPRESS_FROM_BYTES ? new Negotiator(req).encoding(['br', 'gzip', 'identity']) : 'identity';
    if (encoding !== 'br' && encoding !== 'gzip') {
      res.setHeader('content-length', Buffer.byteLength(body));
      return void res.end(body);
    }
    let bytes = this.options.report ? undefined : entry.encoded?.[encoding];
    if (!bytes) {
      // Compressed once per entry and encoding, not once per answer; the entry's size grows by it.
      bytes = encoding === 'br' ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : zlib.gzipSync(body);
      if (!this.options.report) {
        entry.encoded = { ...entry.encoded, [encoding]: bytes };
        this.entries.set(key, entry);
      }
    }
    res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', bytes.length);
    res.end(bytes);
  }

  /** Keeps Apollo's answer when it is a success; with reporting on, marks it as a miss. */
  private keepAnswer(res: Response, key: string, version: string): void {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body !== 'string' || res.statusCode !== 200) return send(body);
      // Apollo writes `errors` first: an answer with errors (even partial) is never cached.
      if (!body.startsWith('{"errors"')) {
        const contentType = String(res.getHeader('content-type') ?? 'application/json; charset=utf-8');
        this.entries.set(key, { version, body, contentType });
      }
      return send(this.options.report ? withCacheReport(body, 'MISS') : body);
    };
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

/** Reads a request's body as UTF-8 text. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

/** A connect-style handler that works on plain Node requests (no Express additions). */
export type ConnectHandler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Runs connect-style handlers in order, then `done`; one that answers stops there, one that fails hands over to `fallback`. */
function runHandlers(handlers: ConnectHandler[], req: IncomingMessage, res: ServerResponse, done: () => void, fallback: () => void): void {
  const step = (i: number) => (error?: unknown) => {
    if (error) return fallback();
    if (res.writableEnded) return;
    if (i === handlers.length) return done();
    handlers[i]!(req, res, step(i + 1));
  };
  step(0)();
}

/** The document printed from its AST when it holds the named (or only) operation and it is a query. */
function normalizedQuery(query: string, operationName: string | undefined): DocumentKey {
  try {
    const document = parse(query);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName === undefined ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === operationName);
    return operation?.operation === 'query' ? print(document) : false;
  } catch {
    // Apollo answers the syntax error; nothing to cache.
    return false;
  }
}

/** The answer with `extensions.cache` set (and no SQL statements on a hit). Only with QUERY_STATS. */
function withCacheReport(body: string, status: 'HIT' | 'MISS'): string {
  const answer = JSON.parse(body) as { extensions?: Record<string, unknown> };
  answer.extensions = { ...answer.extensions, cache: status, ...(status === 'HIT' ? { sql: { statements: 0, ms: 0 } } : {}) };
  return JSON.stringify(answer);
}
