import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';
import { ErrorCode, logUnexpectedErrors } from '../errors';
import type { Logger } from '../logger';

/**
 * Unexpected errors are logged once, one JSON line each, under the request id, and the client's
 * masked INTERNAL_SERVER_ERROR carries that id (`extensions.requestId`) to quote when reporting it.
 */
export function errorReporting(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          logUnexpectedErrors(log, errors, contextValue.requestId);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
