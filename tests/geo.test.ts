import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { importBoundaries } from '../src/importers/boundaries.importer';
import { query, quietProgress, testDatabaseUrl } from './helpers/database';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * Shapes through GraphQL, checked against the rows and the source files themselves: boundaries at
 * each detail, "which region is here", the nearest desa by great-circle distance, and desa in a
 * viewport, with their statement counts and their refusals.
 */
const BOUNDARIES = path.join(__dirname, '..', '..', 'shared', 'data', 'boundaries');
const url = testDatabaseUrl;
const quiet = quietProgress;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await importBoundaries(url(), [path.join(BOUNDARIES, 'desa', '64.geojson.gz')], quiet);
});
afterAll(() => server?.stop());


async function data<T = Record<string, any>>(document: string, variables?: Record<string, unknown>): Promise<{ data: T; statements: number }> {
  const response = await server.raw(document, variables);
  expect(response.errors).toBeUndefined();
  return { data: response.data as T, statements: response.extensions!.sql!.statements };
}

async function refusal(document: string, variables?: Record<string, unknown>) {
  const response = await server.raw(document, variables);
  expect(response.errors).toHaveLength(1);
  return response.errors![0]!;
}

/** Great-circle km, as the API defines it. */
function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lng2 - lng1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

describe('boundaries', () => {
  test("FULL is the source's geometry, LOW and MEDIUM are smaller, and all 514 kabupaten at LOW are one statement under 1 MB", async () => {
    const source = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(BOUNDARIES, 'kabupaten.geojson.gz'))).toString());
    const kukar = source.features.find((f: { properties: { kode: string } }) => f.properties.kode === '64.02');
    const { data: one } = await data(`{ kabupaten(code: "64.02") { full: boundary(detail: FULL) medium: boundary low: boundary(detail: LOW) areaKm2 bbox { west south east north } center { lat lng } } }`);
    expect(one.kabupaten.full).toEqual(kukar.geometry);
    const size = (g: unknown) => JSON.stringify(g).length;
    expect(size(one.kabupaten.low)).toBeLessThan(size(one.kabupaten.medium));
    expect(size(one.kabupaten.medium)).toBeLessThanOrEqual(size(one.kabupaten.full));
    // Kutai Kartanegara is about 27,000 km².
    expect(one.kabupaten.areaKm2).toBeGreaterThan(25_000);
    expect(one.kabupaten.areaKm2).toBeLessThan(29_000);
    const { west, south, east, north } = one.kabupaten.bbox;
    const lngs = kukar.geometry.coordinates.flat(2).map((p: number[]) => p[0]);
    expect(west).toBe(Math.min(...lngs));
    expect(east).toBe(Math.max(...lngs));
    expect(one.kabupaten.center.lat).toBeGreaterThan(south);
    expect(one.kabupaten.center.lat).toBeLessThan(north);

    const response = await server.post(`{ provinces { code kabupatens { code boundary(detail: LOW) } } }`);
    expect(response.body.errors).toBeUndefined();
    const kabupatens = (response.body.data!.provinces as { kabupatens: { boundary: unknown }[] }[]).flatMap((p) => p.kabupatens);
    expect(kabupatens).toHaveLength(514);
    expect(kabupatens.every((k) => k.boundary !== null)).toBe(true);
    expect(JSON.stringify(response.body).length).toBeLessThan(1024 * 1024);
    expect(response.body.extensions!.sql!.statements).toBe(1);
  });

  test('without the planner the fields resolve through batched loaders with the same answers', async () => {
    const unplanned = await startTestServer({ QUERY_PLANNER: '0' });
    try {
      const document = `{ kabupaten(code: "64.02") { boundary(detail: LOW) areaKm2 center { lat lng } districts { code boundary(detail: LOW) bbox { west } } } }`;
      const planned = await data(document);
      const response = await unplanned.raw(document);
      expect(response.data).toEqual(planned.data);
      // Per level (the kabupaten, then its kecamatan): its rows, one batch of boundaries, one of boxes, centres and areas.
      expect(response.extensions!.sql!.statements).toBe(6);
      const points = `{ regionAt(lat: -0.5029, lng: 117.152) { province { code name } kabupaten { code kind } district { code } village { code name center { lat } } }
        nearestVillages(lat: -0.5, lng: 117.15, first: 5, withinKm: 50) { distanceKm village { code name district { code } } } }`;
      const plannedPoints = await data(points);
      expect((await unplanned.raw(points)).data).toEqual(plannedPoints.data);
      // The planner answers each point query with one statement, whatever it selects of the regions.
      expect(plannedPoints.statements).toBe(2);
    } finally {
      await unplanned.stop();
    }
  });

  test('a desa without a shape has none; regions reached through a program have theirs', async () => {
    const [bare] = await query<{ code: string }>(`select v.code from village v where v.code like '11.%' and not exists (select 1 from region_shape s where s.code = v.code) order by v.code limit 1`);
    const { data: d } = await data(`query($code: String!) { village(code: $code) { boundary bbox { west } center { lat } areaKm2 } }`, { code: bare!.code });
    expect(d.village).toEqual({ boundary: null, bbox: null, center: null, areaKm2: null });
    const { data: p } = await data(`{ programs { slug provinces { code boundary(detail: LOW) } } }`);
    const scoped = (p.programs as { provinces: { boundary: unknown }[] }[]).flatMap((program) => program.provinces);
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((province) => province.boundary !== null)).toBe(true);
  });
});

describe('regionAt', () => {
  test('the point inside each kecamatan of Kalimantan Timur is found in that kecamatan, its kabupaten and province', async () => {
    const centers = await query<{ code: string; lat: number; lng: number }>(`select code, center[1] as lat, center[0] as lng from region_shape where level = 'district' and code like '64.%'`);
    expect(centers.length).toBeGreaterThan(90);
    for (const c of centers.slice(0, 40)) {
      const { data: d, statements } = await data(`query($lat: Float!, $lng: Float!) { regionAt(lat: $lat, lng: $lng) { province { code } kabupaten { code } district { code } village { code district { code } } } }`, c);
      expect(d.regionAt.district?.code).toBe(c.code);
      expect(d.regionAt.kabupaten?.code).toBe(c.code.slice(0, 5));
      expect(d.regionAt.province?.code).toBe('64');
      if (d.regionAt.village) expect(d.regionAt.village.district.code).toBe(c.code);
      expect(statements).toBeLessThanOrEqual(6);
    }
  });

  test('a desa is found at its own point; the open sea is null at every level', async () => {
    const [desa] = await query<{ code: string; lat: number; lng: number }>(`select code, center[1] as lat, center[0] as lng from region_shape where level = 'village' and code like '64.02.%' order by code limit 1`);
    const { data: d } = await data(`query($lat: Float!, $lng: Float!) { regionAt(lat: $lat, lng: $lng) { village { code } } }`, desa!);
    expect(d.regionAt.village.code).toBe(desa!.code);
    // The Indian Ocean, south of Java.
    const { data: sea } = await data(`{ regionAt(lat: -12.5, lng: 108) { province { code } kabupaten { code } district { code } village { code } } }`);
    expect(sea.regionAt).toEqual({ province: null, kabupaten: null, district: null, village: null });
  });

  test('a point off the globe is BAD_USER_INPUT naming the argument', async () => {
    const lat = await refusal(`{ regionAt(lat: 91, lng: 117) { province { code } } }`);
    expect(lat.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'lat' });
    const lng = await refusal(`{ regionAt(lat: -1, lng: 200) { province { code } } }`);
    expect(lng.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'lng' });
  });
});

describe('nearestVillages', () => {
  test('ranks by great-circle distance exactly as a scan of every centre does', async () => {
    const centers = await query<{ code: string; lat: number; lng: number }>(`select code, center[1] as lat, center[0] as lng from region_shape where level = 'village'`);
    for (const point of [
      { lat: -0.5, lng: 117.15 },
      { lat: 1.2, lng: 116.1 },
      { lat: -2.0, lng: 116.2 },
    ]) {
      const expected = centers
        .map((c) => ({ code: c.code, km: haversineKm(point.lat, point.lng, c.lat, c.lng) }))
        .sort((a, b) => a.km - b.km || (a.code < b.code ? -1 : 1))
        .slice(0, 12);
      const { data: d } = await data(`query($lat: Float!, $lng: Float!) { nearestVillages(lat: $lat, lng: $lng, first: 12) { distanceKm village { code } } }`, point);
      expect(d.nearestVillages.map((n: { village: { code: string } }) => n.village.code)).toEqual(expected.map((e) => e.code));
      d.nearestVillages.forEach((n: { distanceKm: number }, i: number) => expect(n.distanceKm).toBeCloseTo(expected[i]!.km, 2));
    }
  });

  test('withinKm bounds the answer; bad arguments are refused', async () => {
    const { data: d } = await data(`{ nearestVillages(lat: -0.5, lng: 117.15, first: 100, withinKm: 2) { distanceKm } }`);
    expect(d.nearestVillages.length).toBeGreaterThan(0);
    expect(d.nearestVillages.length).toBeLessThan(100);
    expect(d.nearestVillages.every((n: { distanceKm: number }) => n.distanceKm <= 2)).toBe(true);
    for (const [args, argument] of [
      ['lat: 91, lng: 117', 'lat'],
      ['lat: -0.5, lng: 117, first: 0', 'first'],
      ['lat: -0.5, lng: 117, first: 101', 'first'],
      ['lat: -0.5, lng: 117, withinKm: -1', 'withinKm'],
    ]) {
      const error = await refusal(`{ nearestVillages(${args}) { distanceKm } }`);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('villages(filter: { within })', () => {
  const box = { west: 117.0, south: -0.7, east: 117.3, north: -0.3 };

  test('holds exactly the desa whose centre lies in the box, with the other filters and orders, in one statement', async () => {
    const inBox = await query<{ code: string }>(
      `select v.code from village v join region_shape s on s.code = v.code
       where s.center[0] between $1 and $3 and s.center[1] between $2 and $4 and v.kabupaten_code = '64.02' order by v.code`,
      [box.west, box.south, box.east, box.north],
    );
    expect(inBox.length).toBeGreaterThan(5);
    const { data: d, statements } = await data(
      `query($box: BoundingBoxInput!) { villages(first: 500, filter: { within: $box, kabupatenCode: "64.02" }) { totalCount edges { node { code center { lat lng } } } } }`,
      { box },
    );
    expect(d.villages.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(inBox.map((r) => r.code));
    expect(d.villages.totalCount).toBe(inBox.length);
    // The page, and the count (run only when selected).
    expect(statements).toBe(2);
    const ordered = await data(`query($box: BoundingBoxInput!) { villages(first: 3, orderBy: CODE, filter: { within: $box, kind: DESA }) { edges { node { code kind } } } }`, { box });
    expect(ordered.statements).toBe(1);
    expect(ordered.data.villages.edges.every((e: { node: { kind: string } }) => e.node.kind === 'DESA')).toBe(true);
  });

  test('a box with its edges out of order or off the globe is BAD_USER_INPUT', async () => {
    const swapped = await refusal(`{ villages(filter: { within: { west: 118, south: -1, east: 117, north: 0 } }) { totalCount } }`);
    expect(swapped.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(swapped.message).toMatch(/east 117 is west of/);
    const off = await refusal(`{ villages(filter: { within: { west: 117, south: -95, east: 118, north: 0 } }) { totalCount } }`);
    expect(off.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.within.south' });
  });
});
