import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { importIndeksDesa } from '../src/importers/indeks-desa/indeks-desa.importer';
import { retractSample } from './helpers/indeks-desa-sample';
import { query, quietProgress, testDatabaseUrl } from './helpers/database';
import { startTestServer, type TestServer } from './helpers/server';

const DATA = path.join(__dirname, '..', '..', 'shared', 'data', 'indeks-desa-2025');
const WIDE = path.join(DATA, 'lampung-timur-sample.csv');
const LONG = path.join(DATA, 'lampung-timur-sample-long.csv');
const url = testDatabaseUrl;
const quiet = quietProgress;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-cerdas-indeks-desa-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let server: TestServer;
beforeAll(async () => {
  // The server prepares the database: migrations and the register the matcher places codes in.
  server = await startTestServer();
  await retractSample(server);
});
afterAll(() => server?.stop());


/** Dotted, as the register stores codes. */
const dotted = (code: string): string => `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4, 6)}.${code.slice(6)}`;

/** The published values of both samples, read with csv-parse alone. */
function published(): Map<string, { dimensions: number[]; score: number; status: string }> {
  const out = new Map<string, { dimensions: number[]; score: number; status: string }>();
  for (const row of parse(fs.readFileSync(WIDE), { columns: true, bom: true }) as Record<string, string>[]) {
    out.set(dotted(row['KODE DESA']!), {
      dimensions: ['LAYANAN DASAR', 'SOSIAL', 'EKONOMI', 'LINGKUNGAN', 'AKSESIBILITAS', 'TATA KELOLA PEMERINTAH'].map((c) => Number(row[c])),
      score: Number(row['SKOR INDEKS DESA']),
      status: row['INDEKS DESA (ID 2025)']!,
    });
  }
  const items = new Map<string, Map<string, string>>();
  for (const row of parse(fs.readFileSync(LONG), { columns: true, bom: true }) as Record<string, string>[]) {
    const code = dotted(row.region_code!);
    if (!items.has(code)) items.set(code, new Map());
    items.get(code)!.set(row.item!, row.value!);
  }
  for (const [code, byItem] of items) {
    out.set(code, {
      dimensions: ['Layanan Dasar', 'Sosial', 'Ekonomi', 'Lingkungan', 'Aksesibilitas', 'Tata Kelola Pemerintah'].map((i) => Number(byItem.get(i))),
      score: Number(byItem.get('Skor')),
      status: byItem.get('Status Indeks Desa')!,
    });
  }
  return out;
}

interface StoredRow {
  village_code: string;
  year: number;
  layanan_dasar: number;
  sosial: number;
  ekonomi: number;
  lingkungan: number;
  aksesibilitas: number;
  tata_kelola: number;
  score: number;
  status: string;
  source_format: string;
}

describe('import:indeks-desa of the Lampung Timur samples', () => {
  const rejectsFile = path.join(tmp, 'rejects.csv');

  it('stores the 46 desa of both layouts as published, and a second import writes nothing', async () => {
    const dry = await importIndeksDesa(url(), [DATA], { ...quiet, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, files: 2, received: 46, accepted: 46, inserted: 46 });
    // Other suites share the database: look only at the sample's desa.
    const sample = [...published().keys()];
    expect(await query('select 1 from indeks_desa_assessment where village_code = any($1)', [sample])).toHaveLength(0);

    const report = await importIndeksDesa(url(), [WIDE, LONG], { ...quiet, rejectsFile });
    expect(report).toMatchObject({ files: 2, received: 46, accepted: 46, inserted: 46, updated: 0, remapped: 0, rejects: [], mismatches: [], changes: 46 });
    expect(fs.existsSync(rejectsFile)).toBe(false); // nothing to list

    const stored = await query<StoredRow>('select * from indeks_desa_assessment where village_code = any($1) order by village_code', [sample]);
    const expected = published();
    expect(stored).toHaveLength(46);
    expect(new Map(stored.map((r) => [r.village_code, { dimensions: [r.layanan_dasar, r.sosial, r.ekonomi, r.lingkungan, r.aksesibilitas, r.tata_kelola], score: r.score, status: r.status }]))).toEqual(
      expected,
    );
    expect(stored.filter((r) => r.source_format === 'indeks-desa-long')).toHaveLength(14);
    expect(new Set(stored.map((r) => r.year))).toEqual(new Set([2025]));

    const again = await importIndeksDesa(url(), [WIDE, LONG], quiet);
    expect(again).toMatchObject({ accepted: 46, inserted: 0, updated: 0, unchanged: 46, changes: 0 });
  });

  it('places a renumbered code by its names as import:idm does, and lists rejects with their column and mismatches', async () => {
    const [header, ...rows] = parse(fs.readFileSync(WIDE), { bom: true }) as string[][];
    const at = (name: string): number => header!.indexOf(name);
    const edited = rows.slice(0, 4).map((row) => [...row]);
    // A desa of the register the samples do not hold, published under a code the register lacks: its names place it.
    const [other] = await query<{ code: string; name: string; district: string }>(
      `select v.code, v.name, d.name as district from village v join district d on d.code = v.district_code
        where v.kabupaten_code = '18.07' and v.kind <> 'KELURAHAN'
          and not exists (select 1 from indeks_desa_assessment a where a.village_code = v.code)
          and (select count(*) from village w where w.kabupaten_code = '18.07' and w.name = v.name) = 1
        order by v.code limit 1`,
    );
    const unknownCode = `${other!.code.replaceAll('.', '').slice(0, 6)}2999`;
    expect(await query('select 1 from village where code = $1', [dotted(unknownCode)])).toHaveLength(0);
    edited[0]![at('KODE DESA')] = unknownCode;
    edited[0]![at('KECAMATAN')] = other!.district.toUpperCase();
    edited[0]![at('DESA/KELURAHAN')] = other!.name.toUpperCase();
    edited[1]![at('SOSIAL')] = 'tujuh'; // a bad number
    edited[2]![at('SKOR INDEKS DESA')] = '99.00'; // published score differs from Σ/635×100
    edited[3]![at('LINGKUNGAN')] = '95'; // above Lingkungan's maximum of 90
    const file = path.join(tmp, 'dirty.csv');
    fs.writeFileSync(file, [header!, ...edited].map((r) => r.join(',')).join('\n') + '\n');

    const report = await importIndeksDesa(url(), [file], { ...quiet, dryRun: true, rejectsFile });
    expect(report).toMatchObject({ received: 4, accepted: 2, remapped: 1 });
    expect(report.remaps[0]).toMatchObject({ publishedCode: unknownCode, villageCode: other!.code, rule: 'NAMES' });
    // 99.00 is not Σ/635×100, and gives MANDIRI where BERKEMBANG was published: both stored as published, both listed.
    const mismatched = dotted(rows[2]![at('KODE DESA')]!);
    expect(report.mismatches).toEqual([expect.objectContaining({ field: 'score', villageCode: mismatched }), expect.objectContaining({ field: 'status', villageCode: mismatched })]);
    expect(report.rejectedByReason).toEqual({ MALFORMED: 1, SCORE_OUT_OF_RANGE: 1 });

    const listed = parse(fs.readFileSync(rejectsFile), { columns: true }) as Record<string, string>[];
    expect(listed.map((r) => [r.outcome, r.line, r.reason, r.field])).toEqual([
      ['REMAPPED', '2', 'NAMES', 'villageCode'],
      ['REJECTED', '3', 'MALFORMED', 'SOSIAL'],
      ['MISMATCH', '4', 'MISMATCH', 'score'],
      ['MISMATCH', '4', 'MISMATCH', 'status'],
      ['REJECTED', '5', 'SCORE_OUT_OF_RANGE', expect.stringMatching(/lingkungan/i)],
    ]);
    expect(listed[1]!.message).toBe('SOSIAL "tujuh" is not a number');
  });
});
