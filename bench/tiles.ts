import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mintToken } from '../src/auth/token';
import { Role } from '../src/auth/viewer';
import { Sql } from '../src/db/sql';
import { tileAt, type TileAddress } from '../src/geo/tiles/tile-math';
import { TILE_LAYERS, type TileLayer } from '../src/geo/tiles/tile-layers';
import { benchDatabase, percentile, rssMb, startServerProcess, stopServerProcess } from './support';

/**
 * `npm run bench:tiles`: the vector tile route at 20 connections against DATABASE_URL (else an
 * embedded PostgreSQL), with IDM 2024 figures. Measures, for every layer at its zooms over
 * Indonesia (up to BENCH_TILES_PER_ZOOM tiles a zoom, spread evenly): warm p50 and p99 (after one
 * filling pass), p99 of the first fetch of each tile after an IDM write (recorded through the
 * mutation, so only figures are re-read and tiles re-encoded), the largest desa tile (plain MVT),
 * and /healthz p99 at the same concurrency as the floor. Desa shapes of BENCH_DESA_PROVINCES
 * (default 33, Jawa Tengah: the densest, and 64) are imported once per database.
 */

const CONNECTIONS = 20;
const ROUNDS = 3;
const PER_ZOOM = Number(process.env.BENCH_TILES_PER_ZOOM ?? 60);
const DESA_PROVINCES = (process.env.BENCH_DESA_PROVINCES ?? '33,64').split(',').map((p) => p.trim());
const BOUNDARIES_DIR = process.env.BOUNDARIES_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'boundaries');
const IDM_FILE = process.env.BENCH_IDM_FILE ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'idm-2024.csv');
const TOKEN_SECRET = randomBytes(32).toString('base64url');
const QUERY = '?index=IDM&year=2024';

function cli(databaseUrl: string, args: string[]): void {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'src', 'main.js'), ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** IDM 2024 and the desa shapes, once per database (the first start has loaded the upper levels). */
async function ensureData(databaseUrl: string): Promise<void> {
  const sql = new Sql(databaseUrl, { max: 1, name: 'bench-tiles' });
  try {
    const [{ idm }] = await sql.query<{ idm: number }>('select count(*)::int as idm from idm_assessment where year = 2024');
    if (idm === 0) {
      console.log(`importing ${IDM_FILE} (once per database)`);
      cli(databaseUrl, ['import:idm', IDM_FILE, '--rejects', path.join(os.tmpdir(), 'bench-tiles-rejects.csv')]);
    }
    for (const province of DESA_PROVINCES) {
      const [{ n }] = await sql.query<{ n: number }>(`select count(*)::int as n from region_shape where level = 'village' and code like $1`, [`${province}.%`]);
      if (n > 0) continue;
      const file = path.join(BOUNDARIES_DIR, 'desa', `${province}.geojson.gz`);
      if (!fs.existsSync(file)) throw new Error(`no ${file}: set BOUNDARIES_DIR`);
      console.log(`importing desa shapes of ${province} (once per database)`);
      cli(databaseUrl, ['import:boundaries', file, '--rejects', path.join(os.tmpdir(), 'bench-tiles-rejects-boundaries.csv')]);
    }
  } finally {
    await sql.end();
  }
}

/** Jawa Tengah, the densest desa: every desa tile at the layer's minzoom over it, for the largest tile. */
const DENSEST = { west: 108.5, south: -8.3, east: 111.8, north: -5.7 };

/**
 * Tiles of `layer` over Indonesia at each of its zooms, at most PER_ZOOM a zoom, spread evenly; for
 * desa also every tile of DENSEST at its minzoom (an even spread over Indonesia mostly finds sea).
 */
function tilesOf(layer: TileLayer): TileAddress[] {
  const out: TileAddress[] = [];
  if (layer.name === 'desa') {
    const nw = tileAt(DENSEST.west, DENSEST.north, layer.minzoom);
    const se = tileAt(DENSEST.east, DENSEST.south, layer.minzoom);
    for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) out.push({ z: layer.minzoom, x, y });
  }
  for (let z = layer.minzoom; z <= layer.maxzoom; z++) {
    const nw = tileAt(94.97, 6.08, z);
    const se = tileAt(141.02, -11.01, z);
    const all: TileAddress[] = [];
    for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) all.push({ z, x, y });
    const step = Math.max(1, all.length / PER_ZOOM);
    for (let i = 0, n = 0; i < all.length && n < PER_ZOOM; i += step, n++) out.push(all[Math.floor(i)]!);
  }
  return out;
}

interface Fetched {
  url: string;
  ms: number;
  status: number;
  bytes: number;
}

/** Fetches every URL once over CONNECTIONS concurrent keep-alive connections. */
async function fetchAll(urls: readonly string[], headers: Record<string, string> = {}): Promise<Fetched[]> {
  const results: Fetched[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        const started = performance.now();
        const response = await fetch(url, { headers });
        const body = await response.arrayBuffer();
        results.push({ url, ms: performance.now() - started, status: response.status, bytes: body.byteLength });
      }
    }),
  );
  return results;
}

const sorted = (rs: readonly Fetched[]) => rs.map((r) => r.ms).sort((a, b) => a - b);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const database = await benchDatabase('desa_cerdas_bench_tiles');
  // A first start migrates and loads the register and the shipped shapes; the data comes after it.
  let server = await startServerProcess(database.url, { TOKEN_SECRET, RATE_LIMIT_COST: '0' });
  await stopServerProcess(server.child);
  await ensureData(database.url);
  server = await startServerProcess(database.url, { TOKEN_SECRET, RATE_LIMIT_COST: '0' });
  try {
    const { token } = await mintToken(TOKEN_SECRET, { subject: 'bench-tiles', role: Role.ADMIN, ttlSeconds: 3600 });
    const byLayer = new Map(TILE_LAYERS.map((layer) => [layer.name, tilesOf(layer).map((t) => `${server.base}/tiles/${layer.name}/${t.z}/${t.x}/${t.y}.mvt${QUERY}`)]));
    const urls = [...byLayer.values()].flat();
    console.log(`${urls.length} tiles: ${[...byLayer].map(([name, us]) => `${name} ${us.length}`).join(', ')}; ${CONNECTIONS} connections`);

    const floor = [] as Fetched[];
    for (let r = 0; r < ROUNDS; r++) floor.push(...(await fetchAll(Array.from({ length: 2000 }, () => `${server.base}/healthz`))));

    const filling = performance.now();
    const cold = await fetchAll(urls);
    console.log(`filling pass (cut + encode every tile): ${((performance.now() - filling) / 1000).toFixed(1)} s, p99 ${fmt(percentile(sorted(cold), 99))}, statuses ${JSON.stringify(countBy(cold.map((c) => c.status)))}`);

    const warm: Fetched[] = [];
    for (let r = 0; r < ROUNDS; r++) warm.push(...(await fetchAll(urls)));

    // One IDM value written per round: the data version moves, every tile's next fetch re-reads its figures.
    const found = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ villages(first: 1, filter: { provinceCode: "33", kind: DESA }) { edges { node { code } } } }' }),
    });
    const code = ((await found.json()) as { data: { villages: { edges: { node: { code: string } }[] } } }).data.villages.edges[0]!.node.code;
    const afterWrite: Fetched[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const score = 0.5 + r / 10;
      const written = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { received } }', variables: { input: [{ villageCode: code, year: 2024, iks: score, ike: score, ikl: score, score }] } }),
      });
      const answer = (await written.json()) as { errors?: unknown };
      if (answer.errors) throw new Error(`the write failed: ${JSON.stringify(answer.errors)}`);
      afterWrite.push(...(await fetchAll(urls)));
    }

    const desaSizes = await fetchAll(byLayer.get('desa')!, { 'accept-encoding': 'identity' });
    const largest = desaSizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));

    const floorP99 = percentile(sorted(floor), 99);
    const warmP99 = percentile(sorted(warm), 99);
    const afterP99 = percentile(sorted(afterWrite), 99);
    console.log(`/healthz floor: p50 ${fmt(percentile(sorted(floor), 50))}, p99 ${fmt(floorP99)}`);
    console.log(`warm:           p50 ${fmt(percentile(sorted(warm), 50))}, p99 ${fmt(warmP99)} (${(warmP99 / floorP99).toFixed(1)}x the floor)  [budget 30 ms]`);
    for (const [name, us] of byLayer) {
      const mine = new Set(us);
      const of = (rs: Fetched[]) => sorted(rs.filter((r) => mine.has(r.url)));
      console.log(`  ${name.padEnd(10)} warm p99 ${fmt(percentile(of(warm), 99))}, after a write p99 ${fmt(percentile(of(afterWrite), 99))}, first fill p99 ${fmt(percentile(of(cold), 99))}`);
    }
    console.log(`after a write:  p50 ${fmt(percentile(sorted(afterWrite), 50))}, p99 ${fmt(afterP99)} (${(afterP99 / floorP99).toFixed(1)}x the floor)  [budget 250 ms]`);
    console.log(`server RSS after the run: ${rssMb(server.child.pid!).toFixed(0)} MB (TILE_CACHE_MAX_MB ${process.env.TILE_CACHE_MAX_MB ?? 'default'} for each of two caches)`);
    console.log(`largest desa tile: ${(largest.bytes / 1024).toFixed(1)} KB (${largest.url.replace(server.base, '')})  [budget 300 KB]`);
  } finally {
    await stopServerProcess(server.child);
    await database.stop();
  }
}

function countBy(values: readonly number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
