import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

/** An id a caller sent is kept (so one id follows a request through proxies) when it looks like one. */
const SAFE_ID = /^[\w.:-]{1,100}$/;

/** The request id for a request or a WebSocket upgrade: the caller's `x-request-id` when sane, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && SAFE_ID.test(sent) ? sent : randomUUID();
}

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's id (x-request-id), set by requestLog. */
    id?: string;
  }
}

/**
 * Gives every request an id, returned as `x-request-id`, and logs one pino JSON line when it ends:
 * debug for successes, info for refusals (4xx), error for failures (5xx). A line is built only when
 * its level is on: at the default level a successful read costs an id and a header, nothing more
 * (pino-http built a child logger and serialized the request for every one, ~15% of a cached answer).
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const id = requestIdOf(req);
    req.id = id;
    res.setHeader('x-request-id', id);
    const started = performance.now();
    res.once('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug';
      if (!log.isLevelEnabled(level)) return;
      log[level](
        {
          requestId: id,
          req: { method: req.method, url: req.originalUrl ?? req.url, remoteAddress: req.socket.remoteAddress },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        'request completed',
      );
    });
    next();
  };
}
