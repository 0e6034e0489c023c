import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { authenticate } from './auth/authenticate';
import type { Viewer } from './auth/viewer';
import type { Config } from './config';
import type { QueryStats } from './db/query-stats';
import type { LiveHub } from './live/live-hub';
import type { ChangeNotifier } from './live/notifier';
import type { Sql } from './db/sql';
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
  sql: Sql;
  /** Fresh DataLoaders; never shared between operations or viewers. */
  loaders: Loaders;
  viewer: Viewer;
  /** SQL statements issued so far on behalf of this operation. */
  stats: QueryStats;
  services: Services;
  /**
   * Gives the context a new entity-manager fork and new loaders. A subscription's context lives as
   * long as the subscription; each event is resolved after a renew, so it never reads stale data.
   */
  renew(): void;
}

/**
 * The one place a context is made, for HTTP and WebSocket alike. Rejects with UNAUTHENTICATED for a
 * token that is malformed, expired or revoked (or none, when reads need one).
 */
export async function createContext(services: Services, request: { authorization: unknown; stats?: QueryStats }): Promise<Context> {
  const viewer = await authenticate(request.authorization, services.config, services.sql);
  const context = {
    sql: services.sql,
    viewer,
    stats: request.stats ?? { statements: 0, ms: 0 },
    services,
    // `this`, not `context`: Apollo hands resolvers a copy of the context it was given.
    renew(this: Context) {
      Object.defineProperties(this, Object.getOwnPropertyDescriptors(freshParts(services)));
    },
  } as Context;
  context.renew();
  return context;
}

function freshParts(services: Services): Pick<Context, 'em' | 'loaders'> {
  const registry = new LoaderRegistry();
  let em: EntityManager | undefined;
  return {
    // Forked on first use: reads never touch it, and a subscription renews its context per event.
    get em() {
      return (em ??= services.orm.em.fork());
    },
    loaders: {
      region: new RegionLoaders(registry, new RegionRepository(services.sql)),
      program: new ProgramLoaders(registry, new ProgramRepository(services.sql)),
      idm: new IdmLoaders(registry, new IdmRepository(services.sql)),
    },
  };
}
