/**
 * `npm run bench:live -- [--subscribers 1000] [--writes 10] [--seconds 10]`
 *
 * Starts the real server as a child process, opens N graphql-ws subscribers with mixed filters,
 * lands M writes per second through recordIdmAssessments, and prints write-to-receipt latency
 * (p50/p99), events lost and duplicated (both must be 0), the server's CPU per 1,000 deliveries
 * and its memory per subscriber. Measured in the same run:
 * - a baseline: the same load with a single subscriber;
 * - the floor: a plain `ws` server (bench/ws-floor.ts) broadcasting a message of the same size to
 *   the same number of sockets at the same rate, latency from the broadcast request to receipt.
 * The ratio that matters is the project's p99 over the floor's (the goal is at most 1.5).
 * Uses DATABASE_URL when set, else an embedded PostgreSQL under the system temp folder.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { mintToken } from '../src/auth/token';
import { Role } from '../src/auth/viewer';
import { lastYear } from '../src/idm/idm.rules';
import { Sql } from '../src/db/sql';
import { encodeCursor } from '../src/graphql/connection';
import { readChanges } from '../src/live/change-log';
import { matches, type UpdateFilter } from '../src/live/live-hub';
import { benchDatabase, percentile, rssMb, startServerProcess } from './support';

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

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  // Every subscriber comes from 127.0.0.1: the per-address socket and rate limits would refuse them.
  return startServerProcess(databaseUrl, { TOKEN_SECRET, RATE_LIMIT_COST: '0', WS_MAX_SOCKETS_PER_ADDRESS: '1000000' });
}

/** User plus system CPU time of a process so far, in ms, from /proc (clock ticks of 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function runPhase(label: string, url: string, sql: Sql, desa: Desa[], subscriberCount: number, pid: number) {
  const [{ id: startId }] = await sql.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from idm_change`);
  const after = encodeCursor(`idm:${startId}`);
  const kabupatens = [...new Set(desa.map((d) => d.kabupaten))];
  const provinces = [...new Set(desa.map((d) => d.province))];
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const subs: Sub[] = [];
  let messageBytes = 0;

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
  const rssBefore = rssMb(pid);
  let peakRss = rssBefore;
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
              // What the server wrote for it: the message around the result (the floor sends as much).
              messageBytes ||= JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', type: 'next', payload: r }).length;
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
  // Settled: what the subscriptions hold while idle (the peak below adds what a burst of events costs).
  await new Promise((r) => setTimeout(r, 2000));
  const rssConnected = rssMb(pid);

  // Writes: one desa each, a unique score so every write is a change and can be matched on receipt.
  let written = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  let counter = 0;
  const offset = phaseOffset++ * 100_003;
  const cpuBefore = cpuMs(pid);
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
  const cpu = cpuMs(pid) - cpuBefore;
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
    rssBefore,
    rssConnected,
    cpu,
    messageBytes,
  };
}

/**
 * The floor: plain `ws` clients on a plain `ws` server, one message of `bytes` to all of them per
 * broadcast, at the writes' rate, as many broadcasts as writes. Latency from the broadcast request
 * to receipt, as the project's runs from the write request to receipt.
 */
async function floorPhase(sockets: number, bytes: number) {
  const child = spawn(process.execPath, [path.join(__dirname, 'ws-floor.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  const idle = rssMb(child.pid!);
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  const clients: WebSocket[] = [];
  try {
    for (let i = 0; i < sockets; i += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, sockets - i) }, async () => {
          const socket = new WebSocket(`ws://127.0.0.1:${port}`);
          socket.on('message', (data: Buffer) => {
            const { n } = JSON.parse(String(data)) as { n: number };
            received++;
            const t = sentAt.get(n);
            if (t !== undefined) latencies.push(performance.now() - t);
          });
          await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
          clients.push(socket);
        }),
      );
    }
    const rssConnected = rssMb(child.pid!);
    const total = WRITES_PER_SECOND * SECONDS;
    const padding = 'x'.repeat(Math.max(0, bytes - 40));
    const cpuBefore = cpuMs(child.pid!);
    for (let n = 0; n < total; n++) {
      sentAt.set(n, performance.now());
      await fetch(`http://127.0.0.1:${port}/broadcast`, { method: 'POST', body: JSON.stringify({ n, padding }) });
      await new Promise((r) => setTimeout(r, 1000 / WRITES_PER_SECOND));
    }
    const complete = await until(() => received >= total * sockets, 60_000);
    const sorted = latencies.sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), deliveries: received, lost: total * sockets - received, complete, cpu: cpuMs(child.pid!) - cpuBefore, kbPerSocket: ((rssConnected - idle) * 1024) / sockets };
  } finally {
    for (const socket of clients) socket.terminate();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main(): Promise<void> {
  const database = await benchDatabase('bench');
  const databaseUrl = database.url;
  const { child, url } = await startServer(databaseUrl);
  const sql = new Sql(databaseUrl, { name: 'bench-live' });
  try {
    const desa = await sql.query<Desa>(
      `select code, kabupaten_code as kabupaten, province_code as province from village
       where kind = 'DESA' and province_code in ('64', '72', '35') and right(code, 1) in ('1', '5') order by code limit 300`,
    );
    const baseline = await runPhase('baseline: 1 subscriber', url, sql, desa, 1, child.pid!);
    const load = await runPhase(`${SUBSCRIBERS} subscribers, mixed filters`, url, sql, desa, SUBSCRIBERS, child.pid!);
    const floor = await floorPhase(SUBSCRIBERS, load.messageBytes);
    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
    const perThousand = (cpu: number, deliveries: number) => f((cpu / Math.max(1, deliveries)) * 1000);
    console.log(`\nlive updates: ${WRITES_PER_SECOND} writes/s for ${SECONDS} s, messages of ${load.messageBytes} bytes (node ${process.version}, ${os.cpus().length} cores)`);
    console.log('phase                                 writes  deliveries  p50 ms  p99 ms  lost  dup  server CPU ms/1000  RSS MB');
    for (const r of [baseline, load]) {
      console.log(
        `${r.label.padEnd(36)} ${String(r.writes).padStart(7)} ${String(r.deliveries).padStart(11)} ${f(r.p50).padStart(7)} ${f(r.p99).padStart(7)} ${String(r.lost).padStart(5)} ${String(r.duplicated).padStart(4)} ${perThousand(r.cpu, r.deliveries).padStart(19)} ${f(r.peakRss).padStart(7)}`,
      );
    }
    console.log(
      `${`floor: plain ws, ${SUBSCRIBERS} sockets, all sent`.padEnd(36)} ${String(WRITES_PER_SECOND * SECONDS).padStart(7)} ${String(floor.deliveries).padStart(11)} ${f(floor.p50).padStart(7)} ${f(floor.p99).padStart(7)} ${String(floor.lost).padStart(5)} ${'-'.padStart(4)} ${perThousand(floor.cpu, floor.deliveries).padStart(19)} ${'-'.padStart(7)}`,
    );
    const kbPerSubscriber = ((load.rssConnected - load.rssBefore) * 1024) / SUBSCRIBERS;
    const kbPerSubscriberPeak = ((load.peakRss - load.rssBefore) * 1024) / SUBSCRIBERS;
    console.log(`ratio to baseline: p50 x${f(load.p50 / baseline.p50)}, p99 x${f(load.p99 / baseline.p99)}`);
    console.log(`ratio to the floor: p50 x${f(load.p50 / floor.p50)}, p99 x${f(load.p99 / floor.p99)} (goal: p99 at most x1.5)`);
    console.log(
      `memory per subscriber: ${f(kbPerSubscriber)} KB connected, ${f(kbPerSubscriberPeak)} KB at the peak of delivery (goal: at most 20 KB; the floor's per socket: ${f(floor.kbPerSocket)} KB)`,
    );
    if (load.lost || baseline.lost || load.duplicated || baseline.duplicated || !load.complete || load.failedWrites || floor.lost) {
      console.log(`FAILED: lost ${load.lost + baseline.lost}, duplicated ${load.duplicated + baseline.duplicated}, failed writes ${load.failedWrites + baseline.failedWrites} ${load.firstFailure ?? baseline.firstFailure ?? ''}`);
      process.exitCode = 1;
    }
  } finally {
    await sql.end();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
