import { consistencyPlugin } from '../http/consistency.plugin';
import type http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Admission } from '../admission/admission';
import { admissionPlugin } from '../admission/admission.plugin';
import type { Config } from '../config';
import { createFormatError, ErrorCode } from '../errors';
import type { Context } from '../graphql/context';
import { compiledGateway, CompiledExecutor } from '../graphql/executor';
import { errorReporting } from '../http/error-reporting.plugin';
import { graphqlOverHttpStatus } from '../http/graphql-over-http.plugin';
import type { OperationLimiter } from '../limits/operation-limits';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';

/** Subscriptions need a stream: over HTTP they would run once with no event, so they are refused there. */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError(`Subscriptions run over WebSocket (graphql-ws, subprotocol graphql-transport-ws) at this same URL`, {
            extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
          });
        }
      },
    };
  },
};

/** QUERY_STATS: each answer says how many SQL statements it took, and how long they ran. */
function statsPlugin(enabled: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!enabled || response.body.kind !== 'single') return;
          const { statements, ms } = contextValue.stats;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sql: { statements, ms: Math.round(ms * 100) / 100 } };
        },
      };
    },
  };
}

export interface ApolloParts {
  config: Config;
  schema: GraphQLSchema;
  limiter: OperationLimiter;
  admission: Admission;
  metrics: Metrics;
  log: Logger;
  /** Drained by Apollo on stop. */
  httpServer: http.Server;
}

/** GraphQL over HTTP: Apollo on the compiled executor, with admission, the error mapping and metrics; started. */
export async function startApollo(parts: ApolloParts): Promise<ApolloServer<Context>> {
  const { config, schema, limiter, admission, metrics, log, httpServer } = parts;
  const apollo = new ApolloServer<Context>({
    gateway: compiledGateway(schema, new CompiledExecutor(schema)),
    // Apollo's default adds a newline to every answer and calls a wrapper; the bytes are the same.
    stringifyResult: (result) => JSON.stringify(result),
    formatError: createFormatError(),
    parseOptions: limiter.parseOptions,
    validationRules: limiter.validationRules,
    introspection: config.introspection,
    logger: log,
    // main.ts owns SIGTERM/SIGINT: it drains, then stops the embedded PostgreSQL. Apollo's own
    // handlers would race it and re-raise the signal before the database is stopped.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The cache-control plugin costs ~12 ms on a dashboard-sized response and we set no hints.
      ApolloServerPluginCacheControlDisabled(),
      // GraphiQL is served by graphiqlRouter from local assets.
      ApolloServerPluginLandingPageDisabled(),
      statsPlugin(config.queryStats),
      consistencyPlugin(),
      subscriptionsOverWebSocketOnly,
      admissionPlugin(admission, () => metrics.refusedBy('tokens')),
      graphqlOverHttpStatus,
      errorReporting(log),
      metrics.apolloPlugin(),
    ],
  });
  await apollo.start();
  return apollo;
}
