/**
 * `npm run bench:soak -- --minutes 30 [--subscribers 600] [--writes 5] [--reads 10]`
 *
 * A long mixed load through the local cluster's HAProxy (`npm run cluster`; started here when it
 * is not running, and stopped again at the end): anonymous reads (the bench's W1–W2 shapes and
 * the dashboard's summary), writes at a fixed rate, and subscribers that resume from their last
 * cursor. Every minute: RSS of each instance, p50/p99 per operation and of write → receipt, events
 * delivered. At the end: events lost and duplicated (both must be 0) and the RSS growth of each
 * instance over the last two thirds of the run (at most 5%; the first third is warm-up: caches
 * and pools filling). RSS is sampled every 10 s and its growth is the least-squares line through
 * those samples, from the window's start to its end, over the line's value at the start: one
 * reading against another swings by ±10% with the garbage collector's heap sizing, while a leak
 * is a trend. The first and last readings are printed beside it. The defaults are scaled to a 2-core machine (the issue's 2,000 subscribers
 * are `--subscribers 2000`).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { adminToken, clusterStatus, postgresUrl, readState, startCluster, stopCluster } from './cluster';
import { cursorId, fakeAddress, graphql, Latencies, Reader, readMix, ResumingSubscriber, Writer } from './load';
import { percentile, rssMb } from './support';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    subscribers: { type: 'string', default: '600' },
    writes: { type: 'string', default: '5' },
    reads: { type: 'string', default: '10' },
  },
});
const MINUTES = Number(values.minutes);
const SUBSCRIBERS = Number(values.subscribers);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How often each instance's RSS is read. */
const SAMPLE_MS = 10_000;

/** The least-squares line through the readings: its rise from the first reading's time to the last's, over its value at the first. */
function trendGrowth(readings: readonly { t: number; mb: number }[]): number {
  if (readings.length < 2) return 0;
  const n = readings.length;
  const meanT = readings.reduce((a, r) => a + r.t, 0) / n;
  const meanMb = readings.reduce((a, r) => a + r.mb, 0) / n;
  const slope = readings.reduce((a, r) => a + (r.t - meanT) * (r.mb - meanMb), 0) / readings.reduce((a, r) => a + (r.t - meanT) ** 2, 0);
  const [first, last] = [readings[0]!.t, readings.at(-1)!.t];
  const atFirst = meanMb + slope * (first - meanT);
  return (slope * (last - first)) / atFirst;
}

async function main(): Promise<void> {
  const existing = readState();
  const wasRunning = existing !== undefined && (await clusterStatus(existing)).every((p) => p.alive);
  const state = await startCluster((line) => process.stdout.write(`${line}\n`));
  const url = `http://127.0.0.1:${state.clusterPort}/graphql`;
  const token = adminToken(state);
  const page = await graphql<{ villages: { edges: { node: { code: string; kind: string; kabupaten: { code: string } } }[] } }>(url, '{ villages(first: 400) { edges { node { code kind kabupaten { code } } } } }');
  const desa = page.villages.edges.map((e) => e.node).filter((v) => v.kind !== 'KELURAHAN');
  const latencies = new Latencies();
  const { idmChangeCursor } = await graphql<{ idmChangeCursor: string }>(url, '{ idmChangeCursor }');
  const start = cursorId(idmChangeCursor);
  const subs = Array.from({ length: SUBSCRIBERS }, (_, i) => new ResumingSubscriber(url.replace(/^http/, 'ws'), fakeAddress(1000 + Math.floor(i / 20)), idmChangeCursor, latencies));
  for (let i = 0; i < subs.length; i += 50) await Promise.all(subs.slice(i, i + 50).map((s) => s.start()));
  const writer = new Writer(url, token, desa.slice(0, 200).map((v) => v.code), latencies);
  const reader = new Reader(url, readMix(desa[0]!.kabupaten.code));
  process.stdout.write(`bench:soak: ${MINUTES} min, ${SUBSCRIBERS} subscribers, ${values.writes} writes/s, ${values.reads} reads/s through ${url}\n`);
  writer.start(Number(values.writes));
  reader.start(Number(values.reads));

  const pids = state.apiPids;
  const began = Date.now();
  /** Per instance: RSS readings (minutes since the start, MB), one per SAMPLE_MS. */
  const rss: { t: number; mb: number }[][] = pids.map(() => []);
  const sampleRss = () => pids.forEach((pid, i) => rss[i]!.push({ t: (Date.now() - began) / 60_000, mb: pid ? rssMb(pid) : NaN }));
  const sampler = setInterval(sampleRss, SAMPLE_MS);
  const delivered = () => subs.reduce((n, s) => n + s.seen.size, 0);
  let deliveredBefore = delivered();
  for (let minute = 1; minute <= MINUTES; minute++) {
    await sleep(60_000);
    const ops = [...reader.take()].map(([name, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return `${name} ${percentile(sorted, 50).toFixed(0)}/${percentile(sorted, 99).toFixed(0)}`;
    });
    const events = latencies.take();
    const now = delivered();
    process.stdout.write(
      `min ${String(minute).padStart(2)}  RSS MB ${rss.map((r) => (r.at(-1)?.mb ?? NaN).toFixed(0)).join(' / ')}  p50/p99 ms: ${ops.join(', ')}, write→receipt ${events.p50}/${events.p99}  delivered ${now - deliveredBefore}  read errors ${reader.errors}  write failures ${[...writer.outcome.failures.values()].reduce((a, b) => a + b, 0)}\n`,
    );
    deliveredBefore = now;
  }
  clearInterval(sampler);
  await Promise.all([writer.stop(), reader.stop()]);

  const db = new pg.Client({ connectionString: postgresUrl(state.ports.primary) });
  await db.connect();
  const { rows } = await db.query<{ id: string }>('select id::text as id from idm_change where id > $1', [String(start)]);
  const end = rows.reduce((max, r) => (BigInt(r.id) > max ? BigInt(r.id) : max), start);
  const deadline = Date.now() + 60_000;
  while (!subs.every((s) => s.lastId >= end) && Date.now() < deadline) await sleep(200);
  let lost = 0;
  for (const s of subs) for (const r of rows) if (!s.seen.has(BigInt(r.id))) lost++;
  const duplicated = subs.reduce((n, s) => n + s.duplicates, 0);
  await db.end();
  await Promise.all(subs.map((s) => s.stop()));

  const warm = Math.floor(MINUTES / 3);
  const windows = rss.map((r) => r.filter((x) => x.t >= warm && Number.isFinite(x.mb)));
  const growth = windows.map(trendGrowth);
  const pass = lost === 0 && duplicated === 0 && growth.every((g) => g < 0.05);
  const readings = windows.map((w) => (w.length ? `${w[0]!.mb.toFixed(0)}→${w.at(-1)!.mb.toFixed(0)} MB` : '-'));
  process.stdout.write(
    `${pass ? 'PASS' : 'FAIL'}  soak ${MINUTES} min: ${rows.length} changes × ${SUBSCRIBERS} subscribers, lost ${lost}, duplicated ${duplicated}; ` +
      `RSS growth from minute ${warm} to ${MINUTES} (least-squares over ${windows[0]?.length ?? 0} readings per instance): ${growth.map((g) => `${(g * 100).toFixed(1)}%`).join(' / ')} ` +
      `(readings ${readings.join(' / ')}); writes acked ${writer.outcome.acked.length}, read errors ${reader.errors}\n`,
  );
  if (!wasRunning && process.env.CLUSTER_KEEP !== '1') await stopCluster(state);
  process.exit(pass ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:soak: ${(error as Error).stack}\n`);
  process.exit(1);
});
