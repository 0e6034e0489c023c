import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors';
import type { Context } from '../graphql/context';
import { COST_REPORT_HEADER, isTokenLimitError } from '../limits/operation-limits';
import { REQUEST_MIN_COST } from '../limits/rate-limit';
import { isRefusal, refusalForApollo, type Admission } from './admission';

/**
 * Admission over HTTP (Apollo): which document a request may run (TRUSTED_DOCUMENTS) is settled in
 * front of Apollo, before anything is parsed or served from the cache (src/http/document-id.ts);
 * depth, aliases, directives and tokens run in Apollo's parse and validation (`parseOptions`, `validationRules`);
 * once the operation is resolved, `admit` decides the rest: its cost and the rate limit (the request's
 * minimum was charged when it arrived, rate-limit.middleware.ts). The viewer comes from the context.
 */
export function admissionPlugin(admission: Admission, onTokenLimit: () => void): ApolloServerPlugin<Context> {
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
        async didResolveOperation({ source, document, operationName, request, contextValue }) {
          const decision = await admission.admit({
            client: contextValue.clientAddress,
            viewer: contextValue.viewer,
            // The HTTP layer refused untrusted documents before the cache (document-id.ts); asked
            // again here with the viewer, as every transport asks.
            params: { query: source },
            document,
            validated: true,
            operationName,
            variables: request.variables,
            prepaid: REQUEST_MIN_COST,
          });
          if (isRefusal(decision)) throw refusalForApollo(decision);
          estimate = decision.cost;
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          if (report && estimate !== undefined) {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, cost: { estimate, max: admission.maxCost } };
          }
          const failedAuth = response.body.singleResult.errors?.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED);
          // A refused token is answered 401 before any plugin runs, and charged on arrival (see
          // rate-limit.middleware.ts); here only operations that needed a token and had none.
          if (failedAuth && response.http.status !== 401) await admission.authenticationFailed(contextValue.clientAddress);
        },
      };
    },
  };
}
