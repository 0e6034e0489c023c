import type { NextFunction, Request, RequestHandler, Response } from 'express';
import stableStringify from 'fast-json-stable-stringify';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
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
}

interface Entry {
  version: string;
  body: string;
  contentType: string;
}

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
      sizeCalculation: (entry, key) => entry.body.length + key.length,
    });
  }

  /** Entries and the bytes they hold (for metrics and tests). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  /** Express middleware, after the body parser and before Apollo. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      this.handle(req, res, next).catch(next);
    };
  }

  private async handle(req: Request, res: Response, next: NextFunction): Promise<void> {
    const key = this.keyOf(req);
    if (key === null) return next();
    const version = await this.version.now();
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      this.serve(res, entry);
      return;
    }
    this.keepAnswer(res, key, version);
    next();
  }

  /** The cache key of a request, or null when its answer must not be cached or served from cache. */
  private keyOf(req: Request): string | null {
    if (req.headers.authorization !== undefined) return null;
    const params = requestParams(req);
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

  private serve(res: Response, entry: Entry): void {
    const body = this.options.report ? withCacheReport(entry.body, 'HIT') : entry.body;
    res.statusCode = 200;
    res.setHeader('content-type', entry.contentType);
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
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
function requestParams(req: Request): Params | null {
  if (req.method === 'POST') {
    const body = req.body as Record<string, unknown> | undefined;
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
