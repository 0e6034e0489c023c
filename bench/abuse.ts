/**
 * `npm run bench:abuse -- [--flood-seconds 5]`
 *
 * Starts the real server as a child process with its production defaults (limits and rate limit
 * on), the national IDM 2024 file imported, and measures /healthz latency and RSS at rest. Then runs
 * the attack mix at once, each attack in its own worker thread (so one attack's client-side work,
 * such as masking 50 MB, never delays the timing of another) and from its own loopback address
 * (127.0.0.x, so that the rate limit one of them trips does not answer for the others), while
 * /healthz is probed every 10 ms from another worker:
 * a fragment bomb, 20 scalar-leaf bombs under fresh fragment names, 5,000 aliases, four nested `first: 500` queries, a 10 MB search, a 50 MB
 * WebSocket frame, 10,000 subscriptions on one socket, 300 requests a second from one address and
 * 200 wrong tokens (`--only bomb,scalarBomb,aliases,nested,search,frame,subscriptions,flood,tokens` picks some). Prints per attack what came back and how fast, /healthz p99 against its 50 ms
 * target and peak RSS; exits 1 if any attack was served or took 1 s or more, /healthz p99 missed
 * 50 ms, or the server stopped answering.
 * Uses DATABASE_URL when set, else an embedded PostgreSQL under the system temp folder.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { Sql } from '../src/db/sql';
import { benchDatabase, percentile, rssMb, startServerProcess, stopServerProcess } from './support';

const { values } = parseArgs({ options: { 'flood-seconds': { type: 'string', default: '5' }, only: { type: 'string' } } });
const FLOOD_SECONDS = Number(values['flood-seconds']);
/** The server's signing secret; the attacks send tokens that are not signed with it. */
const TOKEN_SECRET = randomBytes(32).toString('base64url');
const IDM_FILE = path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'idm-2024.csv');

interface Answer {
  status: number;
  ms: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** What one attack got back: a one-line summary, whether the server did the work, and its timings. */
interface Outcome {
  attack: string;
  cameBack: string;
  served: boolean;
  times: number[];
}

/** POSTs `body` from `localAddress`, one connection per call, so every attack has its own client address. */
function post(url: string, body: unknown, localAddress: string, headers: Record<string, string> = {}): Promise<Answer> {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let parsed: Answer['body'];
        try {
          parsed = JSON.parse(raw) as Answer['body'];
        } catch {
          parsed = { errors: [{ message: `not JSON: ${raw.slice(0, 80)}` }] };
        }
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(text);
  });
}

const code = (a: Answer) => String(a.body.errors?.[0]?.extensions?.code ?? (a.body.data ? 'data' : 'nothing'));
const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '-');

function tally(answers: Answer[]): string {
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(`${a.status} ${code(a)}`, (counts.get(`${a.status} ${code(a)}`) ?? 0) + 1);
  return [...counts].map(([k, n]) => (answers.length > 1 ? `${n}× ${k}` : k)).join(', ');
}

function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `query Bomb { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { provinces { name } }`;
}

async function fragmentBombAttack(url: string, from: string): Promise<Outcome> {
  const answer = await post(url, { query: fragmentBomb(30) }, from);
  return { attack: 'fragment bomb (30 levels, 2 spreads each)', cameBack: tally([answer]), served: Boolean(answer.body.data), times: [answer.ms] };
}

/** Scalar leaves under a village: no object to cost, 2^28 fields to compile. Fresh names each time defeat every cache. */
function scalarLeafBomb(levels: number, prefix: string): string {
  const fragments = Array.from({ length: levels - 1 }, (_, i) => `fragment ${prefix}${i} on Village { code ...${prefix}${i + 1} ...${prefix}${i + 1} }`);
  return `{ village(code: "64.02.08.2005") { ...${prefix}0 } } ${fragments.join(' ')} fragment ${prefix}${levels - 1} on Village { name }`;
}

async function scalarBombAttack(url: string, from: string): Promise<Outcome> {
  const answers: Answer[] = [];
  for (let i = 0; i < 20; i++) answers.push(await post(url, { query: scalarLeafBomb(28, `R${Date.now().toString(36)}x${i}_`) }, from));
  return { attack: '20 renamed scalar-leaf bombs (28 levels)', cameBack: tally(answers), served: answers.some((a) => a.body.data), times: answers.map((a) => a.ms) };
}

async function aliasesAttack(url: string, from: string): Promise<Outcome> {
  const query = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: villages(first: 1, filter: { idmYear: 2024, minScore: 0.${i} }) { totalCount }`).join(' ')} }`;
  const answer = await post(url, { query }, from);
  return { attack: `5,000 aliases (${Math.round(query.length / 1024)} KB)`, cameBack: tally([answer]), served: Boolean(answer.body.data), times: [answer.ms] };
}

async function nestedAttack(url: string, from: string): Promise<Outcome> {
  const query = '{ provinces { kabupatens { districts { villages(first: 500) { edges { node { code name idm { score status iks ike ikl } } } } } } } }';
  const answers = await Promise.all(Array.from({ length: 4 }, () => post(url, { query }, from)));
  return { attack: '4 parallel provinces→…→villages(first: 500)', cameBack: tally(answers), served: answers.some((a) => a.body.data), times: answers.map((a) => a.ms) };
}

/**
 * The big payloads, built and encoded to bytes before the mix starts: building, serialising and
 * encoding 60 MB while the other attacks wait on their answers would time this process's stall,
 * not the server's.
 */
const payloads = { search: Buffer.alloc(0), frame: Buffer.alloc(0) };
function preparePayloads(attack: string): void {
  if (attack === 'search') payloads.search = Buffer.from(JSON.stringify({ query: 'query($s: String!) { villages(filter: { search: $s }) { totalCount } }', variables: { s: 'a'.repeat(10 * 1024 * 1024) } }));
  if (attack === 'frame') payloads.frame = Buffer.from(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ idmYears { year } } #${'x'.repeat(50 * 1024 * 1024)}` } }));
}

async function searchAttack(url: string, from: string): Promise<Outcome> {
  const answer = await post(url, payloads.search, from);
  return { attack: '10 MB search string', cameBack: tally([answer]), served: Boolean(answer.body.data?.villages), times: [answer.ms] };
}

/** Opens a graphql-transport-ws socket from `from` and completes connection_init. */
function openSocket(url: string, from: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { localAddress: from });
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.once('message', () => resolve(socket));
  });
}

/**
 * A 50 MB frame, written on a raw upgraded socket so that its time is the server's: from the frame's
 * header going out to the server's close frame (1009, message too big) coming back, while the
 * rest of the 50 MB is still being written. (A WebSocket client would first mask all 50 MB in
 * this process, and only report the close once its own writes drained.)
 */
async function frameAttack(url: string, from: string): Promise<Outcome> {
  const socket = await upgradedSocket(url, from);
  const payload = payloads.frame;
  const header = Buffer.alloc(14);
  header[0] = 0x81; // FIN, text
  header[1] = 0x80 | 127; // masked, 64-bit length
  header.writeBigUInt64BE(BigInt(payload.length), 2);
  header.writeUInt32BE(0, 10); // mask key 0: the payload goes as it is
  const started = performance.now();
  const closeCode = new Promise<number>((resolve) => {
    let seen = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      // The server's close frame: opcode 8, unmasked, a 2-byte code first.
      if (seen.length >= 4 && (seen[0]! & 0x0f) === 0x8) resolve(seen.readUInt16BE(2));
    });
    socket.once('close', () => resolve(-2));
    setTimeout(() => resolve(-1), 10_000).unref();
  });
  socket.on('error', () => undefined);
  socket.write(header);
  socket.write(payload);
  const code = await closeCode;
  const ms = performance.now() - started;
  socket.destroy();
  const cameBack = code === -1 ? 'no close frame after 10 s' : code === -2 ? 'connection dropped without a close frame' : `socket closed ${code}`;
  return { attack: '50 MB WebSocket frame', cameBack, served: code !== 1009, times: [ms] };
}

/** A socket upgraded to graphql-transport-ws, its handshake done by hand. */
function upgradedSocket(url: string, from: string): Promise<import('node:net').Socket> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      localAddress: from,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        'sec-websocket-protocol': 'graphql-transport-ws',
      },
    });
    req.once('upgrade', (_res, socket) => resolve(socket));
    req.once('response', (res) => reject(new Error(`no upgrade: HTTP ${res.statusCode}`)));
    req.once('error', reject);
    req.end();
  });
}

async function subscriptionsAttack(url: string, from: string): Promise<Outcome> {
  const socket = await openSocket(url, from);
  const started = performance.now();
  const counts = new Map<string, number>();
  const live = new Set<string>();
  let ended = 0;
  const total = 10_000;
  let closeCode: number | undefined;
  const done = new Promise<void>((resolve) => {
    socket.once('close', (c) => {
      closeCode = c;
      resolve();
    });
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as { id?: string; type: string; payload?: { extensions?: { code?: string } }[] };
      if (m.type === 'next' && m.id) live.add(m.id);
      if (m.type === 'error') {
        counts.set(`error ${m.payload?.[0]?.extensions?.code}`, (counts.get(`error ${m.payload?.[0]?.extensions?.code}`) ?? 0) + 1);
        ended += 1;
      }
      if (ended + live.size >= total) resolve();
    });
  });
  for (let i = 0; i < total; i++) {
    socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: 'subscription { idmSummaryUpdated(scope: { provinceCode: "64" }, year: 2024) { assessed } }' } }));
  }
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  const ms = performance.now() - started;
  socket.terminate();
  const refused = [...counts].map(([k, n]) => `${n}× ${k}`).join(', ');
  const closed = closeCode === undefined ? '' : `, then socket closed ${closeCode}`;
  return { attack: '10,000 subscriptions on one socket', cameBack: `${live.size} running, ${refused || 'none refused'}${closed}`, served: live.size > 100, times: [ms] };
}

async function floodAttack(url: string, from: string): Promise<Outcome> {
  const answers: Answer[] = [];
  const pending: Promise<void>[] = [];
  const perTick = 3;
  const ticks = FLOOD_SECONDS * 100;
  for (let t = 0; t < ticks; t++) {
    for (let i = 0; i < perTick; i++) pending.push(post(url, { query: '{ province(code: "64") { name } }' }, from).then((a) => void answers.push(a)));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(pending);
  const limited = answers.filter((a) => a.status === 429).length;
  return { attack: `300 requests/s from one address for ${FLOOD_SECONDS} s`, cameBack: tally(answers), served: limited === 0, times: answers.map((a) => a.ms) };
}

async function wrongTokensAttack(url: string, from: string): Promise<Outcome> {
  const answers: Answer[] = [];
  for (let i = 0; i < 200; i++) {
    answers.push(await post(url, { query: 'mutation { createProgram(input: { slug: "x-x-x", name: "x", agency: "x", year: 2030 }) { id } }' }, from, { authorization: `Bearer guess-${i}` }));
  }
  return { attack: '200 wrong tokens', cameBack: tally(answers), served: !answers.some((a) => a.status === 429), times: answers.map((a) => a.ms) };
}

/**
 * Probes /healthz every 10 ms until stopped, from a worker thread: its timings must not include the
 * stalls of this process building 50 MB frames. A probe that fails or takes 2 s counts as a failure.
 */
function probeHealth(base: string, from: string) {
  const worker = new Worker(
    `const http = require('node:http');
     const { parentPort, workerData } = require('node:worker_threads');
     const latencies = [];
     let failures = 0;
     let running = true;
     parentPort.on('message', () => (running = false));
     (async () => {
       while (running) {
         const started = performance.now();
         try {
           await new Promise((resolve, reject) => {
             const req = http.get(workerData.base + '/healthz', { localAddress: workerData.from, timeout: 2000 }, (res) => {
               res.resume();
               res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(String(res.statusCode)))));
             });
             req.on('timeout', () => req.destroy(new Error('timeout')));
             req.on('error', reject);
           });
           latencies.push(performance.now() - started);
         } catch {
           failures += 1;
         }
         await new Promise((resolve) => setTimeout(resolve, 10));
       }
       parentPort.postMessage({ latencies, failures });
     })();`,
    { eval: true, workerData: { base, from } },
  );
  const result = new Promise<{ latencies: number[]; failures: number }>((resolve) => worker.once('message', resolve));
  return {
    async stop() {
      worker.postMessage('stop');
      const { latencies, failures } = await result;
      await worker.terminate();
      return { sorted: latencies.sort((a, b) => a - b), failures };
    },
  };
}

function sampleRss(pid: number) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      /* exited */
    }
  }, 50);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** The server's own longest event-loop stall since the last scrape (prom-client resets it on each one). */
async function eventLoopLagMaxMs(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const m = /^nodejs_eventloop_lag_max_seconds ([\d.e+-]+)$/m.exec(text);
  return m ? Number(m[1]) * 1000 : NaN;
}

async function ensureIdm(databaseUrl: string): Promise<void> {
  const sql = new Sql(databaseUrl, { max: 1, name: 'bench-abuse' });
  try {
    const [{ n }] = await sql.query<{ n: number }>('select count(*)::int as n from idm_assessment where year = 2024');
    if (n > 0) return;
  } finally {
    await sql.end();
  }
  console.log(`importing ${IDM_FILE} (once per database)`);
  execFileSync(process.execPath, [path.join(__dirname, '..', 'src', 'cli.js'), 'import:idm', IDM_FILE, '--rejects', path.join(os.tmpdir(), 'bench-abuse-rejects.csv')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const attacks: Record<string, (url: string, from: string) => Promise<Outcome>> = {
  bomb: fragmentBombAttack,
  scalarBomb: scalarBombAttack,
  aliases: aliasesAttack,
  nested: nestedAttack,
  search: searchAttack,
  frame: frameAttack,
  subscriptions: subscriptionsAttack,
  flood: floodAttack,
  tokens: wrongTokensAttack,
};

/** A worker thread running one attack: it builds its payload, says it is ready, and attacks on `run()`. */
async function attackWorker(name: string, url: string, from: string): Promise<{ run(): Promise<Outcome> }> {
  const worker = new Worker(__filename, { workerData: { name, url, from }, argv: process.argv.slice(2) });
  await once(worker, 'message'); // ready
  return {
    async run() {
      const answered = once(worker, 'message');
      worker.postMessage('go');
      const [outcome] = (await answered) as [Outcome];
      await worker.terminate();
      return outcome;
    },
  };
}

/** In an attack's worker: prepare, report ready, attack on 'go', post the outcome. */
function attackInWorker(): void {
  const { name, url, from } = workerData as { name: string; url: string; from: string };
  preparePayloads(name);
  parentPort!.once('message', () => {
    attacks[name]!(url, from).then((outcome) => parentPort!.postMessage(outcome));
  });
  parentPort!.postMessage('ready');
}

async function main(): Promise<void> {
  const database = await benchDatabase('abuse');
  const { child, url, base } = await startServerProcess(database.url, { TOKEN_SECRET });
  let failed = false;
  try {
    await ensureIdm(database.url);
    const rest = probeHealth(base, '127.0.0.2');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const atRest = await rest.stop();
    const rssAtRest = rssMb(child.pid!);

    // --only bomb,frame runs some of them (to find which one costs what).
    const chosen = Object.keys(attacks).filter((name) => !values.only || values.only.split(',').includes(name));
    const workers = await Promise.all(chosen.map((name, i) => attackWorker(name, url, `127.0.0.${10 + i}`)));
    await eventLoopLagMaxMs(base);
    const underAttack = probeHealth(base, '127.0.0.2');
    const peakRss = sampleRss(child.pid!);
    const outcomes = await Promise.all(workers.map((w) => w.run()));
    const during = await underAttack.stop();
    const peak = peakRss();
    const lagMax = await eventLoopLagMaxMs(base);

    console.log(`\nbench:abuse — the attack mix at once against the production defaults (node ${process.version}, ${os.cpus().length} cores)`);
    console.log(`${'attack'.padEnd(46)} ${'served'.padEnd(6)} ${'p50 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'< 1 s'.padEnd(6)}  what came back`);
    const slow: string[] = [];
    for (const o of outcomes) {
      const sorted = [...o.times].sort((a, b) => a - b);
      const inTime = sorted.at(-1)! < 1000;
      if (!inTime) slow.push(o.attack);
      console.log(`${o.attack.padEnd(46)} ${(o.served ? 'YES' : 'no').padEnd(6)} ${f(percentile(sorted, 50)).padStart(7)} ${f(sorted.at(-1)!).padStart(7)} ${(inTime ? 'met' : 'MISSED').padEnd(6)}  ${o.cameBack}`);
    }
    const p99Rest = percentile(atRest.sorted, 99);
    const p99 = percentile(during.sorted, 99);
    console.log(`\n/healthz at rest:      p50 ${f(percentile(atRest.sorted, 50))} ms, p99 ${f(p99Rest)} ms (${atRest.sorted.length} probes)`);
    console.log(`/healthz under attack: p50 ${f(percentile(during.sorted, 50))} ms, p99 ${f(p99)} ms, max ${f(during.sorted.at(-1)!)} ms (${during.sorted.length} probes, ${during.failures} failed); target p99 < 50 ms: ${p99 < 50 ? 'met' : 'MISSED'}; ratio to rest x${f(p99 / p99Rest)}`);
    console.log(`server event loop: longest stall ${f(lagMax)} ms during the attacks`);
    console.log(`server RSS: ${f(rssAtRest)} MB at rest, ${f(peak)} MB peak under attack (x${f(peak / rssAtRest)})`);
    const served = outcomes.filter((o) => o.served);
    const missed = [...served.map((o) => `${o.attack} was served`), ...slow.map((a) => `${a} took 1 s or more`), ...(p99 >= 50 ? [`/healthz p99 ${f(p99)} ms`] : []), ...(during.failures ? [`/healthz failed ${during.failures} times`] : [])];
    if (missed.length || child.exitCode !== null) {
      failed = true;
      console.log(`FAILED: ${missed.join('; ')}${child.exitCode !== null ? '; the server exited' : ''}`);
    }
  } finally {
    await stopServerProcess(child);
    await database.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  attackInWorker();
}
