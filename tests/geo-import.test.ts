import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { BoundaryInputError, importBoundaries } from '../src/importers/boundaries.importer';
import { bboxOf, type RegionGeometry } from '../src/geo/geometry';
import { query, quietProgress, testDatabaseUrl } from './helpers/database';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * import:boundaries against the run's database: every bad input a coded reject (or, for a file
 * that is not GeoJSON at all, a refusal of the whole run) and nothing half-written; a second run
 * of the same files writes nothing.
 */
const DESA_64 = path.join(__dirname, '..', '..', 'shared', 'data', 'boundaries', 'desa', '64.geojson.gz');
const url = testDatabaseUrl;
const quiet = quietProgress;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-cerdas-boundaries-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let server: TestServer;
beforeAll(async () => {
  // The server prepares the database: migrations, the register, the shipped upper-level shapes.
  server = await startTestServer();
});
afterAll(async () => {
  // The made-up squares go, so a later suite of the run finds no desa drawn from this suite's files.
  await query(`delete from region_shape where source like $1`, [`${tmp}%`]);
  await server?.stop();
});


/** The regions whose stored shape came from `file`. */
const writtenFrom = async (file: string) => (await query<{ code: string }>(`select code from region_shape where source = $1 order by code`, [file])).map((r) => r.code);

const dataVersion = async () => (await query<{ version: string }>('select version::text from data_version'))[0]!.version;

/** A square ring around (lng, lat), closed, counter-clockwise. */
function square(lng: number, lat: number, half = 0.01): number[][] {
  return [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
}

function feature(properties: Record<string, unknown>, coordinates: unknown, extra: Record<string, unknown> = {}) {
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates }, ...extra };
}

function writeJson(name: string, value: unknown, gzip = false): string {
  const file = path.join(tmp, name);
  const text = JSON.stringify(value);
  fs.writeFileSync(file, gzip ? zlib.gzipSync(text) : text);
  return file;
}

/** Two desa of Kutai Kartanegara (64.02.08) with the register's codes, as a dinas would draw them. */
const GOOD_A = '64.02.08.2005';
const GOOD_B = '6402082006';

describe('import:boundaries', () => {
  test('every bad feature is a reject naming its file, index and reason; the good ones are written', async () => {
    const file = writeJson('mixed.geojson', {
      type: 'FeatureCollection',
      features: [
        feature({ kode: GOOD_A }, [square(116.9, -0.4)]),
        feature({ nama: 'no code' }, [square(116.95, -0.4)]),
        feature({ kode: '64.02.08.9999' }, [square(117.0, -0.4)]),
        feature({ kode: '64.02.08.2007' }, [square(116.9, -0.4).slice(0, 4)]),
        feature({ kode: '64.02.08.2008' }, [[[200, -0.4], [200.1, -0.4], [200.1, -0.3], [200, -0.4]]]),
        feature({ kode: '64.02.08.2009' }, [[[116.9, 91], [116.91, 91], [116.91, 90.5], [116.9, 91]]]),
        feature({ kode: '64.02.08.2017' }, [[[116.9, 'NaN'], [116.91, -0.4], [116.91, -0.3], [116.9, 'NaN']]]),
        { type: 'Point', coordinates: [116.9, -0.4] },
        feature({ kode: GOOD_A }, [square(116.9, -0.4)]),
        feature({}, [square(116.92, -0.42)], { id: GOOD_B }),
      ],
    });
    const rejectsFile = path.join(tmp, 'rejects.csv');
    const before = await dataVersion();
    const report = await importBoundaries(url(), [file], { ...quiet, rejectsFile });
    expect(report.byLevel.village.inserted + report.byLevel.village.updated + report.byLevel.village.unchanged).toBe(2);
    expect(report.rejects.map((r) => [r.feature, r.reason])).toEqual([
      [1, 'NO_CODE'],
      [2, 'UNKNOWN_CODE'],
      [3, 'BAD_GEOMETRY'],
      [4, 'BAD_GEOMETRY'],
      [5, 'BAD_GEOMETRY'],
      [6, 'BAD_GEOMETRY'],
      [7, 'NOT_A_FEATURE'],
      [8, 'DUPLICATE_CODE'],
    ]);
    expect(report.rejects[2]!.message).toMatch(/open/);
    expect(report.rejects[3]!.message).toMatch(/longitude 200/);
    expect(report.rejects[4]!.message).toMatch(/latitude 91/);
    expect(report.rejects[5]!.message).toMatch(/finite/);
    const listed = parse(fs.readFileSync(rejectsFile), { columns: true }) as Record<string, string>[];
    expect(listed.map((r) => [r.status, r.file, r.feature, r.reason])).toContainEqual(['REJECTED', file, '2', 'UNKNOWN_CODE']);
    // Other suites of the run may import the same desa from other files: what this run wrote is what names its file.
    expect(await writtenFrom(file)).toEqual([GOOD_A, '64.02.08.2006']);
    expect(await dataVersion()).not.toBe(before);
  });

  test('a file that is not GeoJSON, or too large, refuses the whole run and writes nothing', async () => {
    const good = writeJson('good.json', { type: 'FeatureCollection', features: [feature({ code: '64.02.08.2018' }, [square(116.8, -0.4)])] });
    const notJson = path.join(tmp, 'notes.geojson');
    fs.writeFileSync(notJson, 'kode,nama\n64.02,Kutai Kartanegara\n');
    const notGeoJson = writeJson('wrong.geojson', { type: 'Topology', objects: {} });
    const huge = path.join(tmp, 'huge.geojson');
    // 300 MB on disk, sparse: refused by its size before a byte is read.
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 300 * 1024 * 1024);
    const bomb = writeJson('bomb.geojson.gz', { type: 'FeatureCollection', features: [], pad: 'x'.repeat(3 * 1024 * 1024) }, true);
    const before = await dataVersion();
    for (const [file, code, options] of [
      [notJson, 'NOT_GEOJSON', {}],
      [notGeoJson, 'NOT_GEOJSON', {}],
      [huge, 'FILE_TOO_LARGE', {}],
      [bomb, 'FILE_TOO_LARGE', { maxFileBytes: 1024 * 1024 }],
    ] as const) {
      const run = importBoundaries(url(), [good, file], { ...quiet, ...options });
      await expect(run).rejects.toBeInstanceOf(BoundaryInputError);
      await expect(run).rejects.toThrow(`[${code}]`);
    }
    expect(await writtenFrom(good)).toEqual([]);
    expect(await dataVersion()).toBe(before);
  });

  test('a folder is read for its GeoJSON files only; --dry-run counts and writes nothing', async () => {
    const dir = path.join(tmp, 'folder');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'README.md'), '# not a shape');
    fs.writeFileSync(path.join(dir, 'a.geojson.gz'), zlib.gzipSync(JSON.stringify(feature({ KODE: '6402082019' }, [square(116.7, -0.4)]))));
    const before = await dataVersion();
    const report = await importBoundaries(url(), [dir], { ...quiet, dryRun: true });
    expect(report.files).toBe(1);
    expect(report.byLevel.village.inserted + report.byLevel.village.updated).toBe(1);
    expect(report.dryRun).toBe(true);
    expect(await writtenFrom(path.join(dir, 'a.geojson.gz'))).toEqual([]);
    expect(await dataVersion()).toBe(before);
  });

  test("a province's desa file imports, and a second run reports every desa unchanged and writes nothing", async () => {
    const first = await importBoundaries(url(), [DESA_64], quiet);
    const count = first.byLevel.village.inserted + first.byLevel.village.updated + first.byLevel.village.unchanged;
    expect(count).toBeGreaterThan(1000);
    expect(first.rejects).toEqual([]);
    const before = await dataVersion();
    const second = await importBoundaries(url(), [DESA_64], quiet);
    expect(second.byLevel.village).toEqual({ inserted: 0, updated: 0, unchanged: count });
    expect(await dataVersion()).toBe(before);
    // Every desa's point inside lies in its own FULL shape, as regionAt reads it.
    const outside = await query<{ code: string }>(
      `select s.code from region_shape s where s.level = 'village' and s.code like '64.%'
         and not exists (select 1 from region_shape_part p where p.code = s.code and p.outer_ring @> s.center
                         and not exists (select 1 from unnest(p.holes) h where h @> s.center))`,
    );
    expect(outside).toEqual([]);
  });

  test('the first start loaded the shipped provinces, kabupaten and kecamatan, each inside its own point', async () => {
    const levels = await query<{ level: string; n: number }>(`select level, count(*)::int as n from region_shape where level <> 'village' group by level order by level`);
    expect(levels).toEqual([
      { level: 'district', n: 7285 },
      { level: 'kabupaten', n: 514 },
      { level: 'province', n: 38 },
    ]);
    const outside = await query<{ code: string }>(
      `select s.code from region_shape s where s.level <> 'village'
         and not exists (select 1 from region_shape_part p where p.code = s.code and p.outer_ring @> s.center
                         and not exists (select 1 from unnest(p.holes) h where h @> s.center))`,
    );
    expect(outside).toEqual([]);
    // No region vanishes at a lower detail (islet-only kecamatan once came out as empty MultiPolygons at LOW).
    const empty = await query<{ code: string }>(
      `select code from region_shape where json_array_length(shape_low->'coordinates') = 0 or json_array_length(shape_medium->'coordinates') = 0`,
    );
    expect(empty).toEqual([]);
    // Each region's simplifications are its own: they lie in its box (the ring filter drops the
    // features it empties from the collection, which once shifted every later region's shapes).
    const rows = await query<{ code: string; west: number; south: number; east: number; north: number; low: RegionGeometry; medium: RegionGeometry }>(
      `select code, (bbox[1])[0] as west, (bbox[1])[1] as south, (bbox[0])[0] as east, (bbox[0])[1] as north, shape_low as low, shape_medium as medium
       from region_shape where level <> 'village'`,
    );
    const misplaced = rows.filter((r) =>
      [r.low, r.medium].some((g) => {
        const b = bboxOf(g);
        const slack = 1e-4;
        return !(b.west >= r.west - slack && b.east <= r.east + slack && b.south >= r.south - slack && b.north <= r.north + slack);
      }),
    );
    expect(misplaced.map((r) => r.code)).toEqual([]);
  });
});
