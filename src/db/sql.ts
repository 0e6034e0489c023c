import { createHash } from 'node:crypto';
import pg from 'pg';
import { recordStatement } from './query-stats';

/**
 * The read path: plain rows from a `pg` pool with named prepared statements. Measured here, a
 * dashboard-sized read costs ~4 ms this way against ~38 ms as managed ORM entities
 * (../shared/STACK.md), so loaders read through this and the ORM keeps its unit of work for writes.
 */
export class Sql {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, max = 10) {
    this.pool = new pg.Pool({ connectionString, max, application_name: 'desa-cerdas-read' });
    // An idle client losing its server (restart, failover) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** Runs one statement; prepared under a name derived from its text, so PostgreSQL plans it once per connection. */
  async query<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
    const name = createHash('sha1').update(text).digest('base64url').slice(0, 20);
    const started = performance.now();
    try {
      const result = await this.pool.query<pg.QueryResultRow>({ name, text, values });
      return result.rows as Row[];
    } finally {
      recordStatement(performance.now() - started);
    }
  }

  /** Runs `work` on one pooled connection (for work that manages its own transaction); its statements count too. */
  async withClient<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(countingClient(client));
    } finally {
      client.release();
    }
  }

  /** Runs `work` in one transaction on one pooled connection: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async end(): Promise<void> {
    await this.pool.end();
  }
}

/** The client with every `query` recorded in the operation's SQL stats. */
function countingClient(client: pg.PoolClient): pg.ClientBase {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<pg.PoolClient['query']>) => {
        const started = performance.now();
        try {
          return await (target.query as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          recordStatement(performance.now() - started);
        }
      };
    },
  });
}

/** How a row's keys are read: a column of the table, or an expression over the table's alias. */
export type RowColumns = Record<string, string | ((alias: string) => string)>;

/** `alias.column as "key", …` of a row map, for select lists shared with the read planner. */
export function selectList(row: RowColumns, alias: string): string {
  return Object.entries(row)
    .map(([key, column]) => {
      const sql = typeof column === 'function' ? column(alias) : `${alias}.${column}`;
      return sql === `${alias}.${key}` ? sql : `${sql} as "${key}"`;
    })
    .join(', ');
}
