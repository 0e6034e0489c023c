import type http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { Admission } from '../admission/admission';
import type { Config } from '../config';
import type { ContextFactory, Services } from '../graphql/context';
import type { OperationLimiter } from '../limits/operation-limits';
import { sharedSubscribe } from '../live/shared-execution';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';
import { graphqlWsOptions, limitSockets, socketIdentity } from '../ws/graphql-ws.options';
import { serveGraphqlWs } from '../ws/ws-transport';

/** A WebSocket must send connection_init within this time or is closed with 4408. */
export const WS_CONNECTION_INIT_TIMEOUT_MS = 3_000;
/**
 * graphql-ws pings every socket this often and drops one that does not answer within as long:
 * dashboards sit idle for hours behind proxies that cut silent connections.
 */
export const WS_PING_INTERVAL_MS = 12_000;

export interface WebSocketParts {
  config: Config;
  path: string;
  httpServer: http.Server;
  schema: GraphQLSchema;
  services: Services;
  createContext: ContextFactory;
  admission: Admission;
  limiter: OperationLimiter;
  metrics: Metrics;
  log: Logger;
  clientOf(req: http.IncomingMessage): string;
}

/** graphql-ws on the HTTP server's upgrades at `path`: sockets limited per address, operations admitted like HTTP's. */
export function serveWebSocket(parts: WebSocketParts): { dispose(): Promise<void> } {
  const { config, httpServer, clientOf, admission, metrics, log } = parts;
  const wsServer = new WebSocketServer({ server: httpServer, path: parts.path, maxPayload: config.ws.maxPayloadBytes });
  limitSockets(wsServer, { clientOf, admission, metrics, maxPerAddress: config.ws.maxSocketsPerAddress });
  return serveGraphqlWs(
    {
      ...graphqlWsOptions({
        schema: parts.schema,
        services: parts.services,
        createContext: parts.createContext,
        admission,
        limiter: parts.limiter,
        metrics,
        log,
        clientOf,
        maxOperationsPerSocket: config.ws.maxSubscriptionsPerSocket,
        subscribe: sharedSubscribe(),
      }),
      // A socket that does not send connection_init in time is closed with 4408.
      connectionInitWaitTimeout: WS_CONNECTION_INIT_TIMEOUT_MS,
    },
    wsServer,
    { keepAlive: WS_PING_INTERVAL_MS, identify: socketIdentity(clientOf), log },
  );
}
