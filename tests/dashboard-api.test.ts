import { parse } from 'csv-parse/sync';
import { errorCodes, startTestServer, type TestServer } from './helpers/server';
import { Subscriber } from './helpers/subscriber';

/**
 * What a dashboard asks of the API beyond the register: histograms, shares, means against the
 * parent and the nation, rankings of children, movement and mismatch filters, ranked search, the
 * locus summary of a whole kabupaten, the CSV export, national and kecamatan summary subscriptions.
 * The IDM here is recorded by this file for years no other test writes (2019, 2020: before every
 * published year other tests load, so nothing precedes them), in two kabupaten of Sumatera Barat, so
 * every expected number is known.
 */

const PREVIOUS = 2019;
const YEAR = 2020;

let server: TestServer;
/** Desa of 13.01 (two kecamatan) and 13.02, and what they were given. */
let desa: { code: string; district: string; kabupaten: string }[] = [];

interface Given {
  code: string;
  year: number;
  score: number;
  status?: string;
}
let given: Given[] = [];

async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await server.raw(query, variables);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

async function record(items: Given[]): Promise<void> {
  const input = items.map((g) => ({ villageCode: g.code, year: g.year, iks: g.score, ike: g.score, ikl: g.score, score: g.score, status: g.status }));
  await gql('mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { received } }', { input });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

beforeAll(async () => {
  server = await startTestServer();
  const pick = async (kabupaten: string, perDistrict: number, districts: number) => {
    const { kabupaten: k } = await gql<{ kabupaten: { districts: { code: string; villages: { edges: { node: { code: string } }[] } }[] } }>(
      `query($code: String!, $n: Int!) { kabupaten(code: $code) { districts { code villages(first: $n, filter: { kind: DESA }) { edges { node { code } } } } } }`,
      { code: kabupaten, n: perDistrict },
    );
    return k.districts
      .filter((d) => d.villages.edges.length === perDistrict)
      .slice(0, districts)
      .flatMap((d) => d.villages.edges.map((e) => ({ code: e.node.code, district: d.code, kabupaten })));
  };
  desa = [...(await pick('13.01', 3, 2)), ...(await pick('13.02', 2, 1))];
  expect(desa).toHaveLength(8);
  const [a, b, c, d, e, f, g, h] = desa.map((x) => x.code) as [string, string, string, string, string, string, string, string];
  given = [
    // 13.01, first kecamatan: up, down, same
    { code: a, year: PREVIOUS, score: 0.55 },
    { code: a, year: YEAR, score: 0.76 },
    { code: b, year: PREVIOUS, score: 0.72 },
    { code: b, year: YEAR, score: 0.61 },
    { code: c, year: PREVIOUS, score: 0.83 },
    { code: c, year: YEAR, score: 0.84 },
    // 13.01, second kecamatan: new; new and officially lower than its score; new
    { code: d, year: YEAR, score: 0.8 },
    { code: e, year: YEAR, score: 0.75, status: 'BERKEMBANG' },
    { code: f, year: YEAR, score: 0.45 },
    // 13.02: two new
    { code: g, year: YEAR, score: 0.9 },
    { code: h, year: YEAR, score: 0.88 },
  ];
  await record(given);
});
afterAll(() => server?.stop());

const scores = (filter: (g: Given & { kabupaten: string; district: string }) => boolean) =>
  given
    .filter((g) => g.year === YEAR)
    .map((g) => ({ ...g, ...desa.find((d) => d.code === g.code)! }))
    .filter(filter)
    .map((g) => g.score);

describe('summaries', () => {
  it('round means and deltas to 4 decimals, and give each status its share', async () => {
    const { kabupaten } = await gql<{ kabupaten: { idmSummary: { mean: { score: number }; byStatus: { status: string; count: number; share: number }[]; mm: number | null } } }>(
      `{ kabupaten(code: "13.01") { idmSummary(year: ${YEAR}) { mean { score } byStatus { status count share } mm: share(statuses: [MANDIRI, MAJU]) } } }`,
    );
    const s = kabupaten.idmSummary;
    expect(s.mean.score).toBe(round4(mean(scores((g) => g.kabupaten === '13.01'))));
    // 0.76, 0.61, 0.84, 0.8, 0.75 (officially Berkembang), 0.45 → Maju 2, Berkembang 2, Mandiri 1, Sangat Tertinggal 1
    expect(Object.fromEntries(s.byStatus.map((b) => [b.status, [b.count, b.share]]))).toEqual({
      SANGAT_TERTINGGAL: [1, 0.1667],
      TERTINGGAL: [0, 0],
      BERKEMBANG: [2, 0.3333],
      MAJU: [2, 0.3333],
      MANDIRI: [1, 0.1667],
    });
    expect(s.mm).toBe(0.5);
    const history = await gql<{ village: { idmHistory: { change: { scoreDelta: number | null } }[] } }>(
      `query($c: String!) { village(code: $c) { idmHistory { change { scoreDelta } } } }`,
      { c: desa[1]!.code },
    );
    // 0.61 − 0.72 is −0.10999999999999999 in binary floating point. (Later years may follow from the national file.)
    expect(history.village.idmHistory.slice(0, 2).map((h) => h.change.scoreDelta)).toEqual([null, -0.11]);
  });

  it('compare the mean with the parent and with the nation', async () => {
    const { kabupaten, province, idmSummary } = await gql<{
      kabupaten: { idmSummary: { mean: { score: number }; meanVsParent: { score: number }; meanVsNational: { score: number } } };
      province: { idmSummary: { mean: { score: number }; meanVsParent: { score: number } } };
      idmSummary: { mean: { score: number }; meanVsParent: null; meanVsNational: { score: number } };
    }>(`{
      kabupaten(code: "13.01") { idmSummary(year: ${YEAR}) { mean { score } meanVsParent { score } meanVsNational { score } } }
      province(code: "13") { idmSummary(year: ${YEAR}) { mean { score } meanVsParent { score } } }
      idmSummary(year: ${YEAR}) { mean { score } meanVsParent { score } meanVsNational { score } }
    }`);
    expect(kabupaten.idmSummary.meanVsParent.score).toBe(round4(kabupaten.idmSummary.mean.score - province.idmSummary.mean.score));
    expect(kabupaten.idmSummary.meanVsNational.score).toBe(round4(kabupaten.idmSummary.mean.score - idmSummary.mean.score));
    expect(province.idmSummary.meanVsParent.score).toBe(0); // the only province assessed that year
    expect(idmSummary.meanVsParent).toBeNull();
    expect(idmSummary.meanVsNational).toEqual({ score: 0 });
  });

  it('bin the scores from the lowest to the highest', async () => {
    const { province } = await gql<{ province: { idmSummary: { assessed: number; histogram: { from: number; to: number; count: number; status: string }[]; three: { count: number }[] } } }>(
      `{ province(code: "13") { idmSummary(year: ${YEAR}) { assessed histogram { from to count status } three: histogram(bins: 3) { count } } } }`,
    );
    const { histogram, three, assessed } = province.idmSummary;
    expect(histogram).toHaveLength(24);
    expect(histogram[0]).toMatchObject({ from: 0.45, status: 'SANGAT_TERTINGGAL' });
    expect(histogram.at(-1)).toMatchObject({ to: 0.9, status: 'MANDIRI' });
    expect(histogram.reduce((n, b) => n + b.count, 0)).toBe(assessed);
    // [0.45, 0.6), [0.6, 0.75), [0.75, 0.9]: 0.45 | 0.61 | 0.76 0.84 0.8 0.75 0.9 0.88
    expect(three.map((b) => b.count)).toEqual([1, 1, 6]);
    expect(errorCodes(await server.raw(`{ idmSummary(year: ${YEAR}) { histogram(bins: 0) { count } } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('count a locus’s enrolled desa, or its whole kabupaten', async () => {
    const slug = 'dashboard-test-cohort';
    await gql(`mutation { createProgram(input: { slug: "${slug}", name: "Cohort", year: 2020, agency: "Kemendes PDTT" }) { id } }`);
    await gql(`mutation { addLocus(input: { programSlug: "${slug}", kabupatenCode: "13.01", quota: 5 }) { id } }`);
    await gql(`mutation($v: String!) { enrollVillage(input: { programSlug: "${slug}", villageCode: $v }) { enrolledOn } }`, { v: desa[0]!.code });
    const { program } = await gql<{ program: { loci: { enrolled: { assessed: number; mean: { score: number } }; whole: { assessed: number; mean: { score: number } } }[] } }>(
      `{ program(slug: "${slug}") { loci { enrolled: idmSummary(year: ${YEAR}) { assessed mean { score } } whole: idmSummary(year: ${YEAR}, of: KABUPATEN) { assessed mean { score } } } } }`,
    );
    expect(program.loci[0]!.enrolled).toEqual({ assessed: 1, mean: { score: 0.76 } });
    expect(program.loci[0]!.whole).toEqual({ assessed: 6, mean: { score: round4(mean(scores((g) => g.kabupaten === '13.01'))) } });
  });
});

describe('rankings', () => {
  it('rank a province’s kabupaten and a kabupaten’s kecamatan, top and bottom', async () => {
    const data = await gql<{
      province: { top: { rank: number; code: string; value: number; assessed: number; summary: { mean: { score: number } } }[]; bottom: { rank: number; code: string }[] };
      kabupaten: { share: { rank: number; code: string; value: number }[] };
      idmRanking: { code: string; rank: number }[];
    }>(`{
      province(code: "13") {
        top: idmRanking(year: ${YEAR}) { rank code value assessed summary { mean { score } } }
        bottom: idmRanking(year: ${YEAR}, direction: BOTTOM, first: 1) { rank code }
      }
      kabupaten(code: "13.01") { share: idmRanking(year: ${YEAR}, by: STATUS_SHARE, statuses: [MANDIRI, MAJU]) { rank code value } }
      idmRanking(year: ${YEAR}) { code rank }
    }`);
    const k1 = round4(mean(scores((g) => g.kabupaten === '13.01')));
    const k2 = round4(mean(scores((g) => g.kabupaten === '13.02')));
    expect(data.province.top).toEqual([
      { rank: 1, code: '13.02', value: k2, assessed: 2, summary: { mean: { score: k2 } } },
      { rank: 2, code: '13.01', value: k1, assessed: 6, summary: { mean: { score: k1 } } },
    ]);
    expect(data.province.bottom).toEqual([{ rank: 2, code: '13.01' }]);
    // First kecamatan: 0.76 Maju, 0.61 Berkembang, 0.84 Mandiri → 2/3; second: 0.8 Maju, Berkembang, 0.45 → 1/3.
    const [first, second] = [...new Set(desa.filter((d) => d.kabupaten === '13.01').map((d) => d.district))];
    expect(data.kabupaten.share).toEqual([
      { rank: 1, code: first, value: 0.6667 },
      { rank: 2, code: second, value: 0.3333 },
    ]);
    expect(data.idmRanking).toEqual([{ code: '13', rank: 1 }]);
  });

  it('refuse a share ranking without statuses and an oversized list', async () => {
    expect(errorCodes(await server.raw(`{ idmRanking(year: ${YEAR}, by: STATUS_SHARE) { rank } }`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.raw(`{ idmRanking(year: ${YEAR}, first: 52) { rank } }`))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('village filters', () => {
  const list = async (filter: string) =>
    (
      await gql<{ villages: { totalCount: number; edges: { node: { code: string } }[] } }>(
        `{ villages(filter: { idmYear: ${YEAR}, provinceCode: "13", ${filter} }, first: 50) { totalCount edges { node { code } } } }`,
      )
    ).villages.edges.map((e) => e.node.code);

  it('by movement against the previous assessed year', async () => {
    const [a, b, c, ...rest] = desa.map((d) => d.code);
    expect(await list('movement: [UP]')).toEqual([a]);
    expect(await list('movement: [DOWN]')).toEqual([b]);
    expect(await list('movement: [SAME]')).toEqual([c]);
    expect(await list('movement: [NEW]')).toEqual(rest);
    expect(await list('movement: [UP, DOWN]')).toEqual([a, b]);
  });

  it('by a status that differs from the one the score gives', async () => {
    expect(await list('statusMismatch: true')).toEqual([desa[4]!.code]);
    expect(await list('statusMismatch: false')).toHaveLength(7);
  });

  it('and each assessment tells its change against the previous assessed year', async () => {
    const { village } = await gql<{ village: { idm: { change: unknown } } }>(`query($c: String!) { village(code: $c) { idm(year: ${YEAR}) { change { movement scoreDelta previousYear previousStatus } } } }`, {
      c: desa[0]!.code,
    });
    expect(village.idm.change).toEqual({ movement: 'UP', scoreDelta: 0.21, previousYear: PREVIOUS, previousStatus: 'TERTINGGAL' });
  });
});

describe('ranked search', () => {
  type Hit = { level: string; name: string; match: string; district: { name: string } | null; kabupaten: { name: string } | null };
  const search = async (text: string, extra = '') =>
    (await gql<{ search: Hit[] }>(`query($t: String!) { search(text: $t${extra}) { level name match district { name } kabupaten { name } } }`, { t: text })).search;

  it('puts the exact name first, then names it begins', async () => {
    const hits = await search('Sidondo I');
    expect(hits[0]).toEqual({ level: 'VILLAGE', name: 'Sidondo I', match: 'EXACT', district: { name: 'Sigi Biromaru' }, kabupaten: { name: 'Kabupaten Sigi' } });
    expect(hits.slice(1, 4).map((h) => [h.name, h.match])).toEqual(expect.arrayContaining([['Sidondo II', 'PREFIX'], ['Sidondo III', 'PREFIX'], ['Sidondo IV', 'PREFIX']]));
  });

  it('ignores spaces, finds kabupaten without their prefix, and tolerates a typo', async () => {
    const kotaBangun = await search('kotabangun');
    expect(kotaBangun[0]).toMatchObject({ level: 'DISTRICT', name: 'Kota Bangun', match: 'EXACT', kabupaten: { name: 'Kabupaten Kutai Kartanegara' } });
    expect(kotaBangun.filter((h) => h.match === 'EXACT').every((h) => h.name === 'Kota Bangun')).toBe(true);
    const kutai = await search('kutai', ', levels: [KABUPATEN]');
    expect(kutai.map((h) => [h.name, h.match]).sort()).toEqual([
      ['Kabupaten Kutai Barat', 'PREFIX'],
      ['Kabupaten Kutai Kartanegara', 'PREFIX'],
      ['Kabupaten Kutai Timur', 'PREFIX'],
    ]);
    const typo = await search('sidondoo', ', levels: [VILLAGE], first: 3');
    expect(typo[0]).toMatchObject({ match: 'SIMILAR', name: expect.stringMatching(/^Sidondo/) });
  });

  it('narrows to a region and refuses what it cannot serve', async () => {
    const within = await search('bangun', ', kabupatenCode: "64.02", first: 50');
    expect(within.length).toBeGreaterThan(0);
    expect(within.every((h) => h.kabupaten?.name === 'Kabupaten Kutai Kartanegara')).toBe(true);
    expect(errorCodes(await server.raw('{ search(text: "a", first: 51) { name } }'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.raw(`{ search(text: "${'a'.repeat(101)}") { name } }`))).toEqual(['BAD_USER_INPUT']);
    expect((await search('!!!')).length).toBe(0);
  });
});

describe('CSV export', () => {
  const url = (query: string) => `${new URL(server.url).origin}/export/villages.csv?${query}`;

  it('streams the list the API gives for the same filter and order', async () => {
    const response = await fetch(url(`provinceCode=13&idmYear=${YEAR}&orderBy=IDM_SCORE_DESC`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const { villages } = await gql<{ villages: { edges: { node: { code: string; name: string; idm: { score: number; status: string } } }[] } }>(
      `{ villages(filter: { provinceCode: "13", idmYear: ${YEAR} }, orderBy: IDM_SCORE_DESC, first: 50) { edges { node { code name idm(year: ${YEAR}) { score status } } } } }`,
    );
    expect(rows.map((r) => [r.code, r.name, Number(r.score), r.status || null])).toEqual(villages.edges.map((e) => [e.node.code, e.node.name, e.node.idm.score, e.node.idm.status]));
    const mismatch = rows.find((r) => r.code === desa[4]!.code)!;
    expect(mismatch).toMatchObject({ status: 'BERKEMBANG', derived_status: 'MAJU', status_mismatch: 'true', movement: 'NEW', idm_year: String(YEAR), province: 'Sumatera Barat' });
  });

  it('takes every filter of the list, and lists every village of a region without an IDM filter', async () => {
    const up = parse(await (await fetch(url(`provinceCode=13&idmYear=${YEAR}&movement=UP,DOWN&idmStatus=MAJU,BERKEMBANG`))).text(), { columns: true }) as { code: string }[];
    expect(up.map((r) => r.code)).toEqual([desa[0]!.code, desa[1]!.code]);
    const all = parse(await (await fetch(url('districtCode=13.01.01'))).text(), { columns: true }) as { code: string }[];
    const { district } = await gql<{ district: { villageCounts: { total: number } } }>('{ district(code: "13.01.01") { villageCounts { total } } }');
    expect(all).toHaveLength(district.villageCounts.total);
  });

  it('answers a bad filter with a coded error', async () => {
    for (const query of ['foo=1', 'idmStatus=GREAT', 'minScore=abc', 'kabupatenCode=99', 'orderBy=NAME', 'provinceCode=13&provinceCode=14']) {
      const response = await fetch(url(query));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is charged to the client’s rate-limit budget by its rows', async () => {
    const limited = await startTestServer({ RATE_LIMIT_COST: '20000' });
    try {
      const small = await fetch(`${new URL(limited.url).origin}/export/villages.csv?provinceCode=13&idmYear=${YEAR}`);
      expect(small.status).toBe(200);
      await small.text();
      const everything = await fetch(`${new URL(limited.url).origin}/export/villages.csv`);
      expect(everything.status).toBe(429);
      expect(everything.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.stop();
    }
  });
});

describe('live summaries and the change cursor', () => {
  it('push the nation’s and a kecamatan’s summary, and a cursor read with the data resumes exactly after it', async () => {
    const SUMMARY = 'subscription($scope: IdmSummaryScopeInput!) { idmSummaryUpdated(scope: $scope, year: 2020) { assessed } }';
    const district = desa[3]!.district;
    const nation = new Subscriber<{ idmSummaryUpdated: { assessed: number } }>(server.url, SUMMARY, { scope: {} });
    const kecamatan = new Subscriber<{ idmSummaryUpdated: { assessed: number } }>(server.url, SUMMARY, { scope: { districtCode: district } });
    try {
      const [n] = await nation.waitFor(1);
      const [k] = await kecamatan.waitFor(1);
      expect(n!.idmSummaryUpdated.assessed).toBe(scores(() => true).length);
      expect(k!.idmSummaryUpdated.assessed).toBe(3);
      const { idmChangeCursor } = await gql<{ idmChangeCursor: string }>('{ idmChangeCursor }');
      const updates = new Subscriber<{ idmUpdated: { current: { score: number }; village: { code: string } } }>(
        server.url,
        'subscription($after: String) { idmUpdated(after: $after, where: { provinceCode: "13" }) { current { score } village { code } } }',
        { after: idmChangeCursor },
      );
      try {
        // A village of the kecamatan without an IDM in 2020 gets one.
        const { district: d } = await gql<{ district: { villages: { edges: { node: { code: string } }[] } } }>(
          `query($c: String!) { district(code: $c) { villages(first: 10, filter: { kind: DESA }) { edges { node { code } } } } }`,
          { c: district },
        );
        const fresh = d.villages.edges.map((e) => e.node.code).find((code) => !given.some((g) => g.code === code))!;
        await record([{ code: fresh, year: YEAR, score: 0.7 }]);
        given.push({ code: fresh, year: YEAR, score: 0.7 });
        desa.push({ code: fresh, district, kabupaten: '13.01' });
        const [update] = await updates.waitFor(1);
        expect(update!.idmUpdated).toEqual({ current: { score: 0.7 }, village: { code: fresh } });
        await kecamatan.waitFor(2);
        await nation.waitFor(2);
        expect(kecamatan.results.at(-1)!.idmSummaryUpdated.assessed).toBe(4);
        expect(nation.results.at(-1)!.idmSummaryUpdated.assessed).toBe(n!.idmSummaryUpdated.assessed + 1);
      } finally {
        await updates.close();
      }
    } finally {
      await Promise.all([nation.close(), kecamatan.close()]);
    }
  });
});
