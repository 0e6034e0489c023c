/**
 * `npm run bench:faults -- [--subscribers 300] [--writes 10] [--quick] [--only kill,primary,…]`
 *
 * Fault scenarios against the local cluster (`npm run cluster`; started here when it is not
 * running, and stopped again at the end), each ending in one PASS/FAIL line:
 *   kill      kill -9 of an API instance holding about a third of the subscribers, under writes:
 *             they reconnect through HAProxy and resume from their last cursor; 0 lost, 0 duplicated
 *   primary   restart of the PostgreSQL primary under reads and writes: failed writes carry a code
 *             (UNAVAILABLE, retryable), no acknowledged write is lost, events and writes continue
 *   replica   the replica stopped, then lagging (replay paused): reads go on from the primary,
 *             /readyz says "down" then "lagging", a writer reads its own write
 *   pgbouncer PgBouncer restarted under writes: 0 lost, failures coded
 *   redis     Redis restarted (notifications and the shared rate limit): events keep flowing
 *             through the 5 s catch-up poll; 0 lost
 *   slow      a socket that stops reading among the others: their p99 stays, the slow one is dropped
 *             by the keep-alive (no pong within 12 s)
 *
 * The defaults are scaled to a 2-core machine running the bench, three instances, PostgreSQL
 * twice, PgBouncer, Redis and HAProxy at once: they say whether the cluster is correct under
 * faults, not how far it scales. `--quick` (CI) is smaller and shorter.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import WebSocket from 'ws';
import {
  adminToken,
  clusterStatus,
  killInstance,
  postgresUrl,
  readState,
  restartPrimary,
  startCluster,
  startInstance,
  startPgbouncer,
  startRedis,
  startReplica,
  stopCluster,
  stopPgbouncer,
  stopPostgres,
  stopRedis,
  type ClusterState,
} from './cluster';
import { cursorId, fakeAddress, graphql, Latencies, Reader, readMix, ResumingSubscriber, Writer, YEAR } from './load';
import { percentile } from './support';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string' },
    writes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const QUICK = values.quick!;
const SUBSCRIBERS = Number(values.subscribers ?? (QUICK ? 90 : 300));
const WRITES = Number(values.writes ?? (QUICK ? 5 : 10));
const PHASE_MS = QUICK ? 3_000 : 6_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  process.stdout.write(`  (gave up waiting for ${what} after ${timeoutMs / 1000} s)\n`);
  return false;
}

interface Result {
  name: string;
  pass: boolean;
  detail: string;
}

interface Env {
  state: ClusterState;
  url: string;
  wsUrl: string;
  token: string;
  villages: string[];
  /** A desa nobody else writes to. */
  spare: string;
  kabupaten: string;
  db: pg.Client;
}

async function headId(env: Env): Promise<bigint> {
  const { rows } = await env.db.query<{ id: string }>('select coalesce(max(id), 0)::text as id from idm_change');
  return BigInt(rows[0]!.id);
}

async function openSubscribers(env: Env, n: number, latencies?: Latencies): Promise<{ subs: ResumingSubscriber[]; start: bigint }> {
  const { idmChangeCursor } = await graphql<{ idmChangeCursor: string }>(env.url, '{ idmChangeCursor }');
  const subs = Array.from({ length: n }, (_, i) => new ResumingSubscriber(env.wsUrl, fakeAddress(1000 + Math.floor(i / 20)), idmChangeCursor, latencies));
  for (let i = 0; i < subs.length; i += 50) await Promise.all(subs.slice(i, i + 50).map((s) => s.start()));
  return { subs, start: cursorId(idmChangeCursor) };
}

/** Waits until every subscriber has the newest change, then counts what each lost or got twice. */
async function verifyEvents(env: Env, subs: ResumingSubscriber[], start: bigint): Promise<{ expected: number; lost: number; duplicated: number; caughtUpMs: number }> {
  const end = await headId(env);
  const began = Date.now();
  await until('every subscriber to catch up', () => subs.every((s) => s.lastId >= end), 60_000);
  const { rows } = await env.db.query<{ id: string }>('select id::text as id from idm_change where id > $1 and id <= $2', [String(start), String(end)]);
  const expected = rows.map((r) => BigInt(r.id));
  let lost = 0;
  for (const s of subs) for (const id of expected) if (!s.seen.has(id)) lost++;
  return { expected: expected.length, lost, duplicated: subs.reduce((n, s) => n + s.duplicates, 0), caughtUpMs: Date.now() - began };
}

/** Acknowledged writes that are not in the change log. */
async function lostAcked(env: Env, writer: Writer, start: bigint): Promise<number> {
  const { rows } = await env.db.query<{ village_code: string; score: number }>('select village_code, score from idm_change where id > $1 and year = $2', [String(start), YEAR]);
  const logged = new Set(rows.map((r) => `${r.village_code}:${r.score}`));
  return writer.outcome.acked.filter((w) => !logged.has(`${w.village}:${w.score}`)).length;
}

function failures(writer: Writer): string {
  const failed = [...writer.outcome.failures].map(([code, n]) => `${code}×${n}`).join(' ') || 'none';
  return `${failed}; ${writer.sentPerSecond.toFixed(1)} writes/s sent of ${WRITES} asked`;
}

/** Failed writes all coded UNAVAILABLE (retryable), from the API or from HAProxy's 503 page. */
function failuresCoded(writer: Writer): boolean {
  return [...writer.outcome.failures.keys()].every((code) => code === 'UNAVAILABLE');
}

async function stopAll(subs: ResumingSubscriber[]): Promise<void> {
  await Promise.all(subs.map((s) => s.stop()));
}

// --- scenarios ---------------------------------------------------------------------------------

async function killScenario(env: Env): Promise<Result> {
  const { subs, start } = await openSubscribers(env, SUBSCRIBERS);
  const writer = new Writer(env.url, env.token, env.villages);
  writer.start(WRITES);
  await sleep(PHASE_MS);
  const killed = Date.now();
  killInstance(env.state, 0);
  await sleep(500);
  await until('the cut subscribers to reconnect', () => subs.every((s) => s.connected), 60_000);
  const recovered = Date.now() - killed;
  await sleep(PHASE_MS);
  await writer.stop();
  const events = await verifyEvents(env, subs, start);
  const acked = await lostAcked(env, writer, start);
  const reconnected = subs.filter((s) => s.recoveries.length > 0).length;
  const recoveries = subs.flatMap((s) => s.recoveries).sort((a, b) => a - b);
  await stopAll(subs);
  await startInstance(env.state, 0);
  return {
    name: `kill -9 of api-1 holding ${reconnected} of ${SUBSCRIBERS} subscribers, ${WRITES} writes/s`,
    pass: reconnected > 0 && events.lost === 0 && events.duplicated === 0 && acked === 0,
    detail: `${events.expected} events × ${SUBSCRIBERS}: lost ${events.lost}, duplicated ${events.duplicated}; all reconnected ${recovered} ms after the kill (reconnect p50 ${percentile(recoveries, 50)} ms, max ${recoveries.at(-1) ?? 0} ms); writes acked ${writer.outcome.acked.length}, acked lost ${acked}, failed: ${failures(writer)}`,
  };
}

async function primaryScenario(env: Env): Promise<Result> {
  const { subs, start } = await openSubscribers(env, SUBSCRIBERS);
  const writer = new Writer(env.url, env.token, env.villages);
  const reader = new Reader(env.url, readMix(env.kabupaten));
  writer.start(WRITES);
  reader.start(10);
  await sleep(PHASE_MS);
  const began = Date.now();
  await restartPrimary(env.state, 'fast');
  const down = Date.now() - began;
  // Reconnect the bench's own connection too.
  await env.db.end().catch(() => undefined);
  env.db = new pg.Client({ connectionString: postgresUrl(env.state.ports.primary) });
  env.db.on('error', () => undefined);
  await env.db.connect();
  const ackedBefore = writer.outcome.acked.length;
  await sleep(PHASE_MS);
  await Promise.all([writer.stop(), reader.stop()]);
  const ackedAfter = writer.outcome.acked.length - ackedBefore;
  const events = await verifyEvents(env, subs, start);
  const acked = await lostAcked(env, writer, start);
  await stopAll(subs);
  return {
    name: `restart of the primary under ${WRITES} writes/s, 10 reads/s, ${SUBSCRIBERS} subscribers`,
    pass: events.lost === 0 && events.duplicated === 0 && acked === 0 && failuresCoded(writer) && ackedAfter > 0,
    detail: `primary down ${down} ms; writes acked ${writer.outcome.acked.length} (${ackedAfter} after the restart), acked lost ${acked}, failed: ${failures(writer)}; reads failed ${reader.errors} (${[...reader.errorCodes].map(([c, n]) => `${c}×${n}`).join(' ') || 'none'}); events lost ${events.lost}, duplicated ${events.duplicated}`,
  };
}

async function readyState(env: Env, instance = 1): Promise<{ status: string; replica?: { replica: string; lagMs: number } }> {
  const response = await fetch(`http://127.0.0.1:${env.state.ports.api[instance]}/readyz`);
  return (await response.json()) as never;
}

async function replicaScenario(env: Env): Promise<Result> {
  const reader = new Reader(env.url, readMix(env.kabupaten));
  reader.start(10);
  await sleep(1_000);
  stopPostgres(env.state, 'replica', 'fast');
  const sawDown = await until('/readyz to say the replica is down', async () => (await readyState(env)).replica?.replica === 'down', 15_000);
  await sleep(PHASE_MS);
  const errorsWhileDown = reader.errors;
  await startReplica(env.state);
  await until('the replica to be back', async () => (await readyState(env)).replica?.replica === 'ok', 30_000);
  const replica = new pg.Client({ connectionString: postgresUrl(env.state.ports.replica) });
  await replica.connect();
  await replica.query('select pg_wal_replay_pause()');
  let ownWriteSeen = 0;
  let sawLagging = false;
  try {
    const writer = new Writer(env.url, env.token, env.villages);
    writer.start(WRITES);
    // Read-your-writes while replay is paused: every write read back at once by its writer.
    const village = env.spare;
    for (let i = 0; i < 5; i++) {
      const score = 0.9 - i / 1000;
      await graphql(env.url, 'mutation($i: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $i) { changes } }', { i: [{ villageCode: village, year: YEAR, iks: score, ike: score, ikl: score, score }] }, env.token);
      const read = await graphql<{ village: { idm: { score: number } | null } }>(env.url, 'query($c: String!, $y: Int!) { village(code: $c) { idm(year: $y) { score } } }', { c: village, y: YEAR }, env.token);
      if (read.village.idm?.score === score) ownWriteSeen++;
    }
    sawLagging = await until('/readyz to say the replica lags', async () => (await readyState(env)).replica?.replica === 'lagging', 15_000);
    await writer.stop();
  } finally {
    await replica.query('select pg_wal_replay_resume()');
    await replica.end();
  }
  await until('the replica to catch up', async () => (await readyState(env)).replica?.replica === 'ok', 30_000);
  await reader.stop();
  return {
    name: 'replica stopped, then lagging (replay paused)',
    pass: sawDown && errorsWhileDown === 0 && reader.errors === 0 && sawLagging && ownWriteSeen === 5,
    detail: `/readyz said down: ${sawDown}, lagging: ${sawLagging}; reads failed ${reader.errors} (${[...reader.errorCodes].map(([c, n]) => `${c}×${n}`).join(' ') || 'none'}) of ${[...reader.take().values()].reduce((n, l) => n + l.length, 0) + reader.errors}; a writer read its own write 5 times in a row while replay was paused: ${ownWriteSeen}/5`,
  };
}

async function restartScenario(env: Env, name: string, stop: () => Promise<void>, start: () => Promise<void>, downMs: number): Promise<Result> {
  const { subs, start: from } = await openSubscribers(env, SUBSCRIBERS);
  const writer = new Writer(env.url, env.token, env.villages);
  writer.start(WRITES);
  await sleep(PHASE_MS / 2);
  await stop();
  await sleep(downMs);
  await start();
  await sleep(PHASE_MS);
  await writer.stop();
  const events = await verifyEvents(env, subs, from);
  const acked = await lostAcked(env, writer, from);
  await stopAll(subs);
  return {
    name: `${name} restarted (down ${downMs / 1000} s) under ${WRITES} writes/s, ${SUBSCRIBERS} subscribers`,
    pass: events.lost === 0 && events.duplicated === 0 && acked === 0 && failuresCoded(writer),
    detail: `${events.expected} events: lost ${events.lost}, duplicated ${events.duplicated}, last one everywhere ${events.caughtUpMs} ms after the writes stopped; writes acked ${writer.outcome.acked.length}, acked lost ${acked}, failed: ${failures(writer)}`,
  };
}

async function slowScenario(env: Env): Promise<Result> {
  const latencies = new Latencies();
  const { subs, start } = await openSubscribers(env, SUBSCRIBERS, latencies);
  const writer = new Writer(env.url, env.token, env.villages, latencies);
  writer.start(WRITES);
  // Three phases of the same length (before, with, after the slow socket): tails compare fairly.
  const phase = QUICK ? 26_000 : 30_000;
  await sleep(phase);
  const before = latencies.take();
  // The slow one: subscribes, then stops reading its socket.
  const slow = new WebSocket(env.wsUrl, 'graphql-transport-ws', { headers: { 'x-forwarded-for': fakeAddress(9_999) } });
  let closeCode: number | undefined;
  slow.on('close', (code) => (closeCode = code));
  slow.on('error', () => undefined);
  await new Promise<void>((resolve) => slow.once('open', () => resolve()));
  slow.send(JSON.stringify({ type: 'connection_init' }));
  await new Promise<void>((resolve) => slow.once('message', () => resolve()));
  slow.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { idmUpdated { cursor village { code name } } }' } }));
  (slow as unknown as { _socket: { pause(): void } })._socket.pause();
  const paused = Date.now();
  await sleep(phase);
  const during = latencies.take();
  (slow as unknown as { _socket: { resume(): void } })._socket.resume();
  await until('the slow socket to show its end', () => closeCode !== undefined, 5_000);
  const endedWithin = Math.round((Date.now() - paused) / 1000);
  // And once it is gone, as a control: the machine's own noise, not the slow socket's doing.
  await sleep(phase);
  const after = latencies.take();
  await writer.stop();
  const events = await verifyEvents(env, subs, start);
  await stopAll(subs);
  slow.terminate();
  const calm = Math.max(before.p99, after.p99);
  const steady = during.p99 <= Math.max(calm * 1.5, calm + 50);
  return {
    name: `a socket that stops reading among ${SUBSCRIBERS} subscribers, ${WRITES} writes/s`,
    pass: steady && closeCode !== undefined && events.lost === 0 && events.duplicated === 0,
    detail: `others' write→receipt p50/p99 ${before.p50}/${before.p99} ms before, ${during.p50}/${during.p99} ms with it (${during.n} deliveries), ${after.p50}/${after.p99} ms after; the slow socket, paused for ${phase / 1000} s, had been ended (${closeCode ?? 'not ended'}) when it read again ${endedWithin} s later; events lost ${events.lost}, duplicated ${events.duplicated}`,
  };
}

async function main(): Promise<void> {
  const wasRunning = readState() !== undefined && (await clusterStatus(readState()!)).every((p) => p.alive);
  const began = Date.now();
  const state = await startCluster((line) => process.stdout.write(`${line}\n`));
  const url = `http://127.0.0.1:${state.clusterPort}/graphql`;
  const db = new pg.Client({ connectionString: postgresUrl(state.ports.primary) });
  db.on('error', () => undefined);
  await db.connect();
  const token = adminToken(state);
  const page = await graphql<{ villages: { edges: { node: { code: string; kind: string; kabupaten: { code: string } } }[] } }>(url, '{ villages(first: 400) { edges { node { code kind kabupaten { code } } } } }');
  const desa = page.villages.edges.map((e) => e.node).filter((v) => v.kind !== 'KELURAHAN');
  const env: Env = { state, url, wsUrl: url.replace(/^http/, 'ws'), token, villages: desa.slice(0, 200).map((v) => v.code), spare: desa.at(-1)!.code, kabupaten: desa[0]!.kabupaten.code, db };
  process.stdout.write(`bench:faults: ${SUBSCRIBERS} subscribers, ${WRITES} writes/s${QUICK ? ' (quick)' : ''}, through HAProxy on ${url}\n`);

  const scenarios: Record<string, () => Promise<Result>> = {
    kill: () => killScenario(env),
    primary: () => primaryScenario(env),
    replica: () => replicaScenario(env),
    pgbouncer: () => restartScenario(env, 'PgBouncer', () => stopPgbouncer(state), () => startPgbouncer(state), 2_000),
    redis: () => restartScenario(env, 'Redis', () => stopRedis(state), () => startRedis(state), 6_000),
    slow: () => slowScenario(env),
  };
  const only = values.only?.split(',');
  const results: Result[] = [];
  for (const [key, run] of Object.entries(scenarios)) {
    if (only && !only.includes(key)) continue;
    const started = Date.now();
    let result: Result;
    try {
      result = await run();
    } catch (error) {
      result = { name: key, pass: false, detail: `failed to run: ${(error as Error).stack}` };
    }
    results.push(result);
    process.stdout.write(`${result.pass ? 'PASS' : 'FAIL'}  ${result.name} (${((Date.now() - started) / 1000).toFixed(0)} s)\n      ${result.detail}\n`);
  }
  await env.db.end().catch(() => undefined);
  if (!wasRunning && process.env.CLUSTER_KEEP !== '1') await stopCluster(state);
  const failed = results.filter((r) => !r.pass).length;
  process.stdout.write(`${results.length - failed} of ${results.length} scenarios passed in ${((Date.now() - began) / 1000).toFixed(0)} s\n`);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:faults: ${(error as Error).stack}\n`);
  process.exit(1);
});
