import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import express from 'express';
import type { Refusal } from '../admission/admission';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';

/**
 * Failures that happen before GraphQL sees the request (method, content type, body) still answer
 * in GraphQL's shape, `{ errors: [{ message, extensions: { code } }] }` as JSON, with the HTTP
 * status that names them; never an HTML page, never a stack trace.
 */
export function sendGraphQLError(res: ServerResponse, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** A refusal outside Apollo, in GraphQL's shape: its status, Retry-After for a 429. */
export function sendRefusal(res: ServerResponse, refused: Refusal): void {
  const { code, http: _http, ...extensions } = refused.error.extensions as { code: ErrorCode; http?: unknown };
  if (refused.retryAfter !== undefined) res.setHeader('retry-after', String(refused.retryAfter));
  sendGraphQLError(res, refused.status, code, refused.error.message, extensions);
}

/** GraphQL over HTTP is GET and POST (OPTIONS is answered by CORS before this). */
export const allowGetAndPost: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'POST') return next();
  res.setHeader('allow', 'GET, POST');
  sendGraphQLError(res, 405, ErrorCode.METHOD_NOT_ALLOWED, `${req.method} is not supported here: send GraphQL as POST (application/json) or as GET for queries`);
};

/** A POST body must be JSON; anything else is refused before it is read. */
export function jsonBody(limitBytes: number): RequestHandler[] {
  const contentType: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST' || req.is('application/json')) return next();
    sendGraphQLError(
      res,
      415,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `POST bodies must be application/json${req.headers['content-type'] ? `, not ${req.headers['content-type']}` : ' (no content-type was sent)'}: {"query": "...", "variables": {...}}`,
    );
  };
  return [contentType, express.json({ limit: limitBytes })];
}

/** body-parser's errors carry a `type`; each becomes a coded GraphQL error with its status. */
interface BodyError {
  type?: string;
  status?: number;
  limit?: number;
  charset?: string;
}

/** The last handler: body errors become coded responses; anything else is logged with the request id and masked. */
export function errorResponses(log: Logger): ErrorRequestHandler {
  return (error: BodyError & Error, req, res, _next) => {
    switch (error.type) {
      case 'entity.parse.failed':
        return sendGraphQLError(res, 400, ErrorCode.BAD_REQUEST, 'The body must be a JSON object: {"query": "...", "variables": {...}}');
      case 'entity.too.large':
        return sendGraphQLError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The body is larger than ${error.limit} bytes (MAX_BODY_BYTES): send less per request`, { max: error.limit });
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return sendGraphQLError(res, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, `Unsupported ${error.type === 'charset.unsupported' ? `charset ${error.charset}` : 'content encoding'}: send UTF-8 JSON`);
      case 'request.aborted':
      case 'request.size.invalid':
      case 'stream.encoding.set':
        return sendGraphQLError(res, 400, ErrorCode.BAD_REQUEST, 'The body could not be read');
    }
    const requestId = String(req.id ?? '');
    log.error({ err: error, requestId }, 'unexpected error handling an HTTP request');
    sendGraphQLError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', { requestId });
  };
}

/** Unknown routes (under /graphql and elsewhere) answer 404 in the same shape. */
export const notFound: RequestHandler = (req, res) => {
  sendGraphQLError(res, 404, ErrorCode.NOT_FOUND, `No route ${req.method} ${req.path}: the GraphQL endpoint is /graphql`);
};
