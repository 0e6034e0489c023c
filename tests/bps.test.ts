import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { importBpsBridge, type BpsImportReport } from '../src/importers/bps.importer';
import { importRegister } from '../src/importers/register.importer';
import { errorCodes, startTestServer, type GraphQLResponse, type TestServer } from './helpers/server';

/**
 * BPS codes in the register (issue 23, item 2): the real bridge imported through the importer,
 * then every code argument reading BPS codes beside Kemendagri's, on the planner and on the
 * resolvers (QUERY_PLANNER=0) alike.
 */

const BRIDGE = path.join(__dirname, '..', '..', 'shared', 'data', 'bps-bridge', 'bps-kemendagri.csv');
const HEADER = 'kode_bps,nama_bps,kode_dagri,nama_dagri,parent';

let planned: TestServer;
let resolved: TestServer;
let db: pg.Client;
let tmp: string;
let first: BpsImportReport;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bps-test-'));
  db = new pg.Client({ connectionString: process.env.DESA_TEST_DATABASE_URL });
  await db.connect();
  first = await importBpsBridge(process.env.DESA_TEST_DATABASE_URL!, BRIDGE, { rejectsFile: path.join(tmp, 'rejects.csv') });
  planned = await startTestServer({ RESPONSE_CACHE: '0' });
  resolved = await startTestServer({ QUERY_PLANNER: '0', RESPONSE_CACHE: '0' });
});

afterAll(async () => {
  await planned?.stop();
  await resolved?.stop();
  // Later suites of the run read the register as it was: without BPS codes.
  for (const table of ['province', 'kabupaten', 'district', 'village']) await db?.query(`update ${table} set bps_code = null where bps_code is not null`);
  await db?.end();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function dataVersion(): Promise<string> {
  return (await db.query<{ version: string }>(`select version::text from data_version`)).rows[0]!.version;
}

async function bpsOf(table: string, code: string): Promise<string | null> {
  return (await db.query<{ bps_code: string | null }>(`select bps_code from ${table} where code = $1`, [code])).rows[0]!.bps_code;
}

function crafted(name: string, lines: string[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `${[HEADER, ...lines].join('\n')}\n`);
  return file;
}

/** Runs a query on both servers and expects the same answer (less the statistics). */
async function same(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Record<string, unknown>>> {
  const [a, b] = await Promise.all([planned.raw(query, variables), resolved.raw(query, variables)]);
  expect({ data: a.data, errors: a.errors }).toEqual({ data: b.data, errors: b.errors });
  return a;
}

describe('import:areas --bps', () => {
  it('matches the bridge to the register by level, and reports every row whose Kemendagri code the register lacks', async () => {
    expect(first.rows).toBe(90_963);
    // The bridge's README: 77,251 of its 83,196 villages are in today's register.
    expect(first.byLevel).toEqual({
      province: { matched: 34, inserted: 34, updated: 0, unchanged: 0, cleared: 0 },
      kabupaten: { matched: 488, inserted: 488, updated: 0, unchanged: 0, cleared: 0 },
      district: { matched: 6_637, inserted: 6_637, updated: 0, unchanged: 0, cleared: 0 },
      village: { matched: 77_251, inserted: 77_251, updated: 0, unchanged: 0, cleared: 0 },
    });
    const stored = await db.query<{ n: number }>(`select (select count(*) from village where bps_code is not null)::int as n`);
    expect(stored.rows[0]!.n).toBe(77_251);
    expect(first.rejectedByReason).toEqual({ UNKNOWN_KEMENDAGRI_CODE: 6_551, NO_KEMENDAGRI_CODE: 1, MALFORMED: 1 });
    expect(first.rejects.find((r) => r.row.bpsCode === '9106')).toMatchObject({ reason: 'UNKNOWN_KEMENDAGRI_CODE', level: 'kabupaten', row: { kemendagriCode: '92.04' } });
    // "LAMBANG SARI I, II, III" unquoted: its columns shift, and it is refused, not repaired.
    expect(first.rejects.find((r) => r.row.bpsCode === '1402041010')).toMatchObject({ reason: 'MALFORMED', row: { line: 21_839 } });
    const listed = fs.readFileSync(first.rejectsFile!, 'utf8').trim().split('\n');
    expect(listed).toHaveLength(1 + 6_553);
    expect(listed[0]).toBe('outcome,line,kode_bps,nama_bps,kode_dagri,nama_dagri,level,reason,message');
    expect(listed.some((l) => l.startsWith('REJECTED,513,9106,SORONG SELATAN,92.04,'))).toBe(true);
    // BPS 91 and 94 (Papua Barat, Papua) are Kemendagri 92 and 91.
    expect(await bpsOf('province', '91')).toBe('94');
    expect(await bpsOf('province', '92')).toBe('91');
    expect(await bpsOf('kabupaten', '72.07')).toBe('7201');
  });

  it('a second run reports every row unchanged and writes nothing', async () => {
    const before = await dataVersion();
    const again = await importBpsBridge(process.env.DESA_TEST_DATABASE_URL!, BRIDGE);
    for (const counts of Object.values(again.byLevel)) expect(counts).toMatchObject({ inserted: 0, updated: 0, cleared: 0, unchanged: counts.matched });
    expect(again.byLevel.village.unchanged).toBe(77_251);
    expect(again.rejects).toHaveLength(6_553);
    expect(again.rejectsFile).toBeNull();
    expect(await dataVersion()).toBe(before);
  });

  it('refuses a BPS code of two regions and a region of two BPS codes, writing neither', async () => {
    const before = await dataVersion();
    const file = crafted('conflicts.csv', [
      '7201039901,X,72.07.03.2007,A,7201030',
      '7201039901,X,72.07.03.2009,B,7201030',
      '7201039902,Y,72.07.03.2010,C,7201030',
      '7201039903,Z,72.07.03.2010,C,7201030',
      '12345,BAD,72.07,KAB,72',
    ]);
    const report = await importBpsBridge(process.env.DESA_TEST_DATABASE_URL!, file);
    expect(report.rejects.map((r) => [r.row.line, r.reason])).toEqual([
      [2, 'BPS_CODE_OF_TWO_REGIONS'],
      [3, 'BPS_CODE_OF_TWO_REGIONS'],
      [4, 'REGION_OF_TWO_BPS_CODES'],
      [5, 'REGION_OF_TWO_BPS_CODES'],
      [6, 'MALFORMED'],
    ]);
    expect(report.rejects[0]!.message).toBe('BPS 7201039901 names 2 regions in the bridge: 72.07.03.2007 (line 2), 72.07.03.2009 (line 3); none is written');
    expect(report.rejects[2]!.message).toBe('72.07.03.2010 has 2 BPS codes in the bridge: 7201039902 (line 4), 7201039903 (line 5); none is written');
    for (const counts of Object.values(report.byLevel)) expect(counts.matched).toBe(0);
    expect(await dataVersion()).toBe(before);
    expect(await bpsOf('village', '72.07.03.2007')).toBeNull();
    expect(await bpsOf('village', '72.07.03.2009')).toBe('7201030014');
  });

  it('moves a BPS code the file gives to another region, and a dry run writes nothing', async () => {
    const [a, b] = ['72.07.03.2008', '72.07.03.2009'];
    const swap = crafted('swap.csv', [`7201030014,SWAP,${a},BOLONAN,7201030`, `7201030008,SWAP,${b},B,7201030`]);
    const before = await dataVersion();
    const dry = await importBpsBridge(process.env.DESA_TEST_DATABASE_URL!, swap, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, byLevel: { village: { matched: 2, updated: 2 } } });
    expect(await dataVersion()).toBe(before);
    expect(await bpsOf('village', a)).toBe('7201030008');
    // Both codes change hands in one run: the unique index never holds one twice.
    const swapped = await importBpsBridge(process.env.DESA_TEST_DATABASE_URL!, swap);
    expect(swapped.byLevel.village).toEqual({ matched: 2, inserted: 0, updated: 2, unchanged: 0, cleared: 0 });
    expect([await bpsOf('village', a), await bpsOf('village', b)]).toEqual(['7201030014', '7201030008']);
    // A region the file does not name gives its code up to the one the file names.
    const taken = await importBpsBridge(process.env.DESA_TEST_DATABASE_URL!, crafted('take.csv', ['7201030008,TAKE,72.07.03.2007,A,7201030']));
    expect(taken.byLevel.village).toEqual({ matched: 1, inserted: 1, updated: 0, unchanged: 0, cleared: 1 });
    expect(await bpsOf('village', b)).toBeNull();
    const restored = await importBpsBridge(process.env.DESA_TEST_DATABASE_URL!, BRIDGE);
    expect(restored.byLevel.village).toMatchObject({ inserted: 1, updated: 1, cleared: 1 });
    expect([await bpsOf('village', a), await bpsOf('village', b), await bpsOf('village', '72.07.03.2007')]).toEqual(['7201030008', '7201030014', null]);
  });

  it('keeps BPS codes through a register refresh', async () => {
    const config = loadConfig({ DATABASE_URL: process.env.DESA_TEST_DATABASE_URL });
    const refresh = await importRegister(config.databaseUrl!, { dir: config.registerDir, plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream });
    expect(refresh.villages.unchanged).toBe(83_762);
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from village where bps_code is not null`);
    expect(rows[0]!.n).toBe(77_251);
    expect(await bpsOf('kabupaten', '72.07')).toBe('7201');
  });
});

describe('code arguments read BPS codes', () => {
  it('finds a village, kecamatan, kabupaten and province by BPS code, in one statement when planned', async () => {
    const answer = await same(`{
      village(code: "7201030008") { code name bpsCode district { code bpsCode } kabupaten { code bpsCode } province { code bpsCode } }
      district(code: "7201030") { code name bpsCode }
      kabupaten(code: "6404") { code bpsCode }
      papua: province(code: "91") { code name bpsCode }
    }`);
    expect(answer.data).toEqual({
      village: { code: '72.07.03.2008', name: 'Bolonan', bpsCode: '7201030008', district: { code: '72.07.03', bpsCode: '7201030' }, kabupaten: { code: '72.07', bpsCode: '7201' }, province: { code: '72', bpsCode: '72' } },
      district: { code: '72.07.03', name: 'Totikum', bpsCode: '7201030' },
      // No Kemendagri 64.04: BPS 6404 is Kemendagri 64.08.
      kabupaten: { code: '64.08', bpsCode: '6404' },
      papua: { code: '91', name: 'Papua', bpsCode: '94' },
    });
    expect(answer.extensions!.sql!.statements).toBe(4);
  });

  it('reads a string that could be both as Kemendagri when the register holds that code', async () => {
    // Ten digits that are a register village's compact Kemendagri code and another village's BPS code.
    const { rows } = await db.query<{ bps: string; bpsVillage: string; kemendagriVillage: string }>(
      `select v.bps_code as bps, v.code as "bpsVillage", x.code as "kemendagriVillage"
       from village v join village x on x.code = substr(v.bps_code, 1, 2) || '.' || substr(v.bps_code, 3, 2) || '.' || substr(v.bps_code, 5, 2) || '.' || substr(v.bps_code, 7, 4)
       where x.code <> v.code order by v.bps_code limit 1`,
    );
    const both = rows[0]!;
    const answer = await same(`query($code: String!) { village(code: $code) { code } villages(filter: { codes: [$code] }) { edges { node { code } } } }`, { code: both.bps });
    expect(answer.data).toEqual({ village: { code: both.kemendagriVillage }, villages: { edges: [{ node: { code: both.kemendagriVillage } }] } });
    // Kabupaten: BPS 7201 is Kemendagri 72.07, but the register holds 72.01 (Banggai), which "7201" names.
    const kabupaten = await same(`{ kabupaten(code: "7201") { code bpsCode } province(code: "94") { code bpsCode } }`);
    expect(kabupaten.data).toEqual({ kabupaten: { code: '72.01', bpsCode: '7202' }, province: { code: '94', bpsCode: null } });
  });

  it('takes codes: filters mixing dotted, compact and BPS codes', async () => {
    const villages = await same(`{ villages(filter: { codes: ["72.07.03.2010", "7201030008", "7207032009", "9999999999", "7201030008"] }) { totalCount edges { node { code bpsCode } } } }`);
    expect(villages.data!.villages).toEqual({
      totalCount: 3,
      edges: [
        { node: { code: '72.07.03.2008', bpsCode: '7201030008' } },
        { node: { code: '72.07.03.2009', bpsCode: '7201030014' } },
        { node: { code: '72.07.03.2010', bpsCode: expect.any(String) } },
      ],
    });
    // The page and its count: BPS readings add no statement.
    expect(villages.extensions!.sql!.statements).toBe(2);
    const kabupatens = await same(`{ kabupatens(filter: { codes: ["6404", "64.02", "7201", "1473"] }) { edges { node { code } } } }`);
    expect(kabupatens.data!.kabupatens).toEqual({ edges: [{ node: { code: '14.72' } }, { node: { code: '64.02' } }, { node: { code: '64.08' } }, { node: { code: '72.01' } }] });
    const districts = await same(`{ districts(filter: { codes: ["7201030", "64.02.08", "640209"] }) { edges { node { code bpsCode } } } }`);
    expect((districts.data!.districts as { edges: { node: { code: string } }[] }).edges.map((e) => e.node.code)).toEqual(['64.02.08', '64.02.09', '72.07.03']);
    // A list inside a region narrows BPS codes as it narrows Kemendagri ones.
    const nested = await same(`{ kabupaten(code: "72.07") { villages(filter: { codes: ["7201030008", "1102032002"] }) { edges { node { code } } } } }`);
    expect(nested.data).toEqual({ kabupaten: { villages: { edges: [{ node: { code: '72.07.03.2008' } }] } } });
  });

  it('answers null for a well-formed code neither register names, and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await same(`{ village(code: "9999999999") { code } district(code: "9999999") { code } kabupaten(code: "9999") { code } }`);
    expect(unknown.data).toEqual({ village: null, district: null, kabupaten: null });
    const bad = await same(`{ village(code: "72010300") { code } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.message).toBe('code "72010300" is not a village code: expected 64.02.08.2005 or 6402082005 (Kemendagri), or a 10-digit BPS code');
    const list = await same(`{ districts(filter: { codes: ["7201030", "72010300"] }) { totalCount } }`);
    expect(errorCodes(list)).toEqual(['BAD_USER_INPUT']);
    expect(list.errors![0]!.extensions).toMatchObject({ argument: 'filter.codes', level: 'district', invalid: ['72010300'] });
  });
});
