import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureEmbeddedPostgres } from '../src/db/embedded-postgres';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Running means alive and not a zombie (a container's PID 1 may be slow to reap the daemon). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-cerdas-embedded-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts under the data folder, is shared with a second process, and stops with no postgres left', async () => {
    const first = await ensureEmbeddedPostgres({ dataDir, port: await freePort() });
    expect(first.owned).toBe(true);
    expect(await canQuery(first.url)).toBe(true);

    // A second terminal (an import beside `npm start`) finds the running cluster and does not own it.
    const second = await ensureEmbeddedPostgres({ dataDir, port: await freePort() });
    expect(second.owned).toBe(false);
    expect(second.url).toBe(first.url);
    await second.stop();
    expect(await canQuery(first.url)).toBe(true);

    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    await first.stop();
    expect(await canQuery(first.url)).toBe(false);
    expect(isRunning(pid)).toBe(false);
    expect(execFileSync('ps', ['-eo', 'args']).toString()).not.toContain(path.join(dataDir, 'pg'));
  });
});
