import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/server';

/**
 * The read planner answers exactly as the resolvers do. Two servers on the same database, one with
 * the planner and one without (QUERY_PLANNER=0), must give the same data and the same errors at the
 * same paths for every shape a client can send: fragments, aliases, directives, variables,
 * connections with filters, orders and cursors, nested arguments that are invalid.
 */

let planned: TestServer;
let resolved: TestServer;
/** Desa of Kabupaten Aceh Selatan (11.01) given IDM for the years below by this file. */
let desa: string[] = [];
const YEARS = [2015, 2016, 2017];

function indicators(seed: number) {
  const counts = { IKS: 35, IKE: 12, IKL: 3 } as const;
  return Object.entries(counts).flatMap(([index, count]) =>
    Array.from({ length: count }, (_, i) => ({
      index: index as 'IKS' | 'IKE' | 'IKL',
      number: i + 1,
      name: `${index} indicator ${i + 1}`,
      score: (seed + i) % 6,
      activity: i % 4 === 0 ? null : `Kegiatan ${index} ${i + 1}`,
    })),
  );
}

beforeAll(async () => {
  // The cache off: each query must be executed, by one path or the other.
  planned = await startTestServer({ RESPONSE_CACHE: '0' });
  resolved = await startTestServer({ QUERY_PLANNER: '0', RESPONSE_CACHE: '0' });
  const list = await planned.raw('{ kabupaten(code: "11.01") { villages(first: 6, filter: { kind: DESA }) { edges { node { code } } } } }');
  desa = (list.data as { kabupaten: { villages: { edges: { node: { code: string } }[] } } }).kabupaten.villages.edges.map((e) => e.node.code);
  expect(desa).toHaveLength(6);
  const input = desa.flatMap((code, i) =>
    YEARS.map((year, y) => {
      const score = 0.45 + 0.07 * i + 0.03 * y;
      return { villageCode: code, year, iks: score, ike: score, ikl: score, score, indicators: i % 2 === 0 ? indicators(i + y) : undefined };
    }),
  );
  const recorded = await planned.raw('mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { received } }', { input });
  expect(recorded.errors).toBeUndefined();
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

describe('the read planner', () => {
  it('answers the dashboard tree in one statement, as the resolvers do in one per level', async () => {
    const query = `query($code: String!, $year: Int!, $first: Int!) {
      province(code: $code) { code name regencies: kabupatens { code name districts { code name villages(first: $first) { edges { node { code name idm(year: $year) { score status } } } } } } }
    }`;
    const answer = await same(query, { code: '11', year: 2016, first: 20 });
    expect(JSON.stringify(answer.data)).toContain('"score"');
    expect(answer.extensions!.sql!.statements).toBe(1);
    expect((await resolved.raw(query, { code: '11', year: 2016, first: 20 })).extensions!.sql!.statements).toBeGreaterThan(3);
  });

  it('answers a desa page with its ancestors and history in one statement', async () => {
    const answer = await same(`query($code: String!) {
      village(code: $code) { code name district { code name regency: kabupaten { code name province { code name } } }
        idm: idmHistory { year iks ike ikl score status derivedStatus statusMismatch targetStatus targetMinScore scoreToTarget change { scoreDelta movement } } }
    }`, { code: desa[1]!.replaceAll('.', '') });
    expect((answer.data!.village as { idm: { year: number }[] }).idm.map((a) => a.year)).toEqual(expect.arrayContaining(YEARS));
    expect(answer.extensions!.sql!.statements).toBe(1);
  });

  it('gives every object the global id the resolvers give it, in one statement', async () => {
    const answer = await same(`query($code: String!) {
      province(code: $code) { id kabupatens { id districts { id villages(first: 3) { edges { node { id idm { id } idmHistory { id } kabupaten { id } } } } } } }
    }`, { code: '11' });
    expect(JSON.stringify(answer.data).match(/"id"/g)!.length).toBeGreaterThan(100);
    expect(answer.extensions!.sql!.statements).toBe(1);
  });

  it('follows fragments, aliases, @include/@skip and variables', async () => {
    const query = `query($code: String!, $withIdm: Boolean!, $y: Int) {
      a: village(code: $code) { ...Place }
      b: village(code: $code) {
        __typename name
        now: idm(year: $y) @include(if: $withIdm) { score year }
        first: idm(year: 2015) { year source { format line publishedCode } recordedAt }
        latest: idm @skip(if: $withIdm) { year }
        idm { year }
      }
    }
    fragment Place on Village { code compactCode kind district { ... on District { name kabupaten { compactCode province { name compactCode } } } } }`;
    await same(query, { code: desa[0], withIdm: true, y: 2017 });
    await same(query, { code: desa[0], withIdm: false, y: null });
  });

  it('pages a connection by score with cursors, page info and counts', async () => {
    const query = `query($after: String) {
      kabupaten(code: "11.01") {
        villages(first: 2, after: $after, orderBy: IDM_SCORE_DESC, filter: { idmYear: 2016, minScore: 0.4 }) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { code idm(year: 2016) { score } } }
        }
      }
    }`;
    const first = await same(query, {});
    const page = (first.data!.kabupaten as { villages: { totalCount: number; pageInfo: { endCursor: string } } }).villages;
    expect(page.totalCount).toBe(6);
    await same(query, { after: page.pageInfo.endCursor });
  });

  it('answers root lists: searched villages, a kabupaten page, all provinces', async () => {
    await same('{ villages(filter: { search: "bangun", kind: DESA }, first: 5) { totalCount edges { node { name district { name } kabupaten { name } } } } }');
    const page = await same('{ kabupatens(filter: { provinceCode: "64" }, first: 3) { totalCount pageInfo { endCursor } edges { cursor node { name province { name } districts { code } } } } }');
    const after = (page.data!.kabupatens as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    await same('query($after: String) { kabupatens(filter: { provinceCode: "64" }, first: 3, after: $after) { edges { node { code } } } }', { after });
    await same('{ provinces { code kabupatens { code kind districts { code } } } }');
  });

  it('reads the indicators of an assessment, whole or by index', async () => {
    const answer = await same(`query($code: String!) {
      village(code: $code) { idm(year: 2017) { all: indicators { index number } ike: indicators(index: IKE) { number name score description activity potentialGain actors { pusat desa lainnya } } } }
    }`, { code: desa[2] });
    expect((answer.data!.village as { idm: { all: unknown[] } }).idm.all).toHaveLength(50);
  });

  it('leaves summaries, counts and the assessment’s desa to their resolvers inside a planned tree', async () => {
    await same(`{ province(code: "11") { idmSummary(year: 2016) { assessed } villageCounts { desa kelurahan }
      kabupatens { code idmSummary(year: 2016) { assessed mean { score } byStatus { status count } } villageCounts { total } } } }`);
    await same(`query($code: String!) { village(code: $code) { idmHistory { year village { code name } } } }`, { code: desa[3] });
  });

  it('answers the dashboard’s fields inside a planned tree: rankings, comparisons, histograms, changes, movement filters', async () => {
    await same(`{ province(code: "11") {
      idmSummary(year: 2017) { assessed mean { score } byStatus { status count share } top: share(statuses: [MANDIRI, MAJU]) meanVsParent { score iks } meanVsNational { score } histogram(bins: 5) { from to count status } }
      idmRanking(year: 2017) { rank code name value assessed summary { mean { score } meanVsParent { score } } }
      kabupatens { code idmRanking(year: 2016, by: STATUS_SHARE, statuses: [BERKEMBANG], direction: BOTTOM, first: 3) { rank code value } }
    } }`);
    await same(`{ kabupaten(code: "11.01") {
      moved: villages(filter: { idmYear: 2017, movement: [UP, SAME] }, orderBy: IDM_SCORE_DESC, first: 4) { totalCount edges { node { code idm(year: 2017) { score change { movement scoreDelta previousYear previousStatus } } } } }
      fine: villages(filter: { idmYear: 2016, statusMismatch: false }, first: 3) { totalCount edges { node { code idm(year: 2016) { change { movement } } } } }
    } }`);
    await same(`{ search(text: "aceh", first: 5) { level code name match similarity province { name } kabupaten { code } district { code } village { code } } }`);
  });

  it('reports invalid nested arguments at the field that has them, keeping the rest of the answer', async () => {
    const answer = await same('{ province(code: "64") { name kabupatens { code villages(first: 501) { totalCount } } } }');
    expect(answer.errors?.[0]?.path).toEqual(['province', 'kabupatens', 0, 'villages']);
    await same('{ province(code: "11") { kabupatens { code villages(first: 1, after: "nonsense") { totalCount } } } }');
    await same(`query($code: String!) { village(code: $code) { name idm(year: 1999) { score } } }`, { code: desa[0] });
  });

  it('answers malformed and unknown root codes as the resolvers do', async () => {
    await same('{ province(code: "6x") { name } }');
    await same('{ village(code: "9999999999") { name } kabupaten(code: "99.99") { name } }');
  });

  it('declines a connection selected under two aliases of edges, and still answers it', async () => {
    const answer = await same(`query($code: String!) { village(code: $code) { district {
      villages(first: 3) { a: edges { node { code x: idm(year: 2015) { score } } } b: edges { node { code x: idm(year: 2016) { score } } } } } } }`, { code: desa[0] });
    expect(answer.errors).toBeUndefined();
    const district = (answer.data!.village as { district: { villages: { a: { node: { x: { score: number } | null } }[]; b: { node: { x: unknown } }[] } } }).district;
    expect(district.villages.a[0]!.node.x).not.toEqual(district.villages.b[0]!.node.x);
  });
});
