import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors';
import { AUTH_FAILURE_COST, REQUEST_MIN_COST, type RateLimit } from '../limits/rate-limit';
import { sendGraphQLError } from './graphql-error-response';

/**
 * Charges a request its minimum before its body is read, so a client over budget costs no parsing
 * (the operation's own cost is charged once it is known, limits.plugin.ts), and has a refused token
 * (401, answered before any plugin runs) cost AUTH_FAILURE_COST, so guessing tokens is slow however
 * tokens are checked. Answers 429 and resolves false when the client is over its budget. Shared by
 * the app's route and the fast lane (graphql-post.ts).
 */
export async function admitRequest(rate: RateLimit, client: string, res: ServerResponse): Promise<boolean> {
  if (!rate.enabled) return true;
  res.once('finish', () => {
    if (res.statusCode === 401) void rate.penalise(client, AUTH_FAILURE_COST);
  });
  const retryAfter = await rate.charge(client, REQUEST_MIN_COST);
  if (retryAfter === undefined) return true;
  res.setHeader('retry-after', String(retryAfter));
  sendGraphQLError(res, 429, ErrorCode.RATE_LIMITED, `Too many requests from your address: try again in ${retryAfter} s, and ask for less per request (smaller pages, fewer fields).`, { retryAfter });
  return false;
}

/** The app's middleware: `admitRequest`, with the client address kept for the context. */
export function rateLimitRequests(rate: RateLimit, clientOf: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return (req, res, next) => {
    const client = clientOf(req);
    res.locals.clientAddress = client;
    admitRequest(rate, client, res).then((admitted) => admitted && next(), next);
  };
}
