import { createHash } from 'node:crypto';
import pg from 'pg';
import { recordStatement, type QueryStats } from './query-stats';

/** What repositories read through: one statement, plain rows. */
export interface Queryable {
  query<Row>(text: string, values?: unknown[]): Promise<Row[]>;
}

/** Named prepared statements: PostgreSQL plans each distinct text once per connection. */
function prepared(text: string, values: unknown[]): pg.QueryConfig {
  return { name: createHash('sha1').update(text).digest('base64url').slice(0, 20), text, values };
}

/**
 * The read path: plain rows from a `pg` pool with named prepared statements. Measured here, a
 * dashboard-sized read costs ~4 ms this way against ~38 ms as managed ORM entities
 * (../shared/STACK.md), so loaders read through this and the ORM keeps its unit of work for writes.
 */
export class Sql implements Queryable {
  private readonly pool: pg.Pool;

  /** `statementTimeoutMs` bounds every read (0: none); work that manages its own transaction is exempt. */
  constructor(connectionString: string, max = 10, statementTimeoutMs = 0) {
    this.pool = new pg.Pool({
      connectionString,
      max,
      application_name: 'desa-cerdas-read',
      // Sent at connection start, so it is each session's default and `reset` returns to it.
      ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
      // A database that does not answer fails a request (and /readyz) instead of holding it.
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its server (restart, failover) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** Runs one statement. */
  async query<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
    const result = await this.pool.query<pg.QueryResultRow>(prepared(text, values));
    return result.rows as Row[];
  }

  /** The same pool for one operation: its statements are added to `stats`. */
  session(stats: QueryStats): SqlSession {
    return new SqlSession(this, stats);
  }

  /**
   * Runs `work` on one pooled connection (for work that manages its own transaction). Writes are
   * all-or-nothing batches of up to 5,000 desa-years: the read timeout does not apply.
   */
  async withClient<T>(work: (client: pg.ClientBase) => Promise<T>, stats?: QueryStats): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('set statement_timeout = 0');
      return await work(stats ? countingClient(client, stats) : client);
    } finally {
      await client.query('reset statement_timeout').then(
        () => client.release(),
        (error: Error) => client.release(error),
      );
    }
  }

  /** Connections in use and requests waiting for one (for /metrics). */
  poolUsage(): { inUse: number; waiting: number } {
    return { inUse: this.pool.totalCount - this.pool.idleCount, waiting: this.pool.waitingCount };
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

/** The pool as one operation sees it: every statement counted into the operation's stats. */
export class SqlSession implements Queryable {
  constructor(
    private readonly sql: Sql,
    readonly stats: QueryStats,
  ) {}

  async query<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
    const started = performance.now();
    try {
      return await this.sql.query<Row>(text, values);
    } finally {
      recordStatement(this.stats, performance.now() - started);
    }
  }

  withClient<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    return this.sql.withClient(work, this.stats);
  }
}

/** The client with every `query` recorded in the operation's SQL stats. */
function countingClient(client: pg.PoolClient, stats: QueryStats): pg.ClientBase {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<pg.PoolClient['query']>) => {
        const started = performance.now();
        try {
          return await (target.query as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          recordStatement(stats, performance.now() - started);
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
