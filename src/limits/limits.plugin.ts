import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';
import { ErrorCode } from '../errors';
import { isTokenLimitError, type OperationLimiter } from './operation-limits';
import { AUTH_FAILURE_COST, rateLimitedError, REQUEST_MIN_COST, type RateLimit } from './rate-limit';

/**
 * A request with this header set to `report` gets its cost in `extensions.cost`: `estimate`, the
 * most objects the response could hold as the cost rule counts them, and `max` (MAX_QUERY_COST).
 * Hot Chocolate answers the same header; Shopify and GitHub report costs in the response too, so a
 * client can see how far a query is from the limit before it grows past it.
 */
export const COST_REPORT_HEADER = 'graphql-cost';

/**
 * The operation limits and the rate limit over HTTP. Depth, aliases, directives and tokens run in
 * Apollo's parse and validation (`parseOptions`, `validationRules`); the cost needs the variables,
 * so it is checked once the operation is resolved, before execution, and charged to the client.
 */
export function limitsPlugin(limiter: OperationLimiter, rate: RateLimit, onTokenLimit: () => void): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const report = request.http?.headers.get(COST_REPORT_HEADER)?.trim().toLowerCase() === 'report';
      let estimate: number | undefined;
      return {
        async parsingDidStart() {
          return async (error) => {
            if (isTokenLimitError(error)) onTokenLimit();
          };
        },
        async didResolveOperation({ document, operationName, request, contextValue }) {
          const { cost, error } = limiter.cost(document, operationName, request.variables);
          estimate = cost;
          if (error) {
            error.extensions.http = { status: 400, headers: new Map() };
            throw error;
          }
          // The request's minimum was charged when it arrived (rateLimitRequests).
          const retryAfter = await rate.charge(contextValue.clientAddress, cost - REQUEST_MIN_COST);
          if (retryAfter !== undefined) throw rateLimitedError(retryAfter);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          if (report && estimate !== undefined) {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, cost: { estimate, max: limiter.maxCost } };
          }
          const failedAuth = response.body.singleResult.errors?.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED);
          // A refused token is answered 401 before any plugin runs, and charged by rateLimitRequests;
          // here only operations that needed a token and had none (a mutation without one).
          if (failedAuth && response.http.status !== 401) await rate.penalise(contextValue.clientAddress, AUTH_FAILURE_COST);
        },
      };
    },
  };
}
