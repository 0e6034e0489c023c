import cors from 'cors';
import { COST_REPORT_HEADER } from '../limits/operation-limits';
import type { RequestHandler } from 'express';

/**
 * CORS for browser frontends on other origins. Reads are public and credentials travel in the
 * `Authorization` header, never in cookies, so `*` is safe by default; CORS_ORIGINS narrows it.
 * Preflights are answered here, before GraphiQL's GET route could answer them with a bare Allow.
 */
export function graphqlCors(origins: '*' | string[]): RequestHandler {
  return cors({
    origin: origins === '*' ? '*' : origins,
    methods: ['GET', 'POST'],
    // apollo-require-preflight / x-apollo-operation-name: what Apollo's CSRF prevention asks of a GET.
    // graphql-cost: a developer asking for the cost report (src/admission/admission.plugin.ts).
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', COST_REPORT_HEADER],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 86_400,
  });
}
