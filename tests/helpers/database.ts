import pg from 'pg';

/** The run's database (made by tests/setup/global-setup.ts). */
export const testDatabaseUrl = (): string => process.env.DESA_TEST_DATABASE_URL!;

/** One statement on a connection of its own, for tests that look at the rows behind an answer. */
export async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Progress options that print nothing: an importer's bar would interleave with jest's output. */
export const quietProgress = { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };
