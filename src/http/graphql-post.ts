import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from '../graphql/context';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { Admission } from '../admission/admission';
import { admitDocument } from './document-id';
import { encode, encodingFor } from './encoding';
import { sendGraphQLError, sendRefusal } from './graphql-error-response';
import { admitArrival } from './rate-limit.middleware';
import type { ResponseCache } from './response-cache';

/**
 * The fast lane for GraphQL over HTTP's main request, a JSON POST to /graphql: read on the HTTP
 * server itself and handed to Apollo through `executeHTTPGraphQLRequest`, the API Apollo's own
 * integrations are built on (`@as-integrations/express5` is one), without Express's routing and
 * middleware stack. Measured on the village page (W2, ~330 bytes) that stack cost about 0.1 ms of
 * the 0.35 ms a request took; on a cached answer it was most of it (README, "How reads work").
 *
 * Every answer here gets what the app gives every answer: the request id and its log line, CORS
 * (`every`), and admission on arrival (`admission`); answers to anonymous queries go through the response
 * cache. Everything else goes to the app (`app()`), untouched: GETs, other content types, bodies
 * over 64 KiB or MAX_BODY_BYTES, compressed bodies. A body that does not parse goes on to the app
 * too, marked for `readAheadErrors()`, which reports it after the body parser as body-parser would.
 */

/** A connect-style handler that works on plain Node requests (no Express additions). */
export type ConnectHandler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface GraphqlPostOptions {
  path: string;
  apollo: ApolloServer<Context>;
  /** The context of an operation; rejects (UNAUTHENTICATED) for a bad token. */
  context(req: IncomingMessage): Promise<Context>;
  /** What every answer gets: request id and log line, CORS. */
  every: ConnectHandler[];
  /** Charges each request its minimum on arrival (the rest is decided in Apollo's plugin). */
  admission: Admission;
  clientOf(req: IncomingMessage): string;
  cache?: ResponseCache;
  /** MAX_BODY_BYTES: bigger bodies go to the app, whose body parser refuses them. */
  maxBodyBytes: number;
  log: Logger;
}

/** The fast lane reads only bodies this small; anything bigger takes the app's path. */
const READ_AHEAD_BYTES = 64 * 1024;

type Locals = Record<string, unknown>;

export function graphqlPost(options: GraphqlPostOptions) {
  const takes = (req: IncomingMessage): boolean => {
    if (req.method !== 'POST' || req.url !== options.path) return false;
    const type = req.headers['content-type']?.toLowerCase().replaceAll(' ', '');
    if (type !== 'application/json' && type !== 'application/json;charset=utf-8') return false;
    const length = Number(req.headers['content-length']);
    return Number.isInteger(length) && length > 0 && length <= Math.min(READ_AHEAD_BYTES, options.maxBodyBytes) && !req.headers['content-encoding'];
  };

  return (req: IncomingMessage, res: ServerResponse, app: () => void): void => {
    if (!takes(req)) return app();
    const locals: Locals = Object.create(null);
    (res as ServerResponse & { locals?: Locals }).locals = locals;
    readBody(req)
      .then((text) => {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (error) {
          locals.readAheadError = Object.assign(error as Error, { type: 'entity.parse.failed', status: 400 });
          return app();
        }
        (req as IncomingMessage & { body?: unknown }).body = body;
        runHandlers(options, req, res, () => void answer(options, req, res, body).catch((error: unknown) => fail(options, req, res, error)));
      })
      .catch((error: unknown) => {
        locals.readAheadError = error;
        app();
      });
  };
}

/** The rate limit, the document (a known hash becomes its text; TRUSTED_DOCUMENTS), the cache, then Apollo. */
async function answer(options: GraphqlPostOptions, req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
  const client = options.clientOf(req);
  (res as ServerResponse & { locals: Locals }).locals.clientAddress = client;
  if (!(await admitArrival(options.admission, client, res))) return;
  if (options.admission.documents && typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const refused = await admitDocument(options.admission, req.headers.authorization, body as Record<string, unknown>);
    if (refused) return sendRefusal(res, refused);
  }
  const key = options.cache?.keyOf(req, body) ?? null;
  let version: string | null = null;
  if (key !== null) {
    const found = await options.cache!.lookup(key);
    if (found.answer) return options.cache!.write(req, res, key, found.answer);
    version = found.version;
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body },
    context: () => options.context(req),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'chunked') {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    return void res.end();
  }
  let text = response.body.string;
  if (key !== null && version !== null) text = options.cache!.keep(key, version, res.statusCode, text, String(res.getHeader('content-type')));
  send(req, res, text);
}

/** Writes a body, compressed as the client accepts when it is worth it. */
function send(req: IncomingMessage, res: ServerResponse, text: string): void {
  res.setHeader('vary', 'accept-encoding');
  const encoding = encodingFor(req, text.length);
  if (!encoding) {
    res.setHeader('content-length', Buffer.byteLength(text));
    return void res.end(text);
  }
  const bytes = encode(text, encoding);
  res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', bytes.length);
  res.end(bytes);
}

function fail(options: GraphqlPostOptions, req: IncomingMessage, res: ServerResponse, error: unknown): void {
  options.log.error({ err: error, requestId: req.id }, 'unexpected error handling an HTTP request');
  if (res.headersSent) return void res.destroy();
  sendGraphQLError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', { requestId: req.id });
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

/** Runs `every` in order, then `done`; a handler that answers stops there. */
function runHandlers(options: GraphqlPostOptions, req: IncomingMessage, res: ServerResponse, done: () => void): void {
  const step = (i: number) => (error?: unknown) => {
    if (error) return fail(options, req, res, error);
    if (res.writableEnded) return;
    if (i === options.every.length) return done();
    options.every[i]!(req, res, step(i + 1));
  };
  step(0)();
}

/** After the body parser on the app's GraphQL route: a body the fast lane read that did not parse is an error, as body-parser's would be. */
export function readAheadErrors(_req: IncomingMessage, res: ServerResponse & { locals?: Locals }, next: (error?: unknown) => void): void {
  next(res.locals?.readAheadError);
}
