import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authenticate } from './auth/authenticate';
import type { Viewer } from './auth/viewer';
import type { QueryStats } from './db/query-stats';
import { laterLsn } from './db/read-routing';
import type { Sql, SqlSession } from './db/sql';
import type { Context, ContextRequest, Loaders, Services } from './graphql/context';
import { LoaderRegistry } from './graphql/loader-registry';
import { NodeLoader } from './graphql/global-id';
import { GeoLoaders } from './geo/geo.loaders';
import { ShapeRepository } from './geo/shape.repository';
import { IdmLoaders } from './idm/idm.loaders';
import { IdmRepository } from './idm/idm.repository';
import { IndeksDesaLoaders } from './indeks-desa/indeks-desa.loaders';
import { StatusTrackLoaders } from './index-family/status-track.loaders';
import { LevelLoaders } from './index-family/level.loaders';
import { LevelRepository } from './index-family/level.repository';
import { ProgramLoaders } from './program/program.loaders';
import { ProgramRepository } from './program/program.repository';
import { RegionLoaders } from './region/region.loaders';
import { RegionRepository } from './region/region.repository';
import { nodeKinds } from './schema';
import { VillageListLoaders } from './village-list/village-list.loaders';
import { VillageListRepository } from './village-list/village-list.repository';

export type { Context, Loaders, Services } from './graphql/context';

/** Each domain's loaders, made on first use for one operation, as schema.ts lists the resolvers. */
const DOMAIN_LOADERS: { [K in keyof Loaders]: (registry: LoaderRegistry, sql: SqlSession, context: Context) => Loaders[K] } = {
  node: (registry, _sql, context) => new NodeLoader(registry, nodeKinds, context),
  region: (registry, sql) => new RegionLoaders(registry, new RegionRepository(sql)),
  geo: (registry, sql) => new GeoLoaders(registry, new ShapeRepository(sql)),
  program: (registry, sql) => new ProgramLoaders(registry, new ProgramRepository(sql)),
  indeksDesa: (registry, sql) => new IndeksDesaLoaders(registry, sql),
  statusTrack: (registry, sql) => new StatusTrackLoaders(registry, sql),
  levels: (registry, sql) => new LevelLoaders(registry, new LevelRepository(sql)),
  villageList: (registry, sql) => new VillageListLoaders(registry, new VillageListRepository(sql)),
  idm: (registry, sql) => new IdmLoaders(registry, new IdmRepository(sql), new LevelLoaders(registry, new LevelRepository(sql))),
};

/**
 * The one place a context is made, for HTTP and WebSocket alike. Rejects with UNAUTHENTICATED for a
 * token that is malformed, expired or revoked (or none, when reads need one).
 */
export async function createContext(services: Services, request: ContextRequest): Promise<Context> {
  // A WebSocket operation arrives authenticated: its token was checked when it was subscribed.
  const viewer = request.viewer ?? (await authenticate(request.authorization, services.config, services.sql));
  // Read-your-writes: a reader that wrote reads a state that holds its write (src/db/read-routing.ts).
  const fence = viewer.subject === null || request.readFromPrimary ? undefined : await services.fences.get(viewer.subject);
  const reads = request.readFromPrimary ? services.sql : await services.reads.reader(laterLsn(request.readAfter, fence));
  return new OperationContext(services, viewer, request, reads);
}

/**
 * A context whose fork and loaders are made on first use: most operations need only the loaders,
 * and a subscription's context, kept for hours by each of thousands of dashboards, needs neither
 * until an event arrives (then a fresh set per event, see `renew`).
 */
class OperationContext implements Context {
  readonly sql: SqlSession;
  readonly requestId: string;
  readonly clientAddress: string;
  readonly stats: QueryStats = { statements: 0, ms: 0 };
  private parts?: { em?: EntityManager; loaders?: Loaders; registry: LoaderRegistry };

  constructor(
    readonly services: Services,
    readonly viewer: Viewer,
    request: ContextRequest,
    reads: Sql,
  ) {
    this.sql = services.sql.session(this.stats, reads, services.reads.fallback);
    this.requestId = request.requestId ?? randomUUID();
    this.clientAddress = request.clientAddress ?? 'local';
  }

  get em(): EntityManager {
    const parts = (this.parts ??= { registry: new LoaderRegistry() });
    // Its statements count into the operation's stats (see the ORM logger in mikro-orm.config.ts).
    return (parts.em ??= this.services.orm.em.fork({ loggerContext: { stats: this.stats } }));
  }

  get loaders(): Loaders {
    const parts = (this.parts ??= { registry: new LoaderRegistry() });
    if (!parts.loaders) {
      const made = {} as Record<keyof Loaders, unknown>;
      for (const [domain, make] of Object.entries(DOMAIN_LOADERS) as [keyof Loaders, (registry: LoaderRegistry, sql: SqlSession, context: Context) => unknown][]) {
        made[domain] = make(parts.registry, this.sql, this);
      }
      parts.loaders = made as Loaders;
    }
    return parts.loaders;
  }

  // Resolvers may call it on a copy: Apollo hands them a shallow copy of the context it was given.
  renew(): void {
    this.parts = undefined;
  }
}
