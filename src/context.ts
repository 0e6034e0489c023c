import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { authenticate } from './auth/authenticate';
import type { Viewer } from './auth/viewer';
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

/**
 * The one place a context is made, for HTTP and WebSocket alike. Rejects with UNAUTHENTICATED for a
 * token that is malformed, expired or revoked (or none, when reads need one).
 */
export async function createContext(
  services: Services,
  request: { authorization?: unknown; viewer?: Viewer; requestId?: string; clientAddress?: string },
): Promise<Context> {
  // A WebSocket operation arrives authenticated: its token was checked when it was subscribed.
  const viewer = request.viewer ?? (await authenticate(request.authorization, services.config, services.sql));
  return new OperationContext(services, viewer, request);
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
    request: { requestId?: string; clientAddress?: string },
  ) {
    this.sql = services.sql.session(this.stats);
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
    return (parts.loaders ??= {
      region: new RegionLoaders(parts.registry, new RegionRepository(this.sql)),
      program: new ProgramLoaders(parts.registry, new ProgramRepository(this.sql)),
      idm: new IdmLoaders(parts.registry, new IdmRepository(this.sql)),
    });
  }

  // Resolvers may call it on a copy: Apollo hands them a shallow copy of the context it was given.
  renew(): void {
    this.parts = undefined;
  }
}
