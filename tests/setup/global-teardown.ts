import fs from 'node:fs';
import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __embedded?: { stop(): Promise<void> } }).__embedded;
  if (embedded) {
    await embedded.stop();
    fs.rmSync(process.env.DESA_TEST_EMBEDDED_DIR!, { recursive: true, force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: process.env.DESA_TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists "${process.env.DESA_TEST_DATABASE_NAME}" with (force)`);
  await admin.end();
}
