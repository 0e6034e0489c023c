import { withSql } from './sql';
import type { Config } from '../config';
import { ensureEmbeddedPostgres } from './embedded-postgres';

/** The database a process uses: `DATABASE_URL`, or the embedded cluster under the data folder. */
export interface Database {
  url: string;
  /** Where it is, for log lines (never the password). */
  description: string;
  /** Stops the embedded cluster if this process started it. */
  release(): Promise<void>;
}

/** Raised when the database cannot be used; commands print the message on one line. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export async function openDatabase(config: Config, log: (message: string) => void): Promise<Database> {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    const description = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    await checkReachable(config.databaseUrl, description);
    return { url: config.databaseUrl, description, release: async () => undefined };
  }
  try {
    const embedded = await ensureEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
    return { url: embedded.url, description: `embedded PostgreSQL in ${config.dataDir}`, release: () => embedded.stop() };
  } catch (error) {
    throw new DatabaseUnavailableError(`Embedded PostgreSQL could not start: ${(error as Error).message}`);
  }
}

async function checkReachable(url: string, description: string): Promise<void> {
  try {
    await withSql(url, 'desa-cerdas-check', (sql) => sql.query('select 1'));
  } catch (error) {
    throw new DatabaseUnavailableError(`Cannot reach the database at ${description}: ${(error as Error).message}`);
  }
}
