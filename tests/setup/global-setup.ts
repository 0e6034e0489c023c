import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { ensureEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { initORM } from '../../src/db/orm';
import { entities } from '../../src/entities';
import { prepareDatabase } from '../../src/prepare';

/**
 * Gives the run a fresh database of its own. With TEST_DATABASE_URL (CI: the local server) a new
 * database is created on that server, which may hold others and outlives the run; without it an
 * embedded PostgreSQL is started in a temporary folder.
 */
export default async function globalSetup(): Promise<void> {
  const name = `desa_cerdas_test_${process.pid}_${Date.now().toString(36)}`;
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    process.env.DESA_TEST_DATABASE_URL = url.toString();
    process.env.DESA_TEST_ADMIN_URL = server;
    process.env.DESA_TEST_DATABASE_NAME = name;
    await prepare(process.env.DESA_TEST_DATABASE_URL);
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-cerdas-test-'));
  fs.chmodSync(dataDir, 0o755);
  const embedded = await ensureEmbeddedPostgres({ dataDir, port: await freePort(), database: name });
  process.env.DESA_TEST_DATABASE_URL = embedded.url;
  process.env.DESA_TEST_EMBEDDED_DIR = dataDir;
  (globalThis as { __embedded?: typeof embedded }).__embedded = embedded;
  await prepare(embedded.url);
}

/**
 * Migrates the run's database and loads the register and the shipped shapes once, before any
 * suite: every suite then starts on a prepared database, and its hooks' time is its own whichever
 * suite runs first.
 */
async function prepare(url: string): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, TOKEN_SECRET: 'global-setup-secret-0123456789-abcdefghijklmnop' });
  const orm = await initORM(url, entities);
  try {
    await prepareDatabase(orm, config, url, () => undefined);
  } finally {
    await orm.close();
  }
  // MikroORM keeps entity metadata on globalThis, which the suites' realms would inherit from this one.
  for (const key of Object.keys(globalThis)) if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
