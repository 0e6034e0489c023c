import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { QueryStats } from '../db/query-stats';
import type { ReadRouting } from '../db/read-routing';
import type { Sql, SqlSession } from '../db/sql';
import type { WriteFences } from '../db/write-fences';

/**
 * The context every resolver receives, as the kernel knows it. Domains add what is theirs by
 * declaration merging (`declare module '../graphql/context' { interface Loaders { region: … } }`),
 * so this module, and everything generic typed over it, imports no domain; the composition root
 * (src/context.ts) builds the whole of it.
 */

/** Long-lived parts the server holds; contexts are built from them. Domains add their services. */
export interface Services {
  config: Config;
  orm: MikroORM;
  /** The primary's pool (through the pooler when DATABASE_POOL_URL): writes, and reads that must be current. */
  sql: Sql;
  /** Picks each operation's read pool: the replica, or the primary after the reader's own write. */
  reads: ReadRouting;
  /** Writers' last WAL positions, for read-your-writes through any instance. */
  fences: WriteFences;
}

/** Fresh DataLoaders of one operation, one entry per domain; never shared between operations or viewers. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Loaders {}

/** What every resolver receives: new for each HTTP operation and each WebSocket subscription. */
export interface Context {
  /** A fork of the ORM's entity manager: its own identity map and unit of work. */
  em: EntityManager;
  /** The operation's read pool (transactions go to the primary), counting its statements into `stats`. */
  sql: SqlSession;
  /** Fresh DataLoaders; never shared between operations or viewers. */
  loaders: Loaders;
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

/** How a transport asks for a context: its credentials and what identifies the request. */
export interface ContextRequest {
  authorization?: unknown;
  /** Set for a WebSocket operation, whose token was checked when it was subscribed. */
  viewer?: Context['viewer'];
  requestId?: string;
  clientAddress?: string;
  /** A WAL position the client has seen written (`X-Desa-LSN`): its reads must show at least that. */
  readAfter?: string;
  /**
   * Read from the primary: a subscription resolves events the hub has just read there, and a
   * replica may not have replayed them yet (its summary would be one change behind).
   */
  readFromPrimary?: boolean;
}

/** Makes a context; the composition root provides it to the transports and routes that need one. */
export type ContextFactory = (services: Services, request: ContextRequest) => Promise<Context>;
