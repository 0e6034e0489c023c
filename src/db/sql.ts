import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { recordStatement, type QueryStats } from './query-stats';

/** What repositories read through: one statement, plain rows. */
export interface Queryable {
  query<Row>(text: string, values?: unknown[]): Promise<Row[]>;
}

/** Statement names by text: the planner's texts repeat, and hashing one costs more than finding it. */
const statementNames = new LRUCache<string, string>({ max: 10_000 });

/** Named prepared statements: PostgreSQL plans each distinct text once per connection. */
function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined) statementNames.set(text, (name = createHash('sha1').update(text).digest('base64url').slice(0, 20)));
  return { name, text, values };
}

/** The unnamed statement: parsed and planned every time, and nothing left behind on the server connection. */
function unnamed(text: string, values: unknown[]): pg.QueryConfig {
  return { text, values };
}

export interface SqlOptions {
  /** Connections at most. @default 10 */
  max?: number;
  /** PostgreSQL statement_timeout of reads, in ms; 0: none. Transactions are exempt. @default 0 */
  statementTimeoutMs?: number;
  /** How the connections show in pg_stat_activity. @default desa-cerdas */
  name?: string;
  /**
   * The URL is a transaction-mode pooler (PgBouncer `pool_mode = transaction`): consecutive
   * statements may run on different server connections, so no named prepared statement (PgBouncer
   * before 1.21 cannot carry them) and no startup parameter (it refuses `statement_timeout`; set the
   * timeout on the pooler's side, e.g. its `connect_query`). @default false
   */
  pooled?: boolean;
}

/**
 * The one way this code talks to PostgreSQL in plain SQL (see src/db/README.md for what goes
 * through the ORM instead): a `pg` pool with named prepared statements, for the read path (plain
 * rows, measured ~4 ms for a dashboard-sized read against ~38 ms as managed ORM entities, see
 * ../shared/STACK.md) and for set-based writes, always inside `transaction()`.
 */
export class Sql implements Queryable {
  private readonly pool: pg.Pool;
  private readonly statement: (text: string, values: unknown[]) => pg.QueryConfig;

  constructor(connectionString: string, options: SqlOptions = {}) {
    const { max = 10, statementTimeoutMs = 0, name = 'desa-cerdas', pooled = false } = options;
    this.statement = pooled ? unnamed : prepared;
    this.pool = new pg.Pool({
      connectionString,
      max,
      application_name: name,
      // Sent at connection start, so it is each session's default and `reset` returns to it.
      ...(statementTimeoutMs > 0 && !pooled ? { statement_timeout: statementTimeoutMs } : {}),
      // A database that does not answer fails a request (and /readyz) instead of holding it.
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its server (restart, failover) must not crash the process.
    this.pool.on('error', () => undefined);
    // Nor one checked out (a transaction, a pinned snapshot): pg-pool listens for errors only on
    // idle clients, and a Client that loses its server emits 'error' besides failing its queries,
    // which would be unhandled. The failed query is what the caller sees.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  /** Runs one statement. */
  async query<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
    const result = await this.pool.query<pg.QueryResultRow>(this.statement(text, values));
    return result.rows as Row[];
  }

  /** Runs one statement on a client taken from this pool (a pinned snapshot, see SqlSession). */
  async queryOn<Row>(client: pg.ClientBase, text: string, values: unknown[] = []): Promise<Row[]> {
    const result = await client.query<pg.QueryResultRow>(this.statement(text, values));
    return result.rows as Row[];
  }

  /** A client of the pool for the caller to release. */
  connect(): Promise<pg.PoolClient> {
    return this.pool.connect();
  }

  /**
   * The same pool for one operation: its statements are added to `stats`. Reads go to `reads`
   * (a replica, see read-routing.ts) when given; transactions always run here.
   */
  session(stats: QueryStats, reads: Sql = this, fallback?: (error: unknown) => Sql | undefined): SqlSession {
    return new SqlSession(this, stats, reads, fallback);
  }

  /**
   * The one transaction helper: `work` runs in one transaction on one pooled connection, committed
   * when it resolves (or rolled back, with `commit: false`: a dry run), rolled back when it throws.
   * Writes are all-or-nothing batches of up to a national file: the read timeout does not apply.
   */
  async transaction<T>(work: (client: pg.ClientBase) => Promise<T>, options: { commit?: boolean; stats?: QueryStats } = {}): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('begin');
      try {
        await client.query('set local statement_timeout = 0');
        const result = await work(client);
        await client.query(options.commit === false ? 'rollback' : 'commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    }, options.stats);
  }

  /**
   * Runs `work` on one pooled connection for a whole session (an advisory lock held across
   * statements); for a transaction use `transaction()`.
   */
  async withClient<T>(work: (client: pg.ClientBase) => Promise<T>, stats?: QueryStats): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(stats ? countingClient(client, stats) : client);
    } finally {
      client.release();
    }
  }

  /** Connections in use and requests waiting for one (for /metrics). */
  poolUsage(): { inUse: number; waiting: number } {
    return { inUse: this.pool.totalCount - this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async end(): Promise<void> {
    await this.pool.end();
  }
}

/** For commands: a small pool on `url` for the duration of `work`. */
export async function withSql<T>(url: string, name: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = new Sql(url, { max: 2, name });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

/**
 * A connection of its own, outside any pool, for a session that lives as long as the process: the
 * change notifier's LISTEN. The caller ends it.
 */
export function dedicatedConnection(url: string, name: string): pg.Client {
  return new pg.Client({ connectionString: url, application_name: name, connectionTimeoutMillis: 5_000 });
}

/**
 * The pool as one operation sees it: every statement counted into the operation's stats. Reads go
 * to the read pool the operation was given (the replica, or the primary after a write, see
 * read-routing.ts); when that pool's server is gone, `fallback` names where to read instead.
 */
export class SqlSession implements Queryable {
  private pinned?: Promise<pg.PoolClient>;
  private pinnedTo?: Sql;

  constructor(
    private readonly sql: Sql,
    readonly stats: QueryStats,
    private reads: Sql = sql,
    private readonly fallback?: (error: unknown) => Sql | undefined,
  ) {}

  async query<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
    const started = performance.now();
    try {
      if (this.pinned) return await this.pinnedTo!.queryOn<Row>(await this.pinned, text, values);
      try {
        return await this.reads.query<Row>(text, values);
      } catch (error) {
        const instead = this.fallback?.(error);
        if (!instead || instead === this.reads) throw error;
        this.reads = instead;
        return await instead.query<Row>(text, values);
      }
    } finally {
      recordStatement(this.stats, performance.now() - started);
    }
  }

  /**
   * Every read after this runs in one read-only REPEATABLE READ transaction, on one connection:
   * one snapshot for the whole operation (idmChangeCursor and the data read beside it). One
   * transaction is also what a transaction-mode pooler keeps on one server connection.
   * `release()` ends it.
   */
  pinSnapshot(): void {
    if (this.pinned) return;
    const begin = async (pool: Sql) => {
      this.pinnedTo = pool;
      const client = await pool.connect();
      try {
        await client.query('begin transaction isolation level repeatable read read only');
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      return client;
    };
    this.pinned = begin(this.reads).catch((error: unknown) => {
      const instead = this.fallback?.(error);
      if (!instead || instead === this.reads) throw error;
      this.reads = instead;
      return begin(instead);
    });
    // A failure surfaces in the first query that awaits it.
    this.pinned.catch(() => undefined);
  }

  /** Ends a pinned snapshot, if any. */
  async release(): Promise<void> {
    const pinned = this.pinned;
    if (!pinned) return;
    this.pinned = undefined;
    const client = await pinned.catch(() => undefined);
    if (!client) return;
    try {
      await client.query('commit');
      client.release();
    } catch (error) {
      client.release(error as Error);
    }
  }

  transaction<T>(work: (client: pg.ClientBase) => Promise<T>, options: { commit?: boolean } = {}): Promise<T> {
    return this.sql.transaction(work, { ...options, stats: this.stats });
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
