import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { withSql } from '../src/db/sql';
import { importIdm } from '../src/importers/idm/idm.importer';
import { DIMENSION_MAX, DIMENSIONS, type Dimension } from '../src/indeks-desa/indeks-desa.rules';
import { recordIndeksDesa } from '../src/indeks-desa/indeks-desa.writer';
import type { IndeksDesaRecord } from '../src/indeks-desa/indeks-desa-record';
import { AddLocusDocument, CreateProgramDocument, EnrollVillageDocument } from './generated/graphql';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * The Indeks Desa on every level, on the real server: with the national IDM 2024 file loaded,
 * Kabupaten Penajam Paser Utara (64.09) gets an Indeks Desa 2025 written here for each of its desa,
 * first for one kecamatan, then for all. Every expectation is computed by hand from the rows
 * written and the published IDM 2024 rows.
 */

const DATA = path.join(__dirname, '..', '..', 'shared', 'data');
const url = () => process.env.DESA_TEST_DATABASE_URL!;
const quiet = { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };

const KABUPATEN = '64.09';
const STATUSES = ['SANGAT_TERTINGGAL', 'TERTINGGAL', 'BERKEMBANG', 'MAJU', 'MANDIRI'] as const;
/** Each desa gets every dimension at one share of its maximum: the score is that share × 100, and its status follows. */
const SHARES = [0.45, 0.55, 0.65, 0.75, 0.85] as const;
const STATUS_OF_SHARE = ['SANGAT_TERTINGGAL', 'TERTINGGAL', 'BERKEMBANG', 'MAJU', 'MANDIRI'] as const;

interface Desa {
  code: string;
  districtCode: string;
  /** Index into SHARES. */
  level: number;
  idm2024: (typeof STATUSES)[number] | null;
}

let server: TestServer;
let desa: Desa[] = [];
let registerDesa: Record<string, number> = {};
let firstDistrict: string;

const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;
const round4 = (n: number) => Math.round((n + Number.EPSILON) * 10_000) / 10_000;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function record(d: Desa, line: number): IndeksDesaRecord {
  const share = SHARES[d.level]!;
  const dimensions = Object.fromEntries(DIMENSIONS.map((dim) => [dim, DIMENSION_MAX[dim] * share])) as Record<Dimension, number>;
  return { source: { format: 'graphql', file: 'indeks-desa-summary.test', line }, villageCode: d.code, names: {}, year: 2025, dimensions, score: null, status: null, statusText: null };
}

async function write(rows: Desa[]): Promise<void> {
  await withSql(url(), 'indeks-desa-summary-test', (sql) => recordIndeksDesa(sql, rows.map(record), { actor: 'test', allOrNothing: true }));
}

/** What a summary of `rows` must say. */
function expected(rows: Desa[], register: number) {
  const counts = STATUSES.map((status) => rows.filter((d) => STATUS_OF_SHARE[d.level] === status).length);
  const shares = rows.map((d) => SHARES[d.level]!);
  return {
    assessed: rows.length,
    byStatus: STATUSES.map((status, i) => ({ status, count: counts[i], share: round4(counts[i]! / rows.length) })),
    mean: {
      score: round2(mean(shares) * 100),
      ...Object.fromEntries(DIMENSIONS.map((dim) => [dim, round2(mean(shares.map((s) => s * DIMENSION_MAX[dim])))])),
    },
    coverage: round4(rows.length / register),
  };
}

const SUMMARY = `assessed byStatus { status count share } mean { score layananDasar sosial ekonomi lingkungan aksesibilitas tataKelola } coverage`;

beforeAll(async () => {
  server = await startTestServer();
  // The nation's IDM 2024, as published: the year the nation keeps while one kabupaten loads 2025.
  const file = path.join(DATA, 'idm-2024.csv');
  await importIdm(url(), [file], quiet);
  const published = (parse(fs.readFileSync(file), { columns: true }) as Record<string, string>[]).filter((r) => r.KODE_KAB === KABUPATEN.replace('.', ''));
  const idmStatus = new Map(published.map((r) => [r.KODE_DESA!, (r.STATUS_IDM_2024!.replace(' ', '_') || null) as Desa['idm2024']]));

  await withSql(url(), 'indeks-desa-summary-test', async (sql) => {
    const villages = await sql.query<{ code: string; district_code: string }>(
      `select code, district_code from village where kabupaten_code = $1 and kind <> 'KELURAHAN' order by code`,
      [KABUPATEN],
    );
    desa = villages.map((v, i) => ({ code: v.code, districtCode: v.district_code, level: i % SHARES.length, idm2024: idmStatus.get(v.code.replaceAll('.', '')) ?? null }));
    const counts = await sql.query<{ key: string; count: number }>(
      `select district_code as key, count(*)::int as count from village where kabupaten_code = $1 and kind <> 'KELURAHAN' group by 1
       union all select kabupaten_code, count(*)::int from village where kabupaten_code = $1 and kind <> 'KELURAHAN' group by 1
       union all select province_code, count(*)::int from village where province_code = $2 and kind <> 'KELURAHAN' group by 1`,
      [KABUPATEN, '64'],
    );
    registerDesa = Object.fromEntries(counts.map((c) => [c.key, c.count]));
  });
  firstDistrict = desa[0]!.districtCode;
}, 300_000);
afterAll(() => server?.stop());

describe('one kecamatan loaded', () => {
  let inDistrict: Desa[];
  beforeAll(async () => {
    inDistrict = desa.filter((d) => d.districtCode === firstDistrict);
    await write(inDistrict);
  });

  it('is the kecamatan’s latest published year, not yet the kabupaten’s', async () => {
    // The precondition of what follows: the kabupaten's IDM 2024 covers at least half of its desa, one kecamatan less than half.
    expect(desa.filter((d) => d.idm2024).length).toBeGreaterThanOrEqual(registerDesa[KABUPATEN]! / 2);
    expect(inDistrict.length).toBeLessThan(registerDesa[KABUPATEN]! / 2);
    const { data, errors } = await server.raw(
      `query($d: String!, $k: String!) { district(code: $d) { latestPublishedYear { index year assessed } } kabupaten(code: $k) { latestPublishedYear { index year } publishedYears { index year } } }`,
      { d: firstDistrict, k: KABUPATEN },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      district: { latestPublishedYear: { index: 'INDEKS_DESA', year: 2025, assessed: inDistrict.length } },
      kabupaten: { latestPublishedYear: { index: 'IDM', year: 2024 }, publishedYears: [{ index: 'IDM', year: 2024 }] },
    });
  });

  it('sums up the kecamatan with the means of the score and the six dimensions, coverage and a 0–100 histogram', async () => {
    const { data, errors } = await server.raw(
      `query($d: String!) { district(code: $d) { indeksDesaSummary { year ${SUMMARY} histogram(bins: 10) { from to count status } } } }`,
      { d: firstDistrict },
    );
    expect(errors).toBeUndefined();
    const summary = (data!.district as { indeksDesaSummary: Record<string, unknown> }).indeksDesaSummary;
    expect(summary).toMatchObject({ year: 2025, ...expected(inDistrict, registerDesa[firstDistrict]!) });
    // Scores are share × 100: 45, 55, 65, 75, 85 fall in the bins 40–50 … 80–90.
    const bins = summary.histogram as { from: number; to: number; count: number; status: string }[];
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => [b.from, b.to])).toEqual(Array.from({ length: 10 }, (_, i) => [i * 10, i * 10 + 10]));
    expect(bins.map((b) => b.count)).toEqual(Array.from({ length: 10 }, (_, i) => inDistrict.filter((d) => Math.floor(SHARES[d.level]! * 10) === i).length));
    expect(bins[4]!.status).toBe('SANGAT_TERTINGGAL');
    expect(bins[8]!.status).toBe('MANDIRI');
  });

  it('gives the kabupaten no Indeks Desa year by default, but the asked one', async () => {
    const { data } = await server.raw(`query($k: String!) { kabupaten(code: $k) { a: indeksDesaSummary { year assessed } b: indeksDesaSummary(year: 2025) { year assessed coverage } } }`, { k: KABUPATEN });
    expect(data!.kabupaten).toEqual({
      a: { year: null, assessed: 0 },
      b: { year: 2025, assessed: inDistrict.length, coverage: round4(inDistrict.length / registerDesa[KABUPATEN]!) },
    });
  });
});

describe('the whole kabupaten loaded', () => {
  beforeAll(async () => {
    await write(desa);
  });

  it('moves the kabupaten to Indeks Desa 2025 while the nation stays where it was', async () => {
    const { data, errors } = await server.raw(`query($k: String!) { kabupaten(code: $k) { latestPublishedYear { index year assessed } } latestPublishedYear { index year } }`, { k: KABUPATEN });
    expect(errors).toBeUndefined();
    expect(data!.kabupaten).toEqual({ latestPublishedYear: { index: 'INDEKS_DESA', year: 2025, assessed: desa.length } });
    expect(data!.latestPublishedYear).toEqual({ index: 'IDM', year: 2024 });
    // And what a national summary without a year shows: IDM 2024, no Indeks Desa year yet.
    const defaults = await server.raw(`{ idmSummary { year } indeksDesaSummary { year assessed } }`);
    expect(defaults.data).toEqual({ idmSummary: { year: 2024 }, indeksDesaSummary: { year: null, assessed: 0 } });
  });

  it('sums up the kabupaten and compares it with its province and the nation', async () => {
    const { data, errors } = await server.raw(
      `query($k: String!, $d: String!) {
        kabupaten(code: $k) { indeksDesaSummary { year ${SUMMARY} meanVsParent { score tataKelola } meanVsNational { score } } }
        district(code: $d) { indeksDesaSummary { meanVsParent { score layananDasar } } }
      }`,
      { k: KABUPATEN, d: firstDistrict },
    );
    expect(errors).toBeUndefined();
    const kabupaten = (data!.kabupaten as { indeksDesaSummary: Record<string, unknown> }).indeksDesaSummary;
    expect(kabupaten).toMatchObject({ year: 2025, ...expected(desa, registerDesa[KABUPATEN]!) });
    const inDistrict = desa.filter((d) => d.districtCode === firstDistrict);
    const kMean = mean(desa.map((d) => SHARES[d.level]!));
    const dMean = mean(inDistrict.map((d) => SHARES[d.level]!));
    expect((data!.district as { indeksDesaSummary: { meanVsParent: unknown } }).indeksDesaSummary.meanVsParent).toEqual({
      score: round2(round2(dMean * 100) - round2(kMean * 100)),
      layananDasar: round2(round2(dMean * 170) - round2(kMean * 170)),
    });
    // Other tests of the run may load Indeks Desa desa elsewhere: the province and the nation hold at least these.
    expect(kabupaten.meanVsParent).not.toBeNull();
    expect(kabupaten.meanVsNational).not.toBeNull();
  });

  it('counts the movement from IDM 2024 to Indeks Desa 2025 by status rank, by default and when asked', async () => {
    const rank = (s: string) => STATUSES.indexOf(s as (typeof STATUSES)[number]);
    const compared = desa.filter((d) => d.idm2024 !== null);
    const up = compared.filter((d) => rank(STATUS_OF_SHARE[d.level]!) > rank(d.idm2024!)).length;
    const down = compared.filter((d) => rank(STATUS_OF_SHARE[d.level]!) < rank(d.idm2024!)).length;
    const { data, errors } = await server.raw(
      `query($k: String!) { kabupaten(code: $k) { indeksDesaSummary(year: 2025) {
        movedUp movedDown
        asked: movement(from: { index: IDM, year: 2024 }) { compared up down same }
        none: movement(from: { index: IDM, year: 2023 }) { compared }
      }
      assessedBoth: villages(filter: { idmYear: 2023, indeksDesaYear: 2025 }, first: 0) { totalCount } } }`,
      { k: KABUPATEN },
    );
    expect(errors).toBeUndefined();
    expect(up + down).toBeGreaterThan(0);
    // This file writes no IDM 2023; other suites of the run may, so `none` compares exactly the desa
    // the village list finds with both years (none when the file runs alone).
    const both = (data!.kabupaten as { assessedBoth: { totalCount: number } }).assessedBoth.totalCount;
    expect((data!.kabupaten as { indeksDesaSummary: unknown }).indeksDesaSummary).toEqual({
      movedUp: up,
      movedDown: down,
      asked: { compared: compared.length, up, down, same: compared.length - up - down },
      none: { compared: both },
    });
  });

  it('refuses a movement against a year of neither family or not before the summary’s', async () => {
    const wrongFamily = await server.raw(`{ indeksDesaSummary(year: 2025) { movedUp(from: { index: INDEKS_DESA, year: 2024 }) } }`);
    expect(wrongFamily.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrongFamily.errors![0]!.message).toMatch(/2024 is a year of (the )?IDM/);
    const idmYear = await server.raw(`{ indeksDesaSummary(year: 2024) { assessed } }`);
    expect(idmYear.errors![0]!.message).toMatch(/2024 is a year of (the )?IDM/);
    const later = await server.raw(`{ idmSummary(year: 2024) { movement(from: { index: INDEKS_DESA, year: 2025 }) { compared } } }`);
    expect(later.errors![0]!.message).toBe("from.year 2025 must be before the summary's year 2024");
    // IDM's summaries take the same argument, on the same code. This file writes no IDM 2023; other
    // suites of the run may, so `compared` is the desa of 64.09 holding both years.
    const [both] = await withSql(process.env.DESA_TEST_DATABASE_URL!, 'indeks-desa-summary-test', (sql) =>
      sql.query<{ n: number }>(
        `select count(*)::int as n from idm_assessment a join idm_assessment b on b.village_code = a.village_code and b.year = 2024
          where a.year = 2023 and a.kabupaten_code = $1`,
        [KABUPATEN],
      ),
    );
    const idm = await server.raw(`query($k: String!) { kabupaten(code: $k) { idmSummary(year: 2024) { assessed movement(from: { index: IDM, year: 2023 }) { compared } } } }`, { k: KABUPATEN });
    expect(idm.data).toEqual({ kabupaten: { idmSummary: { assessed: desa.filter((d) => d.idm2024 !== null).length, movement: { compared: both!.n } } } });
  });

  it('ranks the kecamatan of the kabupaten by mean score and by status share', async () => {
    const districts = [...new Set(desa.map((d) => d.districtCode))];
    const byMean = districts
      .map((code) => ({ code, value: round2(mean(desa.filter((d) => d.districtCode === code).map((d) => SHARES[d.level]! * 100))) }))
      .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
    const { data, errors } = await server.raw(
      `query($k: String!) { kabupaten(code: $k) {
        top: indeksDesaRanking(year: 2025, first: 51) { rank code value assessed summary { assessed } }
        mandiri: indeksDesaRanking(year: 2025, by: STATUS_SHARE, statuses: [MANDIRI], direction: BOTTOM, first: 1) { code value }
      } }`,
      { k: KABUPATEN },
    );
    expect(errors).toBeUndefined();
    const k = data!.kabupaten as { top: { rank: number; code: string; value: number; assessed: number; summary: { assessed: number } }[]; mandiri: { code: string; value: number }[] };
    expect(k.top.map((e) => ({ code: e.code, value: e.value }))).toEqual(byMean);
    expect(k.top.every((e) => e.assessed === desa.filter((d) => d.districtCode === e.code).length && e.summary.assessed === e.assessed)).toBe(true);
    const shares = districts.map((code) => {
      const inside = desa.filter((d) => d.districtCode === code);
      return { code, value: round4(inside.filter((d) => STATUS_OF_SHARE[d.level] === 'MANDIRI').length / inside.length) };
    });
    const lowest = shares.sort((a, b) => a.value - b.value || a.code.localeCompare(b.code))[0]!;
    expect(k.mandiri).toEqual([lowest]);
  });

  it('sums up every kabupaten of a province in a constant number of statements', async () => {
    const query = `query($p: String!) { province(code: $p) { indeksDesaSummary(year: 2025) { assessed } kabupatens { code indeksDesaSummary(year: 2025) { assessed coverage } } } }`;
    const response = await server.raw(query, { p: '64' });
    expect(response.errors).toBeUndefined();
    const kabupatens = (response.data!.province as { kabupatens: { code: string; indeksDesaSummary: { assessed: number } }[] }).kabupatens;
    expect(kabupatens.find((k) => k.code === KABUPATEN)!.indeksDesaSummary.assessed).toBe(desa.length);
    // The planned province with its kabupaten, the province's summary, the kabupaten's summaries, their register counts.
    expect(response.extensions!.sql!.statements).toBe(4);
  });

  it('serves the published national counts beside the national summaries only', async () => {
    const { data, errors } = await server.raw(`query($k: String!) {
      indeksDesaSummary(year: 2025) { officialCounts { year total source byStatus { status count share } } }
      idmSummary(year: 2024) { officialCounts { total byStatus { status count } } }
      old: idmSummary(year: 2020) { officialCounts { total } }
      kabupaten(code: $k) { indeksDesaSummary(year: 2025) { officialCounts { total } } }
    }`, { k: KABUPATEN });
    expect(errors).toBeUndefined();
    const decree = { SANGAT_TERTINGGAL: 4_694, TERTINGGAL: 4_672, BERKEMBANG: 21_813, MAJU: 23_579, MANDIRI: 20_503 };
    expect((data!.indeksDesaSummary as { officialCounts: unknown }).officialCounts).toEqual({
      year: 2025,
      total: 75_261,
      source: 'Kepmendes PDTT 343/2025',
      byStatus: STATUSES.map((status) => ({ status, count: decree[status], share: round4(decree[status] / 75_261) })),
    });
    expect((data!.idmSummary as { officialCounts: { total: number; byStatus: { count: number }[] } }).officialCounts.total).toBe(75_265);
    expect((data!.idmSummary as { officialCounts: { byStatus: { count: number }[] } }).officialCounts.byStatus.reduce((n, s) => n + s.count, 0)).toBe(75_261);
    expect(data!.old).toEqual({ officialCounts: null });
    expect(data!.kabupaten).toEqual({ indeksDesaSummary: { officialCounts: null } });
  });
});

describe('a program', () => {
  it('sums up its enrolled desa, counts its coverage against them, and ranks their provinces', async () => {
    const slug = `id-summary-${process.pid}`;
    expect((await server.request(CreateProgramDocument, { input: { slug, name: 'Indeks Desa test', year: 2025, agency: 'Kemendes PDTT' } })).errors).toBeUndefined();
    expect((await server.request(AddLocusDocument, { input: { programSlug: slug, kabupatenCode: KABUPATEN, quota: 10 } })).errors).toBeUndefined();
    const enrolled = desa.filter((d) => d.level >= 2).slice(0, 4);
    for (const d of enrolled) expect((await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode: d.code } })).errors).toBeUndefined();
    const { data, errors } = await server.raw(
      `query($slug: String!) { program(slug: $slug) {
        indeksDesaSummary { year ${SUMMARY} }
        indeksDesaRanking(year: 2025) { code value assessed }
        latestPublishedYear { index year }
        loci { indeksDesaSummary { assessed } whole: indeksDesaSummary(of: KABUPATEN) { assessed } }
      } }`,
      { slug },
    );
    expect(errors).toBeUndefined();
    const program = data!.program as Record<string, unknown>;
    // Every enrolled desa has its 2025: the program's own published year is the Indeks Desa's.
    expect(program.latestPublishedYear).toEqual({ index: 'INDEKS_DESA', year: 2025 });
    expect(program.indeksDesaSummary).toEqual({ year: 2025, ...expected(enrolled, enrolled.length) });
    expect(program.indeksDesaRanking).toEqual([{ code: '64', value: round2(mean(enrolled.map((d) => SHARES[d.level]! * 100))), assessed: enrolled.length }]);
    expect(program.loci).toEqual([{ indeksDesaSummary: { assessed: enrolled.length }, whole: { assessed: desa.length } }]);
  });
});

describe('village lists by the Indeks Desa', () => {
  const codes = (rows: Desa[]) => rows.map((d) => d.code);
  const rank = (s: string) => STATUSES.indexOf(s as (typeof STATUSES)[number]);
  const list = async (filter: Record<string, unknown>, orderBy = 'CODE', first = 100, after: string | null = null) => {
    const response = await server.raw(
      `query($filter: VillageFilter, $orderBy: VillageOrderBy, $first: Int, $after: String) {
        villages(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } }
      }`,
      { filter, orderBy, first, after },
    );
    expect(response.errors).toBeUndefined();
    const villages = response.data!.villages as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { code: string } }[] };
    return { total: villages.totalCount, codes: villages.edges.map((e) => e.node.code), next: villages.pageInfo.hasNextPage ? villages.pageInfo.endCursor : null };
  };

  it('filters by status, score range and movement from IDM 2024, with the year given or the kabupaten’s own', async () => {
    const mandiri = desa.filter((d) => STATUS_OF_SHARE[d.level] === 'MANDIRI');
    expect(mandiri.length).toBeGreaterThan(0);
    expect(await list({ kabupatenCode: KABUPATEN, indeksDesaYear: 2025, indeksDesaStatus: ['MANDIRI'] })).toMatchObject({ total: mandiri.length, codes: codes(mandiri) });
    // Planned: the page and the filter in one statement.
    const planned = await server.raw(`{ villages(filter: { kabupatenCode: "${KABUPATEN}", indeksDesaYear: 2025, indeksDesaStatus: [MANDIRI] }, orderBy: INDEKS_DESA_SCORE_DESC) { edges { node { code } } } }`);
    expect(planned.extensions!.sql!.statements).toBe(1);
    // No year: the kabupaten's latest published Indeks Desa year, 2025.
    expect(await list({ kabupatenCode: KABUPATEN, indeksDesaStatus: ['MANDIRI'] })).toMatchObject({ total: mandiri.length, codes: codes(mandiri) });
    const middle = desa.filter((d) => SHARES[d.level]! * 100 >= 60 && SHARES[d.level]! * 100 <= 80);
    expect(await list({ kabupatenCode: KABUPATEN, indeksDesaYear: 2025, indeksDesaMinScore: 60, indeksDesaMaxScore: 80 })).toMatchObject({ total: middle.length, codes: codes(middle) });
    const up = desa.filter((d) => d.idm2024 !== null && rank(STATUS_OF_SHARE[d.level]!) > rank(d.idm2024));
    expect(await list({ kabupatenCode: KABUPATEN, indeksDesaYear: 2025, indeksDesaMovement: ['UP'] })).toMatchObject({ total: up.length, codes: codes(up) });
    // Both families at once: IDM 2024 Berkembang desa that the Indeks Desa 2025 puts at Maju or above.
    const both = desa.filter((d) => d.idm2024 === 'BERKEMBANG' && d.level >= 3);
    expect(await list({ kabupatenCode: KABUPATEN, idmYear: 2024, idmStatus: ['BERKEMBANG'], indeksDesaYear: 2025, indeksDesaStatus: ['MAJU', 'MANDIRI'] })).toMatchObject({ total: both.length, codes: codes(both) });
  });

  it('orders by Skor Indeks Desa with stable cursors', async () => {
    const expectedOrder = [...desa].sort((a, b) => SHARES[b.level]! - SHARES[a.level]! || a.code.localeCompare(b.code)).map((d) => d.code);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await list({ kabupatenCode: KABUPATEN }, 'INDEKS_DESA_SCORE_DESC', 7, after);
      expect(page.total).toBe(desa.length);
      seen.push(...page.codes);
      after = page.next;
    } while (after);
    expect(seen).toEqual(expectedOrder);
  });

  it('refuses an Indeks Desa year that is an IDM year', async () => {
    const response = await server.raw(`{ villages(filter: { indeksDesaYear: 2024 }) { totalCount } }`);
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/filter\.indeksDesaYear 2024 is not a year of Indeks Desa/);
  });

  it('exports the list with the Indeks Desa columns when asked, and the IDM ones by default', async () => {
    const base = `${new URL(server.url).origin}/export/villages.csv?kabupatenCode=${KABUPATEN}`;
    const response = await fetch(`${base}&index=INDEKS_DESA&indeksDesaYear=2025&orderBy=INDEKS_DESA_SCORE_ASC`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split('\n')[0]).toBe(
      'code,name,kind,district_code,district,kabupaten_code,kabupaten,province_code,province,indeks_desa_year,layanan_dasar,sosial,ekonomi,lingkungan,aksesibilitas,tata_kelola,score,status,derived_status,score_mismatch,movement,target_status,score_to_target',
    );
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.code)).toEqual([...desa].sort((a, b) => SHARES[a.level]! - SHARES[b.level]! || a.code.localeCompare(b.code)).map((d) => d.code));
    for (const row of rows) {
      const d = desa.find((x) => x.code === row.code)!;
      const share = SHARES[d.level]!;
      expect(row).toMatchObject({ indeks_desa_year: '2025', derived_status: STATUS_OF_SHARE[d.level], score_mismatch: 'false' });
      expect(Number(row.layanan_dasar)).toBeCloseTo(170 * share, 6);
      expect(Number(row.tata_kelola)).toBeCloseTo(80 * share, 6);
      expect(Number(row.score)).toBe(round2(share * 100));
      const movement = d.idm2024 === null ? 'NEW' : rank(STATUS_OF_SHARE[d.level]!) > rank(d.idm2024) ? 'UP' : rank(STATUS_OF_SHARE[d.level]!) < rank(d.idm2024) ? 'DOWN' : 'SAME';
      expect(row.movement).toBe(movement);
    }
    const idm = await (await fetch(`${base}&idmYear=2024`)).text();
    expect(idm.split('\n')[0]).toContain('idm_year,iks,ike,ikl,score');
    expect((await fetch(`${base}&index=BOTH`)).status).toBe(400);
  });
});
