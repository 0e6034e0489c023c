import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { loadConfig } from '../src/config';
import { DataVersion } from '../src/db/data-version';
import { Sql } from '../src/db/sql';
import { importIdm } from '../src/importers/idm/idm.importer';
import { OperationLimiter } from '../src/limits/operation-limits';
import { RegisterTotals } from '../src/region/register-totals';
import { createSchema } from '../src/schema';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * The cost rule's estimate against what the server really returns, on the real register: an upper
 * bound (never below the objects returned) and, where the query names its region, a close one.
 */

const SHARED = path.join(__dirname, '..', '..', 'shared');
const quiet = { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-cerdas-cost-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The Kaltim tree of issue 13: every village of the province with the regions above it. */
const KALTIM_TREE = `query KaltimTree($first: Int!) {
  province(code: "64") { kabupatens { districts { villages(first: $first) { edges { node { code district { kabupaten { province { code } } } } } } } } }
}`;

/** A kabupaten's every desa with its IDM. */
const KABUPATEN_DESA = `query KabupatenDesa($code: String!, $first: Int!) {
  kabupaten(code: $code) { villages(first: $first, filter: { kind: DESA }) { totalCount edges { node { code name idm(year: 2024) { score status } } } } }
}`;

/** Up and back down: every village's kecamatan is a copy, so the region's total no longer bounds their villages. */
const NEIGHBOURS = `query Neighbours($first: Int!) {
  province(code: "64") { villages(first: $first) { edges { node { district { villages(first: 500) { edges { node { code } } } } } } } }
}`;

/** Above the named region: its province, and that province's whole tree of kecamatan. */
const PROVINCE_OF = `{ kabupaten(code: "64.02") { province { kabupatens { districts { code kabupaten { code } } } } } }`;

/** The shared bench's W1 ("dashboard") as the bench sends it. */
function benchW1(): { query: string; variables: Record<string, unknown> } {
  const config = JSON.parse(fs.readFileSync(path.join(SHARED, 'bench', 'bench.project.json'), 'utf8')) as {
    workloads: { name: string; variables: Record<string, unknown>; entries: { name: string; queryFile: string }[] }[];
  };
  const w1 = config.workloads.find((w) => w.name.startsWith('W1'))!;
  const entry = w1.entries.find((e) => e.name === 'project')!;
  return { query: fs.readFileSync(path.join(SHARED, 'bench', entry.queryFile), 'utf8'), variables: w1.variables };
}

/** Objects in a response as the cost rule counts them: every non-null object below `data`, each list item one. */
function objectsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, item) => n + objectsIn(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Object.values(value).reduce<number>((n, field) => n + objectsIn(field), 0);
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // IDM 2024 of Kalimantan Timur, from the national spreadsheet: the desa the queries below read.
  const national = fs.readFileSync(path.join(SHARED, 'data', 'idm-2024.csv'), 'utf8').split('\n');
  const kaltim = path.join(tmp, 'idm-2024-kaltim.csv');
  fs.writeFileSync(kaltim, [national[0], ...national.filter((line) => line.startsWith('64,'))].join('\n'));
  await importIdm(process.env.DESA_TEST_DATABASE_URL!, [kaltim], { ...quiet, rejectsFile: path.join(tmp, 'rejects.csv') });
});
afterAll(() => server?.stop());

/** Runs `query` asking for the cost report: the estimate and the objects the answer holds. */
async function measured(query: string, variables: Record<string, unknown>): Promise<{ estimate: number; real: number; max: number }> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'graphql-cost': 'report' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[]; extensions?: { cost?: { estimate: number; max: number } } };
  expect(body.errors).toBeUndefined();
  const { estimate, max } = body.extensions!.cost!;
  return { estimate, real: objectsIn(Object.values(body.data as object)), max };
}

describe('the cost of a query that names its region', () => {
  it.each([
    ['the Kaltim tree, 25 villages per kecamatan', KALTIM_TREE, { first: 25 }],
    ['the Kaltim tree, 40 villages per kecamatan', KALTIM_TREE, { first: 40 }],
    ["Kutai Kartanegara's every desa with IDM", KABUPATEN_DESA, { code: '64.02', first: 500 }],
    ["the same by the kabupaten's compact code", KABUPATEN_DESA, { code: '6402', first: 500 }],
    ["the shared bench's W1", benchW1().query, benchW1().variables],
    ["the first 100 villages' kecamatan and all their villages", NEIGHBOURS, { first: 100 }],
    ["a kabupaten's province and every kecamatan in it", PROVINCE_OF, {}],
  ])('%s: admitted, and estimated at no less than it returns and at most 3 times that', async (_name, query, variables) => {
    const { estimate, real, max } = await measured(query, variables);
    expect(real).toBeGreaterThan(100);
    expect(estimate).toBeGreaterThanOrEqual(real);
    expect(estimate / real).toBeLessThanOrEqual(3);
    expect(max).toBe(200_000);
  });

  it('was refused by national maxima: 38 kabupaten under any province, 51 kecamatan under any kabupaten', async () => {
    const schema = await createSchema();
    const national = new OperationLimiter(schema, loadConfig({ NODE_ENV: 'test' }).limits, { introspection: true });
    expect(national.cost(parse(KALTIM_TREE), undefined, { first: 40 })).toMatchObject({ cost: 391_515, error: expect.anything() });
    expect((await measured(KALTIM_TREE, { first: 40 })).estimate).toBeLessThan(391_515 / 50);
  });

  it('keeps the national bounds where no region is named, and reports the cost of a refused query in the refusal', async () => {
    const nested = '{ provinces { kabupatens { districts { villages(first: 500) { edges { node { name } } } } } } }';
    const response = await server.raw(nested);
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 200_000, actual: 38 * (1 + 38 * (1 + 51 * (1 + 1 + 500 * 2))) });
  });

  it('reports no cost unless asked, and never answers the asking from the response cache', async () => {
    const query = '{ province(code: "64") { kabupatens { name } } }';
    await server.raw(query);
    const cached = await server.raw(query);
    expect(cached.extensions).toMatchObject({ cache: 'HIT' });
    expect(cached.extensions?.cost).toBeUndefined();
    expect(await measured(query, {})).toEqual({ estimate: 1 + 10, real: 1 + 10, max: 200_000 });
  });
});

describe('the register sizes', () => {
  const url = () => process.env.DESA_TEST_DATABASE_URL!;

  it('hold each region of the register, and are read again once the register changes', async () => {
    const sql = new Sql(url(), { max: 2 });
    const totals = await RegisterTotals.load(sql, new DataVersion(sql), { recheckMs: Infinity });
    try {
      const [counts] = await sql.query<{ regions: number; districts: number; villages: number }>(`select
        ((select count(*) from province) + (select count(*) from kabupaten) + (select count(*) from district))::int as regions,
        (select count(*) from district where kabupaten_code = '64.02')::int as districts,
        (select count(*) from village where kabupaten_code = '64.02')::int as villages`);
      expect(totals.size).toBe(counts!.regions);
      const kukar = totals.region('64.02')!;
      expect(kukar).toMatchObject({ level: 1, above: ['64'], total: [1, 1, counts!.districts, counts!.villages] });
      expect(totals.region('6402')).toBe(kukar);
      expect(totals.region('64.02.08.2005')).toMatchObject({ level: 3, above: ['64', '64.02', '64.02.08'] });
      expect(totals.region('64.02.99')).toBeUndefined();
      expect(totals.region('not a code')).toBeUndefined();

      // A new kecamatan of three villages, as an import of the register would add it.
      await sql.query(`insert into district (code, kabupaten_code, province_code, name) values ('64.02.99', '64.02', '64', 'Uji Biaya')`);
      await sql.query(`insert into village (code, district_code, kabupaten_code, province_code, name, search_name, kind)
        select '64.02.99.200' || n, '64.02.99', '64.02', '64', 'Uji ' || n, 'uji' || n, 'DESA' from generate_series(1, 3) n`);
      try {
        await totals.refresh();
        expect(totals.region('64.02.99')).toMatchObject({ level: 2, total: [1, 1, 1, 3] });
        expect(totals.region('64.02')!.total).toEqual([1, 1, counts!.districts + 1, counts!.villages + 3]);
      } finally {
        await sql.query(`delete from village where district_code = '64.02.99'`);
        await sql.query(`delete from district where code = '64.02.99'`);
      }
      await totals.refresh();
      expect(totals.region('64.02.99')).toBeUndefined();
    } finally {
      await totals.close();
      await sql.end();
    }
  });

  it('are checked again in the background as regions are looked up, once the interval has passed', async () => {
    const sql = new Sql(url(), { max: 2 });
    const totals = await RegisterTotals.load(sql, new DataVersion(sql), { recheckMs: 0 });
    try {
      await sql.query(`insert into district (code, kabupaten_code, province_code, name) values ('64.02.98', '64.02', '64', 'Uji Biaya')`);
      try {
        // This lookup answers from the sizes it has and starts a check; the next one sees the change.
        expect(totals.region('64.02.98')).toBeUndefined();
        await totals.checked();
        expect(totals.region('64.02.98')).toMatchObject({ level: 2, total: [1, 1, 1, 0] });
      } finally {
        await sql.query(`delete from district where code = '64.02.98'`);
      }
    } finally {
      await totals.close();
      await sql.end();
    }
  });
});
