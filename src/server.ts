import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { WebSocketServer } from 'ws';
import type { Config } from './config';
import { createContext, type Context, type Services } from './context';
import { initORM, isMigrated } from './db/orm';
import { entities } from './entities';
import { prepareDatabase } from './prepare';
import { DataVersion } from './db/data-version';
import { Sql } from './db/sql';
import { ReadRouting } from './db/read-routing';
import { createWriteFences } from './db/write-fences';
import { consistencyPlugin, readAfterOf } from './http/consistency.plugin';
import { createFormatError, ErrorCode } from './errors';
import { compiledGateway, CompiledExecutor } from './graphql/executor';
import { clientAddressOf } from './http/client-address';
import { graphqlCors } from './http/cors';
import { errorReporting } from './http/error-reporting.plugin';
import { allowGetAndPost, errorResponses, jsonBody, notFound } from './http/graphql-error-response';
import { graphqlOverHttpStatus } from './http/graphql-over-http.plugin';
import { rateLimitRequests } from './http/rate-limit.middleware';
import { requestLog } from './http/request-log';
import { graphqlPost, readAheadErrors, type ConnectHandler } from './http/graphql-post';
import { ResponseCache } from './http/response-cache';
import { limitsPlugin } from './limits/limits.plugin';
import { OperationLimiter } from './limits/operation-limits';
import { RateLimit } from './limits/rate-limit';
import { latestChangeId } from './live/change-log';
import { LiveHub } from './live/live-hub';
import { createNotifier } from './live/notifier';
import { sharedSubscribe } from './live/shared-execution';
import type { Logger } from './logger';
import { Metrics } from './metrics/metrics';
import { createSchema } from './schema';
import { villageExportRouter } from './region/village.export';
import { dashboardRouter } from './web/dashboard';
import { graphiqlRouter } from './web/graphiql';
import { graphqlWsOptions, limitSockets, socketIdentity } from './ws/graphql-ws.options';
import { serveGraphqlWs } from './ws/ws-transport';

/** Path of the GraphQL endpoint, for HTTP and WebSocket alike. */
export const GRAPHQL_PATH = '/graphql';

/** A WebSocket must send connection_init within this time or is closed with 4408. */
export const WS_CONNECTION_INIT_TIMEOUT_MS = 3_000;
/**
 * graphql-ws pings every socket this often and drops one that does not answer within as long:
 * dashboards sit idle for hours behind proxies that cut silent connections.
 */
export const WS_PING_INTERVAL_MS = 12_000;

export interface ServerOptions {
  config: Config;
  /** PostgreSQL to serve from; migrated (and loaded with the register when empty) before listening. */
  databaseUrl: string;
  log: Logger;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  port: number;
  orm: MikroORM;
  /** The response cache, when on. */
  responseCache?: ResponseCache;
  /** Drains HTTP and WebSocket (open subscriptions complete), then closes database pools. */
  stop(): Promise<void>;
}

/** The ORM's (knex/tarn) pool: connections in use and acquisitions waiting. */
function ormPoolUsage(orm: MikroORM): { inUse: number; waiting: number } {
  const pool = (orm.em.getConnection().getKnex().client as { pool?: { numUsed(): number; numPendingAcquires(): number } }).pool;
  return { inUse: pool?.numUsed() ?? 0, waiting: pool?.numPendingAcquires() ?? 0 };
}

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

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, databaseUrl, log } = options;
  // Migrations and the first load take a session-level advisory lock: on the direct connection.
  const migrator = await initORM(databaseUrl, entities);
  try {
    await prepareDatabase(migrator, config, databaseUrl, (message) => log.info(message));
  } finally {
    if (config.databasePoolUrl) await migrator.close();
  }
  // The main pools through the pooler when there is one (see README § "Replicas and consistency").
  const pooled = config.databasePoolUrl !== undefined;
  const orm = pooled ? await initORM(config.databasePoolUrl!, entities) : migrator;
  const sql = new Sql(config.databasePoolUrl ?? databaseUrl, { max: 10, statementTimeoutMs: config.statementTimeoutMs, name: 'desa-cerdas-api', pooled });
  const replica = config.databaseReadUrl ? new Sql(config.databaseReadUrl, { max: 10, statementTimeoutMs: config.statementTimeoutMs, name: 'desa-cerdas-api-read' }) : undefined;
  const reads = new ReadRouting(sql, replica, config.replica);
  await reads.start();
  const fences = createWriteFences(config.redisUrl);
  const onError = (message: string, error: unknown) => log.warn({ err: error }, message);
  const notifier = createNotifier({ databaseUrl, redisUrl: config.redisUrl }, { onError });
  const hub = new LiveHub(sql, notifier, { onError });
  await hub.start();
  const services: Services = { config, orm, sql, reads, fences, hub, notifier };
  const schema = await createSchema({ planner: config.queryPlanner });
  const metrics = new Metrics({
    changeLogLag: async () => Number(BigInt(await latestChangeId(sql)) - BigInt(hub.position)),
    pools: () => ({ read: sql.poolUsage(), orm: ormPoolUsage(orm) }),
  });
  const limiter = new OperationLimiter(schema, config.limits, { introspection: config.introspection, onRefused: (limit) => metrics.refusedBy(limit) });
  const rate = new RateLimit({ ...config.rateLimit, redisUrl: config.redisUrl });
  const clientOf = clientAddressOf(config.trustProxy);
  const responseCache = config.responseCache ? new ResponseCache(new DataVersion(sql), { maxBytes: config.responseCacheMaxMb * 1024 * 1024, report: config.queryStats, stamp: replica && new DataVersion(replica) }) : undefined;

  const logRequests = requestLog(log);
  const cors = graphqlCors(config.corsOrigins);
  const rateLimited = rateLimitRequests(rate, clientOf);

  const app = express();
  app.disable('x-powered-by');
  // A weak ETag is a hash of every body sent, for conditional GETs no GraphQL client makes.
  app.disable('etag');
  app.use(logRequests);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await sql.query('select 1');
      if (!(await isMigrated(orm))) throw new Error('migrations pending');
      // Ready whatever the replica does: reads fall back to the primary; the state says why they do.
      res.json({ status: 'ready', ...(replica ? { replica: reads.state() } : {}) });
    } catch (error) {
      // The primary is away (a restart, a failover): with a replica that answers, reads and open
      // subscriptions go on and writes fail with UNAVAILABLE, so the balancer keeps the instance.
      const degraded = replica && (await replica.query('select 1').then(() => true, () => false));
      if (degraded) return void res.json({ status: 'degraded', primary: 'unavailable', reason: (error as Error).message, replica: reads.state() });
      res.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  app.get('/metrics', metrics.handler());
  app.use(compression({ threshold: 1024 }));
  // Preflights first: GraphiQL's GET route would otherwise answer OPTIONS with a bare Allow.
  app.use(GRAPHQL_PATH, cors);
  app.get('/', (_req, res) => res.redirect(GRAPHQL_PATH));
  if (config.graphiql) app.use(graphiqlRouter(GRAPHQL_PATH));
  app.use(dashboardRouter());
  app.use(villageExportRouter(services, createContext, rate, clientOf, log));

  // JSON POSTs to /graphql take the fast lane, in front of the app (src/http/graphql-post.ts); the
  // app answers everything else. `fastLane` is set once Apollo has started, below.
  let fastLane: ((req: http.IncomingMessage, res: http.ServerResponse, app: () => void) => void) | undefined;
  const httpServer = http.createServer((req, res) => (fastLane ? fastLane(req, res, () => app(req, res)) : app(req, res)));
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH, maxPayload: config.ws.maxPayloadBytes });
  limitSockets(wsServer, { clientOf, rate, metrics, maxPerAddress: config.ws.maxSocketsPerAddress });
  const wsServerCleanup = serveGraphqlWs(
    {
      ...graphqlWsOptions({ schema, services, limiter, rate, metrics, log, clientOf, maxOperationsPerSocket: config.ws.maxSubscriptionsPerSocket, subscribe: sharedSubscribe() }),
      // A socket that does not send connection_init in time is closed with 4408.
      connectionInitWaitTimeout: WS_CONNECTION_INIT_TIMEOUT_MS,
    },
    wsServer,
    { keepAlive: WS_PING_INTERVAL_MS, identify: socketIdentity(clientOf), log },
  );

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
      limitsPlugin(limiter, rate, () => metrics.refusedBy('tokens')),
      graphqlOverHttpStatus,
      errorReporting(log),
      metrics.apolloPlugin(),
    ],
  });
  await apollo.start();

  app.all(
    GRAPHQL_PATH,
    allowGetAndPost,
    rateLimited,
    ...jsonBody(config.maxBodyBytes),
    readAheadErrors as RequestHandler,
    ...(responseCache ? [responseCache.middleware()] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext(services, {
          authorization: req.headers.authorization,
          requestId: String(req.id),
          clientAddress: res.locals.clientAddress as string,
          readAfter: readAfterOf(req),
        }),
    }),
  );
  app.use(notFound);
  app.use(errorResponses(log));
  fastLane = graphqlPost({
    path: GRAPHQL_PATH,
    apollo,
    context: (req) => createContext(services, { authorization: req.headers.authorization, requestId: req.id, clientAddress: clientOf(req), readAfter: readAfterOf(req) }),
    every: [logRequests as ConnectHandler, cors as ConnectHandler],
    rate,
    clientOf,
    cache: responseCache,
    maxBodyBytes: config.maxBodyBytes,
    log,
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost';

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    port,
    orm,
    responseCache,
    stop: () =>
      (stopping ??= (async () => {
        // WebSockets first: complete every open subscription (clients receive `complete`), then
        // close the sockets with 1001. Apollo's HTTP drain would otherwise cut them without a close frame.
        await hub.stop();
        await new Promise((resolve) => setImmediate(resolve));
        await wsServerCleanup.dispose();
        await apollo.stop();
        reads.stop();
        rate.close();
        await Promise.all([orm.close(), sql.end(), replica?.end(), fences.close()]);
      })()),
  };
}

