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

  /**
   * Runs `work` on one pooled connection (for work that manages its own transaction); its statements
   * count too. Writes are all-or-nothing batches of up to 5,000 desa-years: the read timeout does not apply.
   */
  async withClient<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('set statement_timeout = 0');
      return await work(countingClient(client));
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
