import fs from 'node:fs';
import zlib from 'node:zlib';
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import type { FeatureCollection } from 'geojson';
import { tileAt, type TileAddress } from '../src/geo/tiles/tile-math';
import { startTestServer, mintTestToken, type TestServer } from './helpers/server';
import { importBoundaries } from '../src/importers/boundaries.importer';

/** The shared boundary files: the first start loads the upper three levels from data/boundaries, desa come from here. */
const BOUNDARIES_DIR = process.env.BOUNDARIES_DIR ?? '/work/shared/data/boundaries';
import { Role } from '../src/auth/viewer';

/**
 * The vector tile route against the real server: shapes of Gorontalo (province 75, which no other
 * suite writes IDM values for) imported from the boundary files by import:boundaries' own function, figures as GraphQL computes them,
 * ETags that move with a write, and the same admission as every route.
 */

let server: TestServer;
let base: string;

/** Source centroids of the boundary files, by code: a point inside the region. */
const centroids = new Map<string, { lng: number; lat: number; name: string }>();

function readCentroids(file: string): void {
  const collection = JSON.parse(zlib.gunzipSync(fs.readFileSync(`${BOUNDARIES_DIR}/${file}.geojson.gz`)).toString('utf8')) as FeatureCollection;
  for (const f of collection.features) centroids.set(String(f.properties!.kode), { lng: f.properties!.lng, lat: f.properties!.lat, name: f.properties!.nama });
}

async function tile(layer: string, t: TileAddress | string, query = '', headers: Record<string, string> = {}) {
  const path = typeof t === 'string' ? t : `${t.z}/${t.x}/${t.y}`;
  const response = await fetch(`${base}/tiles/${layer}/${path}.mvt${query}`, { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, layers: response.status === 200 ? new VectorTile(new Pbf(bytes)).layers : {} };
}

function features(layer: { length: number; feature(i: number): VectorTileFeature } | undefined): VectorTileFeature[] {
  return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)) : [];
}

/** The point's position in tile coordinates (extent 4096). */
function inTile(lng: number, lat: number, t: TileAddress): [number, number] {
  const n = 2 ** t.z;
  const rad = (lat * Math.PI) / 180;
  const x = ((lng + 180) / 360) * n;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return [(x - t.x) * 4096, (y - t.y) * 4096];
}

/** Even-odd rule over every ring of the feature (outer rings and holes alike). */
function contains(feature: VectorTileFeature, [px, py]: [number, number]): boolean {
  let inside = false;
  for (const ring of feature.loadGeometry()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a.y > py !== b.y > py && px < ((b.x - a.x) * (py - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await server.raw(query, variables);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

async function recordIdm(villageCode: string, score: number): Promise<void> {
  await gql('mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { received } }', {
    input: [{ villageCode, year: 2024, iks: score, ike: score, ikl: score, score }],
  });
}

beforeAll(async () => {
  server = await startTestServer();
  base = `http://127.0.0.1:${server.port}`;
  await importBoundaries(process.env.DESA_TEST_DATABASE_URL!, [`${BOUNDARIES_DIR}/desa/75.geojson.gz`], { plain: true });
  readCentroids('kabupaten');
  readCentroids('desa/75');
  // Three desa of Kabupaten Gorontalo with IDM 2024, so its summary has figures whatever else is loaded.
  const codes = [...centroids.keys()].filter((c) => /^75\.01\.\d\d\.2\d{3}$/.test(c)).slice(0, 3);
  for (const [i, code] of codes.entries()) await recordIdm(code, 0.6 + i * 0.1);
});
afterAll(() => server?.stop());

describe('tiles', () => {
  it('draw a kabupaten tile with each feature coded and named, the code that of the place', async () => {
    const at = centroids.get('75.01')!;
    // Zoom 7 reads MEDIUM; LOW (zoom ≤ 6) draws 75.01 as a 6-point ring of a tenth of its extent.
    const t = tileAt(at.lng, at.lat, 7);
    const { response, layers } = await tile('kabupaten', t);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(Object.keys(layers)).toEqual(['kabupaten']);
    const all = features(layers.kabupaten);
    expect(all.length).toBeGreaterThan(1);
    for (const f of all) expect(f.properties).toEqual({ code: expect.stringMatching(/^\d\d\.\d\d$/), name: expect.any(String) });
    const here = all.filter((f) => contains(f, inTile(at.lng, at.lat, t)));
    expect(here.map((f) => f.properties)).toEqual([{ code: '75.01', name: 'Kabupaten Gorontalo' }]);
    expect(layers.kabupaten!.extent).toBe(4096);
    expect(layers.kabupaten!.version).toBe(2);
  });

  it('carry a region’s figures equal to its GraphQL summary', async () => {
    const at = centroids.get('75.01')!;
    const { layers } = await tile('kabupaten', tileAt(at.lng, at.lat, 6), '?index=IDM&year=2024');
    const gorontalo = features(layers.kabupaten).find((f) => f.properties.code === '75.01')!;
    const { kabupaten } = await gql<{ kabupaten: { idmSummary: { assessed: number; mean: { score: number }; byStatus: { status: string; share: number }[] } } }>(
      '{ kabupaten(code: "75.01") { idmSummary(year: 2024) { assessed mean { score } byStatus { status share } } } }',
    );
    const share = (status: string) => kabupaten.idmSummary.byStatus.find((b) => b.status === status)!.share;
    expect(gorontalo.properties).toEqual({
      code: '75.01',
      name: 'Kabupaten Gorontalo',
      assessed: kabupaten.idmSummary.assessed,
      mean: kabupaten.idmSummary.mean.score,
      mandiri: share('MANDIRI'),
      maju: share('MAJU'),
      berkembang: share('BERKEMBANG'),
      tertinggal: share('TERTINGGAL'),
      sangatTertinggal: share('SANGAT_TERTINGGAL'),
    });
    expect(kabupaten.idmSummary.assessed).toBeGreaterThanOrEqual(3);
  });

  it('recolour a desa after a write: 304 before it, a new ETag and the new status after', async () => {
    const code = [...centroids.keys()].find((c) => /^75\.02\.\d\d\.2\d{3}$/.test(c))!;
    const at = centroids.get(code)!;
    const t = tileAt(at.lng, at.lat, 12);
    await recordIdm(code, 0.5);
    const first = await tile('desa', t, '?index=IDM&year=2024');
    expect(first.response.status).toBe(200);
    const before = features(first.layers.desa).find((f) => f.properties.code === code)!;
    expect(before.properties).toMatchObject({ code, name: expect.any(String), status: 'TERTINGGAL', score: 0.5 });
    const etag = first.response.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    expect((await tile('desa', t, '?index=IDM&year=2024', { 'if-none-match': etag })).response.status).toBe(304);

    await recordIdm(code, 0.9);
    const after = await tile('desa', t, '?index=IDM&year=2024', { 'if-none-match': etag });
    expect(after.response.status).toBe(200);
    expect(after.response.headers.get('etag')).not.toBe(etag);
    expect(features(after.layers.desa).find((f) => f.properties.code === code)!.properties).toMatchObject({ status: 'MANDIRI', score: 0.9 });
  });

  it('answer 204 for open sea and below a layer’s minzoom', async () => {
    expect((await tile('provinsi', tileAt(80, -20, 8))).response.status).toBe(204);
    const at = centroids.get('75.01')!;
    expect((await tile('desa', tileAt(at.lng, at.lat, 5))).response.status).toBe(204);
  });

  it.each([
    ['jalan', '1/0/0', '', 'layer'],
    ['desa', '30/0/0', '', 'z'],
    ['desa', 'abc/0/0', '', 'z'],
    ['desa', '2/4/0', '', 'x'],
    ['desa', '2/0/9', '', 'y'],
    ['kabupaten', '2/0/0', '?index=SDGS', 'index'],
    ['kabupaten', '2/0/0', '?index=IDM&year=24', 'year'],
    ['kabupaten', '2/0/0', '?index=IDM&year=2030', 'year'],
    ['kabupaten', '2/0/0', '?year=2024', 'year'],
  ])('refuse %s %s%s as BAD_USER_INPUT naming %s', async (layer, path, query, argument) => {
    const { response, bytes } = await tile(layer, path, query);
    expect(response.status).toBe(400);
    const body = JSON.parse(bytes.toString('utf8'));
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', argument } }] });
  });

  it('describe each layer in TileJSON 3', async () => {
    const response = await fetch(`${base}/tiles/kabupaten.json?index=IDM&year=2024`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      tilejson: '3.0.0',
      attribution: expect.stringContaining('cahyadsn/wilayah_boundaries'),
      tiles: [`${base}/tiles/kabupaten/{z}/{x}/{y}.mvt?index=IDM&year=2024`],
      minzoom: 0,
      maxzoom: expect.any(Number),
      vector_layers: [{ id: 'kabupaten', fields: { code: 'String', name: 'String', assessed: 'Number', mean: 'Number', mandiri: 'Number', sangatTertinggal: 'Number' } }],
    });
    const [w, s, e, n] = doc.bounds as number[];
    expect(w).toBeLessThan(96);
    expect(e).toBeGreaterThan(140);
    expect(s).toBeLessThan(-10);
    expect(n).toBeGreaterThan(5);
    expect((await fetch(`${base}/tiles/jalan.json`)).status).toBe(400);
  });

  it('let a map page on another origin fetch tiles', async () => {
    const response = await fetch(`${base}/tiles/provinsi/0/0/0.mvt`, { headers: { origin: 'https://peta.example.id' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('tile admission', () => {
  it('refuses a flood with 429 and Retry-After once the rate limit is spent', async () => {
    const strict = await startTestServer({ RATE_LIMIT_COST: '1000', RATE_LIMIT_WINDOW_S: '60' });
    try {
      const url = `http://127.0.0.1:${strict.port}/tiles/provinsi/0/0/0.mvt`;
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 5; i++) {
        const r = await fetch(url);
        statuses.push(r.status);
        if (r.status === 429) refused = r;
        await r.arrayBuffer();
      }
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(refused).toBeDefined();
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await strict.stop();
    }
  });

  it('asks for a token under REQUIRE_TOKEN_FOR_READS', async () => {
    const closed = await startTestServer({ REQUIRE_TOKEN_FOR_READS: '1' });
    try {
      const url = `http://127.0.0.1:${closed.port}/tiles/provinsi/0/0/0.mvt`;
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      const { token } = await mintTestToken({ role: Role.OPERATOR, scope: ['75'] });
      expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await closed.stop();
    }
  });
});
