import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors';
import { AUTH_FAILURE_COST, REQUEST_MIN_COST, type RateLimit } from '../limits/rate-limit';
import { sendGraphQLError } from './graphql-error-response';

/**
 * Charges every request its minimum before the body is read, so a client over budget costs no
 * parsing; the operation's own cost is charged once it is known (limits.plugin.ts), and a refused
 * token (401, answered before any plugin runs) costs AUTH_FAILURE_COST, so guessing tokens is slow
 * however tokens are checked.
 */
export function rateLimitRequests(rate: RateLimit, clientOf: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return (req, res, next) => {
    const client = clientOf(req);
    res.locals.clientAddress = client;
    if (!rate.enabled) return next();
    res.once('finish', () => {
      if (res.statusCode === 401) void rate.penalise(client, AUTH_FAILURE_COST);
    });
    rate.charge(client, REQUEST_MIN_COST).then((retryAfter) => {
      if (retryAfter === undefined) return next();
      res.setHeader('retry-after', String(retryAfter));
      sendGraphQLError(res, 429, ErrorCode.RATE_LIMITED, `Too many requests from your address: try again in ${retryAfter} s, and ask for less per request (smaller pages, fewer fields).`, {
        retryAfter,
      });
    }, next);
  };
}
