import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express from 'express';
import { GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLFormattedError, type ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from './config';
import { createContext, type Context, type Services } from './context';
import { initORM, isMigrated } from './db/orm';
import { prepareDatabase } from './db/prepare';
import { recordStatement, withQueryStats, type QueryStats } from './db/query-stats';
import { Sql } from './db/sql';
import { authenticate } from './auth/authenticate';
import { createFormatError, ErrorCode, UnauthenticatedError } from './errors';
import { LiveHub } from './live/live-hub';
import { createNotifier } from './live/notifier';
import { sharedSubscribe } from './live/shared-execution';
import type { Logger } from './logger';
import { createSchema } from './schema';
import { graphiqlRouter } from './web/graphiql';

/** Path of the GraphQL endpoint, for HTTP and WebSocket alike. */
export const GRAPHQL_PATH = '/graphql';

/** A WebSocket must send connection_init within this time or is closed with 4408. */
export const WS_CONNECTION_INIT_TIMEOUT_MS = 3_000;
/** The server pings every socket this often and drops one that did not answer the previous ping. */
export const WS_PING_INTERVAL_MS = 12_000;

/**
 * Protocol-level keep-alive: dashboards sit idle for hours behind proxies that cut silent
 * connections, and a dead peer is only noticed by a missed pong.
 */
function keepSocketsAlive(wsServer: WebSocketServer, intervalMs: number): NodeJS.Timeout {
  const alive = new WeakSet<WebSocket>();
  wsServer.on('connection', (socket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const timer = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return timer;
}

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
  /** Drains HTTP and WebSocket (open subscriptions complete), then closes database pools. */
  stop(): Promise<void>;
}

/** Counts statements the ORM runs (knex events) into the operation's stats, beside the read pool's. */
function countOrmStatements(orm: MikroORM): void {
  const knex = orm.em.getConnection().getKnex();
  const started = new Map<string, number>();
  knex.on('query', (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now()));
  const done = (q: { __knexQueryUid: string }) => {
    const t = started.get(q.__knexQueryUid);
    started.delete(q.__knexQueryUid);
    if (t !== undefined) recordStatement(performance.now() - t);
  };
  knex.on('query-response', (_response: unknown, q: { __knexQueryUid: string }) => done(q));
  knex.on('query-error', (_error: unknown, q: { __knexQueryUid: string }) => done(q));
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
  const orm = await initORM(databaseUrl);
  try {
    await prepareDatabase(orm, config, databaseUrl, (message) => log.info(message));
  } catch (error) {
    await orm.close();
    throw error;
  }
  countOrmStatements(orm);
  const sql = new Sql(databaseUrl);
  const onError = (message: string, error: unknown) => log.warn({ err: error }, message);
  const notifier = createNotifier({ databaseUrl, redisUrl: config.redisUrl }, { onError });
  const hub = new LiveHub(sql, notifier, { onError });
  await hub.start();
  const services: Services = { config, orm, sql, hub, notifier };
  const schema = await createSchema();
  const formatError = createFormatError(log);
  const validationRules: ValidationRule[] = [depthLimit(config.maxQueryDepth)];

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await sql.query('select 1');
      if (!(await isMigrated(orm))) throw new Error('migrations pending');
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  app.get('/', (_req, res) => res.redirect(GRAPHQL_PATH));
  app.use(graphiqlRouter(GRAPHQL_PATH));

  const httpServer = http.createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const keepAlive = keepSocketsAlive(wsServer, WS_PING_INTERVAL_MS);
  const authorizationOf = (params: Record<string, unknown> | undefined) => params?.authorization ?? params?.Authorization;
  const wsServerCleanup = useServer<Record<string, unknown>, { context?: Context }>(
    {
      schema,
      subscribe: sharedSubscribe(),
      // A socket that does not send connection_init in time is closed with 4408.
      connectionInitWaitTimeout: WS_CONNECTION_INIT_TIMEOUT_MS,
      // A token in connection_init that is malformed, expired or revoked (or none, when reads need
      // one) closes the socket with 4403 Forbidden; each operation checks it again, so a revocation
      // stops new operations on sockets already open.
      onConnect: async (ctx) => {
        try {
          await authenticate(authorizationOf(ctx.connectionParams), config, sql);
          return true;
        } catch (error) {
          if (error instanceof UnauthenticatedError) return false;
          throw error;
        }
      },
      // Same validation rules and masking as HTTP; a subscription's context lives as long as it does.
      onSubscribe: async (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
        if (errors.length) return errors;
        let contextValue: Context;
        try {
          contextValue = await createContext(services, { authorization: authorizationOf(ctx.connectionParams) });
        } catch (error) {
          if (!(error instanceof UnauthenticatedError)) throw error;
          return [new GraphQLError(error.message, { extensions: { code: ErrorCode.UNAUTHENTICATED } })];
        }
        const args: ExecutionArgs = { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON() as GraphQLFormattedError, e) as unknown as GraphQLError) };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    validationRules,
    introspection: true,
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
      subscriptionsOverWebSocketOnly,
    ],
  });
  await apollo.start();

  app.use(
    GRAPHQL_PATH,
    cors(),
    express.json({ limit: '16mb' }),
    (_req, res, next) => {
      const stats: QueryStats = { statements: 0, ms: 0 };
      res.locals.stats = stats;
      withQueryStats(stats, next);
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createContext(services, { authorization: req.headers.authorization, stats: res.locals.stats as QueryStats }),
    }),
  );

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
    stop: () =>
      (stopping ??= (async () => {
        // WebSockets first: complete every open subscription (clients receive `complete`), then
        // close the sockets with 1001. Apollo's HTTP drain would otherwise cut them without a close frame.
        await hub.stop();
        clearInterval(keepAlive);
        await new Promise((resolve) => setImmediate(resolve));
        await wsServerCleanup.dispose();
        await apollo.stop();
        await Promise.all([orm.close(), sql.end()]);
      })()),
  };
}

