import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { viewerFromAuthorization, type Viewer } from './auth/viewer';
import type { Config } from './config';
import type { QueryStats } from './db/query-stats';
import type { LiveHub } from './live/live-hub';
import type { ChangeNotifier } from './live/notifier';
import type { Sql, SqlSession } from './db/sql';
import { LoaderRegistry } from './graphql/loader-registry';
import { IdmLoaders } from './idm/idm.loaders';
import { IdmRepository } from './idm/idm.repository';
import { ProgramLoaders } from './program/program.loaders';
import { ProgramRepository } from './program/program.repository';
import { RegionLoaders } from './region/region.loaders';
import { RegionRepository } from './region/region.repository';

/** Long-lived parts the server holds; contexts are built from them. */
export interface Services {
  config: Config;
  orm: MikroORM;
  sql: Sql;
  /** This instance's dispatcher of IDM changes to subscribers. */
  hub: LiveHub;
  /** Tells every instance that the change log grew. */
  notifier: ChangeNotifier;
}

export interface Loaders {
  region: RegionLoaders;
  program: ProgramLoaders;
  idm: IdmLoaders;
}

/** What every resolver receives: new for each HTTP operation and each WebSocket subscription. */
export interface Context {
  /** A fork of the ORM's entity manager: its own identity map and unit of work. */
  em: EntityManager;
  /** The read pool, counting this operation's statements into `stats`. */
  sql: SqlSession;
  /** Fresh DataLoaders; never shared between operations or viewers. */
  loaders: Loaders;
  viewer: Viewer;
  /** SQL statements issued so far on behalf of this operation. */
  stats: QueryStats;
  /** The request's id, as returned in `x-request-id` and logged; one per WebSocket operation. */
  requestId: string;
  /** The address limits are counted against (see src/http/client-address.ts). */
  clientAddress: string;
  services: Services;
  /**
   * Gives the context a new entity-manager fork and new loaders. A subscription's context lives as
   * long as the subscription; each event is resolved after a renew, so it never reads stale data.
   */
  renew(): void;
}

/** The one place a context is made, for HTTP and WebSocket alike. */
export function createContext(services: Services, request: { authorization: unknown; requestId?: string; clientAddress?: string }): Context {
  const stats: QueryStats = { statements: 0, ms: 0 };
  const context = {
    sql: services.sql.session(stats),
    requestId: request.requestId ?? randomUUID(),
    clientAddress: request.clientAddress ?? 'local',
    viewer: viewerFromAuthorization(request.authorization, services.config.adminToken),
    stats,
    services,
    renew: () => void Object.defineProperties(context, Object.getOwnPropertyDescriptors(freshParts(services, context.sql))),
  } as Context;
  context.renew();
  return context;
}

function freshParts(services: Services, sql: SqlSession): Pick<Context, 'em' | 'loaders'> {
  const registry = new LoaderRegistry();
  let em: EntityManager | undefined;
  return {
    // Forked on first use: reads never touch it, and a subscription renews its context per event.
    // Its statements count into the operation's stats (see countStatementsPerFork).
    get em() {
      return (em ??= services.orm.em.fork({ loggerContext: { stats: sql.stats } }));
    },
    loaders: {
      region: new RegionLoaders(registry, new RegionRepository(sql)),
      program: new ProgramLoaders(registry, new ProgramRepository(sql)),
      idm: new IdmLoaders(registry, new IdmRepository(sql)),
    },
  };
}
