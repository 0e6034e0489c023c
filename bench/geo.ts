import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchDatabase, percentile, rssMb, startServerProcess, stopServerProcess } from './support';

/**
 * `npm run bench:geo -- [--seconds 10] [--connections 20] [--import DIR]`: the map's reads on a
 * freshly started server (no response cache, no rate limit), each beside the same run's floor.
 *
 * - regionAt and nearestVillages at points spread over the country (every kecamatan's and desa's
 *   point inside, shuffled: no two requests alike), 20 connections, p50/p99, against `/healthz`
 *   and a one-desa GraphQL query at the same concurrency;
 * - `boundary(detail: LOW)` of all 514 kabupaten in one request: bytes and time;
 * - with `--import DIR` (the desa folder), `import:boundaries` of it into the database first:
 *   wall time and the importer's peak RSS, read from /proc every 100 ms.
 *
 * DATABASE_URL: a database with the register (and the desa shapes, or give --import).
 */

interface Load {
  name: string;
  body: (i: number) => string | null;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(base: string, body: string | null): Promise<{ status: number; bytes: number; text: string }> {
  const url = new URL(body === null ? '/healthz' : '/graphql', base);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body === null ? 'GET' : 'POST', agent, headers: body === null ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, bytes: text.length, text });
      });
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

async function run(base: string, load: Load, seconds: number, connections: number) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const body = load.body(next++);
        const started = performance.now();
        const res = await request(base, body);
        latencies.push(performance.now() - started);
        if (res.status !== 200 || res.text.includes('"errors"')) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { name: load.name, requests: latencies.length, rps: Math.round(latencies.length / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

async function importDesa(url: string, dir: string): Promise<{ seconds: number; peakRssMb: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'src', 'main.js'), 'import:boundaries', dir], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.resume();
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(child.pid!));
    } catch {
      /* exited */
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`import:boundaries exited ${code}: ${output}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peak), output: output.trim() };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' }, import: { type: 'string' } } });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const database = await benchDatabase('geo_bench');
  try {
    if (values.import) {
      const imported = await importDesa(database.url, values.import);
      process.stdout.write(`import:boundaries ${values.import}: ${imported.seconds.toFixed(1)} s, peak RSS ${imported.peakRssMb} MB\n${imported.output}\n\n`);
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const points = (await client.query<{ lat: number; lng: number }>(`select center[1] as lat, center[0] as lng from region_shape where level in ('district', 'village')`)).rows;
    const desa = (await client.query<{ code: string }>(`select code from village order by random() limit 5000`)).rows.map((r) => r.code);
    await client.end();
    if (points.length === 0) throw new Error('no shapes in the database: run npm start once, or give --import');
    shuffle(points);

    const server = await startServerProcess(database.url, { RATE_LIMIT_COST: '0', RESPONSE_CACHE: '0', TOKEN_SECRET: randomBytes(32).toString('base64url') });
    try {
      const gql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
      const at = (i: number) => points[i % points.length]!;
      const loads: Load[] = [
        { name: 'floor: GET /healthz', body: () => null },
        { name: 'floor: village(code) { name }', body: (i) => gql('query($c: String!) { village(code: $c) { code name } }', { c: desa[i % desa.length] }) },
        { name: 'regionAt (4 levels, names)', body: (i) => gql('query($lat: Float!, $lng: Float!) { regionAt(lat: $lat, lng: $lng) { province { code name } kabupaten { code name } district { code name } village { code name } } }', at(i)) },
        { name: 'nearestVillages(first: 10)', body: (i) => gql('query($lat: Float!, $lng: Float!) { nearestVillages(lat: $lat, lng: $lng) { distanceKm village { code name } } }', at(i)) },
      ];
      // Warm the process (JIT, pools) on other points than the measured ones.
      await run(server.base, { name: 'warm-up', body: (i) => loads[2 + (i % 2)]!.body(points.length - 1 - i) }, 2, connections);
      const rows = [];
      for (const load of loads) rows.push(await run(server.base, load, seconds, connections));
      const floor = rows[1]!;
      process.stdout.write(`${connections} connections, ${seconds} s each, fresh server (no response cache), ${points.length} distinct points\n`);
      process.stdout.write(`| load | req/s | p50 ms | p99 ms | p99 ÷ village(code) p99 | errors |\n|---|---|---|---|---|---|\n`);
      for (const r of rows) process.stdout.write(`| ${r.name} | ${r.rps} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.p99 / floor.p99).toFixed(2)} | ${r.errors} |\n`);

      const started = performance.now();
      const all = await request(server.base, gql('{ provinces { code kabupatens { code name boundary(detail: LOW) } } }', {}));
      const ms = performance.now() - started;
      const kabupatens = (JSON.parse(all.text).data.provinces as { kabupatens: unknown[] }[]).reduce((n, p) => n + p.kabupatens.length, 0);
      process.stdout.write(`\nboundary(detail: LOW) of all ${kabupatens} kabupaten in one request: ${(all.bytes / 1024).toFixed(0)} KB of JSON, ${ms.toFixed(0)} ms (first request of its kind)\n`);
    } finally {
      await stopServerProcess(server.child);
    }
  } finally {
    await database.stop();
    agent.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:geo: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
