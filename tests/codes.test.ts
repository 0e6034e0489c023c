import pg from 'pg';
import { MAX_CODES } from '../src/region/region-code';
import { errorCodes, startTestServer, type GraphQLResponse, type TestServer } from './helpers/server';

/**
 * Lookups by many codes (issue 13): `codes` on the village, kabupaten and kecamatan filters. A list
 * is one planned statement whatever the number of codes; the resolvers (QUERY_PLANNER=0) give the
 * same answers and errors.
 */

let planned: TestServer;
let resolved: TestServer;
/** The first villages of Kalimantan Timur in code order, as the register holds them. */
let kaltim: string[] = [];

type Page = { totalCount?: number; pageInfo?: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { code: string } }[] };

const VILLAGES = `query($codes: [String!], $first: Int, $after: String) {
  villages(filter: { codes: $codes }, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { code name district { name } } } }
}`;

beforeAll(async () => {
  planned = await startTestServer({ RESPONSE_CACHE: '0' });
  resolved = await startTestServer({ QUERY_PLANNER: '0', RESPONSE_CACHE: '0' });
  const list = await planned.raw('{ villages(filter: { provinceCode: "64" }, first: 500) { edges { node { code } } } }');
  kaltim = (list.data!.villages as Page).edges.map((e) => e.node.code);
  expect(kaltim).toHaveLength(500);
  // An IDM file's 2024 numbering of a Maybrat desa, as the importer remembers it (tests/idm.test.ts imports the same).
  const db = new pg.Client({ connectionString: process.env.DESA_TEST_DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `insert into village_code_alias (alias_code, village_code, source) values ('96.10.24.2004', '96.05.24.2004', 'idm-2024.csv') on conflict (alias_code) do nothing`,
    );
  } finally {
    await db.end();
  }
});
afterAll(async () => {
  await planned?.stop();
  await resolved?.stop();
});

/** Runs a query on both servers and expects the same answer (less the statistics). */
async function same(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Record<string, unknown>>> {
  const [a, b] = await Promise.all([planned.raw(query, variables), resolved.raw(query, variables)]);
  expect({ data: a.data, errors: a.errors }).toEqual({ data: b.data, errors: b.errors });
  return a;
}

const codesOf = (page: Page) => page.edges.map((e) => e.node.code);
/** Every other code without its dots, as Kemendes data write them. */
const mixed = (codes: string[]) => codes.map((c, i) => (i % 2 ? c.replaceAll('.', '') : c));

describe('villages by many codes', () => {
  it('answers the 50 codes a frontend holds, dotted and compact, in one statement and in code order', async () => {
    // Spread over the province and sent shuffled: the answer is in code order, whatever the list's.
    const chosen = kaltim.filter((_, i) => i % 10 === 3).slice(0, 50);
    expect(chosen).toHaveLength(50);
    const answer = await same(VILLAGES, { codes: mixed([...chosen].reverse()), first: 50 });
    const page = answer.data!.villages as Page;
    expect(codesOf(page)).toEqual(chosen);
    expect(page.pageInfo!.hasNextPage).toBe(false);
    expect(answer.extensions!.sql!.statements).toBe(1);
  });

  it('takes MAX_CODES codes, and refuses one more naming the limit', async () => {
    const all = await same(VILLAGES, { codes: mixed(kaltim), first: 500 });
    expect(codesOf(all.data!.villages as Page)).toEqual(kaltim);
    expect(all.extensions!.sql!.statements).toBe(1);
    const over = await same(VILLAGES, { codes: [...kaltim, '64.02.08.9999'], first: 10 });
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
    expect(over.errors![0]!.extensions).toMatchObject({ argument: 'filter.codes', max: MAX_CODES, actual: MAX_CODES + 1 });
    expect(over.errors![0]!.message).toContain(`at most ${MAX_CODES}`);
  });

  it('leaves out unknown codes, counts what it found, and pages through it', async () => {
    const chosen = kaltim.slice(100, 145);
    const codes = [...mixed(chosen), '64.02.08.9999', '9999999999', chosen[0]!];
    const counted = await same(`query($codes: [String!]) { villages(filter: { codes: $codes }, first: 20) { totalCount edges { node { code } } } }`, { codes });
    expect((counted.data!.villages as Page).totalCount).toBe(45);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const answer: GraphQLResponse<Record<string, unknown>> = await same(VILLAGES, { codes, first: 20, after });
      expect(answer.extensions!.sql!.statements).toBe(1);
      const page = answer.data!.villages as Page;
      seen.push(...codesOf(page));
      if (!page.pageInfo!.hasNextPage) {
        expect(pages).toBe(3);
        break;
      }
      after = page.pageInfo!.endCursor;
    }
    expect(seen).toEqual(chosen);
  });

  it('finds a desa by a code it was published under, once, beside its register code', async () => {
    const answer = await same(VILLAGES, { codes: ['9610242004', '96.05.24.2004', kaltim[0]], first: 10 });
    expect(codesOf(answer.data!.villages as Page)).toEqual([kaltim[0], '96.05.24.2004']);
    const alone = await same(`{ villages(filter: { codes: ["96.10.24.2004"] }) { totalCount edges { node { code name } } } }`);
    expect(alone.data!.villages).toEqual({ totalCount: 1, edges: [{ node: { code: '96.05.24.2004', name: 'Fase' } }] });
  });

  it('refuses malformed codes and codes of another level, naming each', async () => {
    const bad = await same(VILLAGES, { codes: [kaltim[0], '64.02.08.20x5', '12345', '64.02'], first: 10 });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const error = bad.errors![0]!;
    expect(error.path).toEqual(['villages']);
    expect(error.extensions).toMatchObject({ argument: 'filter.codes', level: 'village', invalid: ['64.02.08.20x5', '12345', '64.02'] });
    expect(error.message).toContain('"64.02.08.20x5"');
    expect(error.message).toContain('"12345"');
    expect(error.message).toContain('"64.02" (a kabupaten code)');
    expect(error.message).not.toContain(kaltim[0]!);
  });

  it('narrows a nested list too: only the codes under that kabupaten', async () => {
    const inside = kaltim.find((c) => c.startsWith('64.02.'))!;
    const outside = kaltim.find((c) => c.startsWith('64.01.'))!;
    const answer = await same(`query($codes: [String!]) { kabupaten(code: "64.02") { villages(filter: { codes: $codes }) { edges { node { code } } } } }`, {
      codes: [inside, outside],
    });
    expect(codesOf((answer.data!.kabupaten as { villages: Page }).villages)).toEqual([inside]);
    expect(answer.extensions!.sql!.statements).toBe(1);
  });

  it('matches none for an empty list', async () => {
    const answer = await same(`{ villages(filter: { codes: [] }) { totalCount edges { node { code } } } }`);
    expect(answer.data!.villages).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('kabupaten and kecamatan by many codes', () => {
  it('finds kabupaten/kota by codes in one statement, with other conditions and cursors', async () => {
    const query = `query($codes: [String!], $after: String) {
      kabupatens(filter: { codes: $codes }, first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { code kind province { code } } } }
    }`;
    const codes = ['6472', '64.02', '99.99', '11.01', '64.72'];
    const first = await same(query, { codes });
    const page = first.data!.kabupatens as Page;
    expect(codesOf(page)).toEqual(['11.01', '64.02']);
    expect(first.extensions!.sql!.statements).toBe(1);
    const rest = await same(query, { codes, after: page.pageInfo!.endCursor });
    expect(rest.data!.kabupatens).toMatchObject({ pageInfo: { hasNextPage: false }, edges: [{ node: { code: '64.72', kind: 'KOTA' } }] });
    const kota = await same(`{ kabupatens(filter: { codes: ["64.02", "64.72"], kind: KOTA }) { totalCount edges { node { code } } } }`);
    expect(kota.data!.kabupatens).toEqual({ totalCount: 1, edges: [{ node: { code: '64.72' } }] });
  });

  it('refuses a village code among kabupaten codes', async () => {
    const bad = await same(`{ kabupatens(filter: { codes: ["64.02", "6402082005"] }) { edges { node { code } } } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.message).toContain('"6402082005" (a village code)');
  });

  it('lists kecamatan by codes or by kabupaten as a connection, in one statement', async () => {
    const tree = await planned.raw('{ kabupaten(code: "64.02") { districts { code } } }');
    const all = (tree.data!.kabupaten as { districts: { code: string }[] }).districts.map((d) => d.code);
    expect(all.length).toBeGreaterThan(10);
    const byKabupaten = await same(`{ districts(filter: { kabupatenCode: "6402" }, first: 500) { totalCount edges { node { code kabupaten { code } } } } }`);
    expect(byKabupaten.data!.districts).toMatchObject({ totalCount: all.length });
    expect(codesOf(byKabupaten.data!.districts as Page)).toEqual(all);
    expect(byKabupaten.extensions!.sql!.statements).toBeLessThanOrEqual(2);

    const query = `query($codes: [String!], $kabupaten: String, $after: String) {
      districts(filter: { codes: $codes, kabupatenCode: $kabupaten }, first: 3, after: $after) { pageInfo { hasNextPage endCursor } edges { node { code name villageCounts { total } } } }
    }`;
    const codes = [...mixed(all.slice(0, 5)), '64.01.01', '64.99.99'];
    const first = await same(`query($codes: [String!]) { districts(filter: { codes: $codes }, first: 10) { edges { node { code } } } }`, { codes });
    expect(codesOf(first.data!.districts as Page)).toEqual(['64.01.01', ...all.slice(0, 5)]);
    expect(first.extensions!.sql!.statements).toBe(1);
    const inKabupaten = await same(query, { codes, kabupaten: '64.02' });
    const page = inKabupaten.data!.districts as Page;
    expect(codesOf(page)).toEqual(all.slice(0, 3));
    const next = await same(query, { codes, kabupaten: '64.02', after: page.pageInfo!.endCursor });
    expect(codesOf(next.data!.districts as Page)).toEqual(all.slice(3, 5));
    expect((next.data!.districts as Page).pageInfo!.hasNextPage).toBe(false);
  });

  it('refuses malformed kecamatan codes and more than MAX_CODES', async () => {
    const bad = await same(`{ districts(filter: { codes: ["64.02.08", "64.02.8"] }) { edges { node { code } } } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions).toMatchObject({ argument: 'filter.codes', level: 'district', invalid: ['64.02.8'] });
    const many = Array.from({ length: MAX_CODES + 1 }, (_, i) => `64.02.${String(i % 100).padStart(2, '0')}`);
    const over = await same(`query($codes: [String!]) { districts(filter: { codes: $codes }) { totalCount } }`, { codes: many });
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('first: 0 with filters', () => {
  it('counts without a page for every filtered list', async () => {
    const answer = await same(`query($villages: [String!]) {
      kota: kabupatens(first: 0, filter: { kind: KOTA }) { totalCount edges { node { code } } pageInfo { hasNextPage } }
      some: kabupatens(first: 0, filter: { codes: ["64.02", "64.72"], provinceCode: "64" }) { totalCount edges { node { code } } }
      districts(first: 0, filter: { codes: ["64.02.08", "640209"], kabupatenCode: "64.02" }) { totalCount edges { node { code } } }
      villages(first: 0, filter: { codes: $villages, kind: DESA }) { totalCount edges { node { code } } }
    }`, { villages: kaltim.slice(0, 30) });
    expect(answer.errors).toBeUndefined();
    const data = answer.data as Record<string, Page>;
    expect(data.kota!.totalCount).toBeGreaterThan(90);
    expect(data.kota!.edges).toEqual([]);
    expect(data.some).toEqual({ totalCount: 2, edges: [] });
    expect(data.districts).toEqual({ totalCount: 2, edges: [] });
    const desa = await planned.raw(`query($codes: [String!]) { villages(filter: { codes: $codes }, first: 30) { edges { node { kind } } } }`, { codes: kaltim.slice(0, 30) });
    const expected = (desa.data!.villages as { edges: { node: { kind: string } }[] }).edges.filter((e) => e.node.kind === 'DESA').length;
    expect(data.villages).toEqual({ totalCount: expected, edges: [] });
  });

  it('still refuses malformed codes', async () => {
    for (const list of ['villages', 'kabupatens', 'districts']) {
      const bad = await same(`{ ${list}(first: 0, filter: { codes: ["6"] }) { totalCount } }`);
      expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors![0]!.extensions).toMatchObject({ argument: 'filter.codes', invalid: ['6'] });
      // Both wrong: the page size is named first, by either read path.
      const both = await same(`{ ${list}(first: 501, filter: { codes: ["6"] }) { totalCount } }`);
      expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    }
  });
});
