import { AsyncLocalStorage } from 'node:async_hooks';

/** SQL statements run on behalf of one GraphQL operation (reported as `extensions.sql`). */
export interface QueryStats {
  statements: number;
  ms: number;
}

const storage = new AsyncLocalStorage<QueryStats>();

/**
 * Runs `fn` with `stats` collecting every SQL statement started inside it, whether through the
 * read pool (`Sql`) or the ORM (knex query events), so the count covers everything one request did.
 */
export function withQueryStats<T>(stats: QueryStats, fn: () => T): T {
  return storage.run(stats, fn);
}

export function currentQueryStats(): QueryStats | undefined {
  return storage.getStore();
}

export function recordStatement(ms: number): void {
  const stats = storage.getStore();
  if (stats) {
    stats.statements += 1;
    stats.ms += ms;
  }
}
