import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Admission } from './admission/admission';
import { TrustedDocuments } from './admission/trusted-documents';
import { authenticate } from './auth/authenticate';
import { Role } from './auth/viewer';
import type { Config } from './config';
import { createContext, type Services } from './context';
import { DataVersion } from './db/data-version';
import { initORM } from './db/orm';
import { ReadRouting } from './db/read-routing';
import { Sql } from './db/sql';
import { createWriteFences } from './db/write-fences';
import { entities } from './entities';
import { clientAddressOf } from './http/client-address';
import { ResponseCache } from './http/response-cache';
import { OperationLimiter } from './limits/operation-limits';
import { RateLimit } from './limits/rate-limit';
import { latestChangeId } from './live/change-log';
import { LiveHub } from './live/live-hub';
import { createNotifier } from './live/notifier';
import type { Logger } from './logger';
import { Metrics } from './metrics/metrics';
import { prepareDatabase } from './prepare';
import { RegisterTotals } from './region/register-totals';
import { createSchema } from './schema';
import { createApp } from './server/app';
import { startApollo } from './server/apollo';
import { shutdown } from './server/shutdown';
import { serveWebSocket } from './server/websocket';
import { DASHBOARD_MANIFEST } from './web/dashboard';
import { TileRepository } from './geo/tiles/tile.repository';
import { VectorTiles } from './geo/tiles/vector-tiles';
import { IDM_LEVEL } from './idm/idm.level';
import { INDEKS_DESA_LEVEL } from './indeks-desa/indeks-desa.level';
import { MapFigures } from './index-family/map-figures';

/** Path of the GraphQL endpoint, for HTTP and WebSocket alike. */
export const GRAPHQL_PATH = '/graphql';

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

/**
 * The database, migrated and loaded (prepare.ts) on the direct connection (the prepare lock is a
 * session); then the main pools: through the pooler when DATABASE_POOL_URL is set, and the
 * replica's when DATABASE_READ_URL is (see README § "Replicas and consistency").
 */
async function connectDatabase(config: Config, databaseUrl: string, log: Logger): Promise<{ orm: MikroORM; sql: Sql; replica?: Sql }> {
  const migrator = await initORM(databaseUrl, entities);
  try {
    await prepareDatabase(migrator, config, databaseUrl, (message) => log.info(message));
  } catch (error) {
    await migrator.close();
    throw error;
  }
  const pooled = config.databasePoolUrl !== undefined;
  if (pooled) await migrator.close();
  const orm = pooled ? await initORM(config.databasePoolUrl!, entities) : migrator;
  const sql = new Sql(config.databasePoolUrl ?? databaseUrl, { max: 10, statementTimeoutMs: config.statementTimeoutMs, name: 'desa-cerdas-api', pooled });
  const replica = config.databaseReadUrl ? new Sql(config.databaseReadUrl, { max: 10, statementTimeoutMs: config.statementTimeoutMs, name: 'desa-cerdas-api-read' }) : undefined;
  return { orm, sql, replica };
}

/**
 * The documents known by hash: TRUSTED_DOCUMENTS, the only ones that run; else the dashboard's own
 * manifest (written by `npm run build`), so that it may send hashes while any document runs.
 */
function knownDocuments(config: Config): TrustedDocuments | undefined {
  if (config.trustedDocuments.length > 0) return TrustedDocuments.load(config.trustedDocuments, { enforced: true });
  return fs.existsSync(DASHBOARD_MANIFEST) ? TrustedDocuments.load([DASHBOARD_MANIFEST], { enforced: false }) : undefined;
}

/**
 * One HTTP server: the app (src/server/app.ts) with Apollo (src/server/apollo.ts) behind /graphql,
 * graphql-ws on the same port (src/server/websocket.ts), every operation admitted by one core
 * (src/admission/admission.ts), and a stop that drains them in order (src/server/shutdown.ts).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, databaseUrl, log } = options;
  // First: a manifest that cannot be used stops the start before anything is opened.
  const documents = knownDocuments(config);
  const { orm, sql, replica } = await connectDatabase(config, databaseUrl, log);
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
  const dataVersion = new DataVersion(sql);
  // Lists under a region the operation names are costed by what that region really holds.
  const register = await RegisterTotals.load(sql, dataVersion, { onError });
  const limiter = new OperationLimiter(schema, config.limits, { introspection: config.introspection, onRefused: (limit) => metrics.refusedBy(limit), register });
  const rate = new RateLimit({ ...config.rateLimit, redisUrl: config.redisUrl });
  const admission = new Admission({
    limiter,
    rate,
    authenticate: (authorization) => authenticate(authorization, config, sql),
    documents,
    // GraphiQL, and whoever runs the deployment, write documents no frontend has.
    mayRunAnyDocument: (viewer) => viewer.role === Role.ADMIN,
  });
  const clientOf = clientAddressOf(config.trustProxy);
  const responseCache = config.responseCache
    ? new ResponseCache(dataVersion, {
        maxBytes: config.responseCacheMaxMb * 1024 * 1024,
        report: config.queryStats,
        stamp: replica && new DataVersion(replica),
        admits: documents?.enforced ? (query) => documents.holds(query) : undefined,
        parseOptions: limiter.parseOptions,
      })
    : undefined;

  // Tiles read the primary: their caches are keyed by the primary's data version.
  const figures = new MapFigures(sql, [IDM_LEVEL, INDEKS_DESA_LEVEL]);
  const tiles = { tiles: new VectorTiles({ repository: new TileRepository(sql), figures, cacheBytes: config.tileCacheMaxMb * 1024 * 1024 }), figures, dataVersion };
  const app = createApp({ config, path: GRAPHQL_PATH, services, createContext, admission, orm, sql, replica, metrics, log, clientOf, responseCache, tiles });
  const httpServer = http.createServer(app.handler);
  const webSocket = serveWebSocket({ config, path: GRAPHQL_PATH, httpServer, schema, services, createContext, admission, limiter, metrics, log, clientOf });
  const apollo = await startApollo({ config, schema, limiter, admission, metrics, log, httpServer });
  app.withGraphql(apollo);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost';
  return { url: `http://${host}:${port}${GRAPHQL_PATH}`, port, orm, responseCache, stop: shutdown({ hub, webSocket, apollo, orm, sql, readers: [register, { close: async () => reads.stop() }], closers: [async () => rate.close(), async () => replica?.end(), () => fences.close()] }) };
}
