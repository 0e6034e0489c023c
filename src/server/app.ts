import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import type { Admission } from '../admission/admission';
import type { Config } from '../config';
import { isMigrated } from '../db/orm';
import type { Sql } from '../db/sql';
import type { Context, ContextFactory, Services } from '../graphql/context';
import { readAfterOf } from '../http/consistency.plugin';
import { graphqlCors } from '../http/cors';
import { documentAdmission } from '../http/document-id';
import { allowGetAndPost, errorResponses, jsonBody, notFound } from '../http/graphql-error-response';
import { graphqlPost, readAheadErrors, type ConnectHandler } from '../http/graphql-post';
import { rateLimitRequests } from '../http/rate-limit.middleware';
import { requestLog } from '../http/request-log';
import type { ResponseCache } from '../http/response-cache';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';
import { rumusanRouter } from '../idm/rumusan.router';
import { tileRouter, type TileRouterOptions } from '../geo/tiles/tile.router';
import { villageExportRouter } from '../village-list/village.export';
import { dashboardRouter } from '../web/dashboard';
import { graphiqlRouter } from '../web/graphiql';

export interface AppParts {
  config: Config;
  /** The GraphQL endpoint's path. */
  path: string;
  services: Services;
  createContext: ContextFactory;
  admission: Admission;
  orm: MikroORM;
  sql: Sql;
  /** The replica's pool (DATABASE_READ_URL), when there is one. */
  replica?: Sql;
  metrics: Metrics;
  log: Logger;
  clientOf(req: http.IncomingMessage): string;
  responseCache?: ResponseCache;
  /** The vector tile route's core, its figures and the data version its ETags are keyed to. */
  tiles: Pick<TileRouterOptions, 'tiles' | 'figures' | 'dataVersion'>;
}

/** What every HTTP answer goes through, the app's and the fast lane's alike. */
interface Every {
  logRequests: RequestHandler;
  cors: RequestHandler;
}

/**
 * The HTTP side: probes, metrics, GraphiQL, the dashboard and the CSV export on Express, then
 * `/graphql` once Apollo has started (`withGraphql`), with the fast lane for JSON POSTs in front of
 * the app (src/http/graphql-post.ts). Returns the handler for `http.createServer`.
 */
export function createApp(parts: AppParts) {
  const { config, sql, orm, metrics, log } = parts;
  const every: Every = { logRequests: requestLog(log), cors: graphqlCors(config.corsOrigins) };
  const app = express();
  app.disable('x-powered-by');
  // A weak ETag is a hash of every body sent, for conditional GETs no GraphQL client makes.
  app.disable('etag');
  app.use(every.logRequests);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await sql.query('select 1');
      if (!(await isMigrated(orm))) throw new Error('migrations pending');
      // Ready whatever the replica does: reads fall back to the primary; the state says why they do.
      res.json({ status: 'ready', ...(parts.replica ? { replica: parts.services.reads.state() } : {}) });
    } catch (error) {
      // The primary is away (a restart, a failover): with a replica that answers, reads and open
      // subscriptions go on and writes fail with UNAVAILABLE, so the balancer keeps the instance.
      const degraded = parts.replica && (await parts.replica.query('select 1').then(() => true, () => false));
      if (degraded) return void res.json({ status: 'degraded', primary: 'unavailable', reason: (error as Error).message, replica: parts.services.reads.state() });
      res.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  app.get('/metrics', metrics.handler());
  app.use(compression({ threshold: 1024 }));
  // Preflights first: GraphiQL's GET route would otherwise answer OPTIONS with a bare Allow.
  app.use(parts.path, every.cors);
  app.get('/', (_req, res) => res.redirect(parts.path));
  if (config.graphiql) app.use(graphiqlRouter(parts.path));
  app.use(dashboardRouter());
  app.use(villageExportRouter(parts.services, parts.createContext, parts.admission, parts.clientOf, log));
  app.use(tileRouter({ ...parts.tiles, services: parts.services, createContext: parts.createContext, admission: parts.admission, clientOf: parts.clientOf, metrics, corsOrigins: config.corsOrigins, maxAgeSeconds: config.tileMaxAgeSeconds }));
  app.use(rumusanRouter({ services: parts.services, createContext: parts.createContext, admission: parts.admission, clientOf: parts.clientOf, metrics, maxAgeSeconds: config.rumusanMaxAgeSeconds, log }));

  // JSON POSTs to the endpoint take the fast lane, in front of the app; it is set once Apollo has started.
  let fastLane: ((req: http.IncomingMessage, res: http.ServerResponse, app: () => void) => void) | undefined;
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => (fastLane ? fastLane(req, res, () => app(req, res)) : app(req, res));

  /** Mounts the GraphQL route on Apollo (started) and opens the fast lane. */
  const withGraphql = (apollo: ApolloServer<Context>): void => {
    const contextOf = (req: http.IncomingMessage, clientAddress: string) =>
      parts.createContext(parts.services, { authorization: req.headers.authorization, requestId: String(req.id), clientAddress, readAfter: readAfterOf(req) });
    app.all(
      parts.path,
      allowGetAndPost,
      rateLimitRequests(parts.admission, parts.clientOf),
      ...jsonBody(config.maxBodyBytes),
      readAheadErrors as RequestHandler,
      ...(parts.admission.documents ? [documentAdmission(parts.admission)] : []),
      ...(parts.responseCache ? [parts.responseCache.middleware()] : []),
      expressMiddleware(apollo, { context: async ({ req, res }) => contextOf(req, res.locals.clientAddress as string) }),
    );
    app.use(notFound);
    app.use(errorResponses(log));
    fastLane = graphqlPost({
      path: parts.path,
      apollo,
      context: (req) => contextOf(req, parts.clientOf(req)),
      every: [every.logRequests as ConnectHandler, every.cors as ConnectHandler],
      admission: parts.admission,
      clientOf: parts.clientOf,
      cache: parts.responseCache,
      maxBodyBytes: config.maxBodyBytes,
      log,
    });
  };
  return { handler, withGraphql };
}
