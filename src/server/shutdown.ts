import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql';
import type { Context } from '../graphql/context';
import type { LiveHub } from '../live/live-hub';

export interface ShutdownParts {
  hub: LiveHub;
  webSocket: { dispose(): Promise<void> };
  apollo: ApolloServer<Context>;
  orm: MikroORM;
  sql: Sql;
  /** Background work that reads the pools (the register totals' recheck), closed before them. */
  readers: { close(): Promise<void> }[];
  /** Closed with the pools: the replica's pool, Redis clients of the rate limit and the write fences. */
  closers?: (() => Promise<unknown>)[];
}

/**
 * The server's stop, once however often it is called: WebSockets first, so every open subscription
 * completes (clients receive `complete`) and the sockets close with 1001 (Apollo's HTTP drain would
 * otherwise cut them without a close frame); then HTTP drains; then the database pools close.
 */
export function shutdown(parts: ShutdownParts): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      await parts.hub.stop();
      await new Promise((resolve) => setImmediate(resolve));
      await parts.webSocket.dispose();
      await parts.apollo.stop();
      await Promise.all(parts.readers.map((reader) => reader.close()));
      await Promise.all([parts.orm.close(), parts.sql.end(), ...(parts.closers ?? []).map((close) => close())]);
    })());
}
