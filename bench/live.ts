/**
 * `npm run bench:live -- [--subscribers 1000] [--writes 10] [--seconds 10]`
 *
 * Starts the real server as a child process, opens N graphql-ws subscribers with mixed filters,
 * lands M writes per second through recordIdmAssessments, and prints write-to-receipt latency
 * (p50/p99), events lost and duplicated (both must be 0) and the server's RSS. The baseline,
 * measured in the same run, is the same load with a single subscriber; ratios are against it.
 * Uses DATABASE_URL when set, else an embedded PostgreSQL under the system temp folder.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { mintToken } from '../src/auth/token';
import { Role } from '../src/auth/viewer';
import { ensureEmbeddedPostgres } from '../src/db/embedded-postgres';
import { lastYear } from '../src/idm/idm.rules';
import { Sql } from '../src/db/sql';
import { encodeCursor } from '../src/graphql/connection';
import { readChanges } from '../src/live/change-log';
import { matches, type UpdateFilter } from '../src/live/live-hub';

const { values } = parseArgs({
  options: { subscribers: { type: 'string', default: '1000' }, writes: { type: 'string', default: '10' }, seconds: { type: 'string', default: '10' } },
});
const SUBSCRIBERS = Number(values.subscribers);
const WRITES_PER_SECOND = Number(values.writes);
const SECONDS = Number(values.seconds);
/** The bench's own secret: the server it starts signs with it, and the writer's admin token is minted with it. */
const TOKEN_SECRET = randomBytes(32).toString('base64url');
/** Next year: valid for writes, and holding no published data the bench could disturb. */
const YEAR = lastYear();
/** Each phase writes other scores than the one before, so every write is a change. */
let phaseOffset = Date.now() % 1000;

const QUERY = `subscription($where: IdmUpdateFilter, $after: String) {
  idmUpdated(where: $where, after: $after) { cursor year current { score status } previous { status } village { code name kabupaten { name province { name } } } }
}`;

interface Desa {
  code: string;
  kabupaten: string;
  province: string;
}

interface Sub {
  filter: UpdateFilter;
  client: Client;
  ids: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof") goes to the server process only.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, '..', 'src', 'main.js')], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: 'production', TOKEN_SECRET, LOG_LEVEL: 'warn', QUERY_STATS: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const ready = await (async () => {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${base}/readyz`)).ok) return true;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  })();
  if (!ready) throw new Error('server did not become ready');
  return { child, url: `${base}/graphql` };
}

async function runPhase(label: string, url: string, sql: Sql, desa: Desa[], subscriberCount: number, pid: number) {
  const [{ id: startId }] = await sql.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from idm_change`);
  const after = encodeCursor(`idm:${startId}`);
  const kabupatens = [...new Set(desa.map((d) => d.kabupaten))];
  const provinces = [...new Set(desa.map((d) => d.province))];
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const subs: Sub[] = [];

  const filterFor = (i: number): UpdateFilter => {
    if (subscriberCount === 1) return {};
    switch (i % 7) {
      case 0:
      case 1:
        return { kabupatenCode: kabupatens[i % kabupatens.length]! };
      case 2:
        return { provinceCode: provinces[i % provinces.length]! };
      case 3:
        return { villageCode: desa[i % desa.length]!.code };
      case 4:
        return { provinceCode: provinces[i % provinces.length]!, statusChanged: true };
      default:
        return {};
    }
  };
  let peakRss = rssMb(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 250);
  const connectStarted = performance.now();
  for (let i = 0; i < subscriberCount; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, subscriberCount - i) }, async (_, j) => {
        const filter = filterFor(i + j);
        const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, onNonLazyError: () => undefined });
        await new Promise<void>((resolve, reject) => {
          client.on('connected', () => resolve());
          client.on('error', reject);
        });
        const sub: Sub = { filter, client, ids: [] };
        client.subscribe<{ idmUpdated: { cursor: string; current: { score: number }; village: { code: string } } }>(
          { query: QUERY, variables: { where: filter, after } },
          {
            next: (r) => {
              const e = r.data?.idmUpdated;
              if (!e) return;
              sub.ids.push(Buffer.from(e.cursor, 'base64url').toString().split(':').at(-1)!);
              const t = sentAt.get(`${e.village.code}|${e.current.score}`);
              if (t !== undefined) latencies.push(performance.now() - t);
            },
            error: () => undefined,
            complete: () => undefined,
          },
        );
        subs.push(sub);
      }),
    );
  }
  const connectMs = performance.now() - connectStarted;

  // Writes: one desa each, a unique score so every write is a change and can be matched on receipt.
  let written = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  let counter = 0;
  const offset = phaseOffset++ * 100_003;
  const inFlight = new Set<Promise<void>>();
  const total = WRITES_PER_SECOND * SECONDS;
  const { token } = await mintToken(TOKEN_SECRET, { subject: 'bench-live', role: Role.ADMIN, ttlSeconds: 3600 });
  const writeStarted = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (counter >= total) {
        clearInterval(timer);
        void Promise.all(inFlight).then(() => resolve());
        return;
      }
      const d = desa[counter % desa.length]!;
      const score = Math.round((0.45 + (((counter + offset) * 7919) % 5000) / 10000) * 10000) / 10000;
      counter++;
      sentAt.set(`${d.code}|${score}`, performance.now());
      const p = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `mutation($i: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $i) { changes } }`, variables: { i: [{ villageCode: d.code, year: YEAR, iks: score, ike: score, ikl: score, score }] } }),
      })
        .then((r) => r.json() as Promise<{ errors?: unknown }>)
        .then(
          (r) => (r.errors ? ((firstFailure ??= JSON.stringify(r.errors)), failed++) : written++),
          (error: Error) => ((firstFailure ??= String(error.cause ?? error.message)), failed++),
        )
        .then(() => void inFlight.delete(p));
      inFlight.add(p);
    }, 1000 / WRITES_PER_SECOND);
  });
  const writeMs = performance.now() - writeStarted;

  // What each subscriber should have received: the log after the start, through its filter.
  const events: Awaited<ReturnType<typeof readChanges>> = [];
  for (let cursor = startId; ; ) {
    const page = await readChanges(sql, cursor, 5000);
    if (!page.length) break;
    events.push(...page);
    cursor = page.at(-1)!.id;
  }
  const expected = subs.map((s) => events.filter((e) => matches(s.filter, e)).map((e) => e.id));
  const expectedTotal = expected.reduce((n, e) => n + e.length, 0);
  const complete = await until(() => subs.every((s, i) => s.ids.length >= expected[i]!.length), 60_000);
  clearInterval(sampler);
  let lost = 0;
  let duplicated = 0;
  subs.forEach((s, i) => {
    const got = new Set(s.ids);
    duplicated += s.ids.length - got.size;
    for (const id of expected[i]!) if (!got.has(id)) lost++;
  });
  await Promise.all(subs.map((s) => s.client.dispose()));
  const sorted = latencies.sort((a, b) => a - b);
  return {
    label,
    subscribers: subscriberCount,
    writes: written,
    failedWrites: failed,
    writesPerSecond: written / (writeMs / 1000),
    deliveries: expectedTotal,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    lost,
    duplicated,
    complete,
    firstFailure,
    connectMs,
    peakRss,
  };
}

async function main(): Promise<void> {
  let databaseUrl = process.env.DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof ensureEmbeddedPostgres>> | undefined;
  if (!databaseUrl) {
    const dataDir = path.join(os.tmpdir(), 'desa-cerdas-bench');
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    embedded = await ensureEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench' });
    databaseUrl = embedded.url;
  }
  const { child, url } = await startServer(databaseUrl);
  const sql = new Sql(databaseUrl);
  try {
    const desa = await sql.query<Desa>(
      `select code, kabupaten_code as kabupaten, province_code as province from village
       where kind = 'DESA' and province_code in ('64', '72', '35') and right(code, 1) in ('1', '5') order by code limit 300`,
    );
    const baseline = await runPhase('baseline: 1 subscriber', url, sql, desa, 1, child.pid!);
    const load = await runPhase(`${SUBSCRIBERS} subscribers, mixed filters`, url, sql, desa, SUBSCRIBERS, child.pid!);
    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
    console.log(`\nlive updates: ${WRITES_PER_SECOND} writes/s for ${SECONDS} s (node ${process.version}, ${os.cpus().length} cores)`);
    console.log('phase                                 writes  deliveries  p50 ms  p99 ms  lost  dup  server RSS MB  connect s');
    for (const r of [baseline, load]) {
      console.log(
        `${r.label.padEnd(36)} ${String(r.writes).padStart(7)} ${String(r.deliveries).padStart(11)} ${f(r.p50).padStart(7)} ${f(r.p99).padStart(7)} ${String(r.lost).padStart(5)} ${String(r.duplicated).padStart(4)} ${f(r.peakRss).padStart(14)} ${f(r.connectMs / 1000).padStart(10)}`,
      );
    }
    console.log(`ratio to baseline: p50 x${f(load.p50 / baseline.p50)}, p99 x${f(load.p99 / baseline.p99)}, RSS x${f(load.peakRss / baseline.peakRss)}`);
    if (load.lost || baseline.lost || load.duplicated || baseline.duplicated || !load.complete || load.failedWrites) {
      console.log(`FAILED: lost ${load.lost + baseline.lost}, duplicated ${load.duplicated + baseline.duplicated}, failed writes ${load.failedWrites + baseline.failedWrites} ${load.firstFailure ?? baseline.firstFailure ?? ''}`);
      process.exitCode = 1;
    }
  } finally {
    await sql.end();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
