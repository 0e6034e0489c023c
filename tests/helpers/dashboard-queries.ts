import fs from 'node:fs';
import path from 'node:path';
import { parse, print, separateOperations } from 'graphql';

/** A query the default limits must let through, with the variables a dashboard would send. */
export interface DashboardQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const SHARED_QUERIES = path.resolve(__dirname, '../../../shared/bench/queries');

/** The ```graphql blocks of the README and docs/, one entry per operation (blocks hold several, separated by comments). */
export function readmeExamples(): DashboardQuery[] {
  const root = path.resolve(__dirname, '../..');
  const docs = fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(root, 'docs', f));
  const readme = [path.join(root, 'README.md'), ...docs].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block, b) =>
    block
      .split(/^(?=#|subscription|mutation)/m)
      .map((part) => part.replace(/^#.*$/gm, '').trim())
      .filter((part) => part.startsWith('{') || /^(subscription|mutation|query)\b/.test(part))
      .map((query, i) => ({ name: `README example ${b + 1}.${i + 1}`, query: query.replace('"…last cursor you saw…"', 'null') })),
  );
}

/** What national, provincial, kabupaten and desa dashboards ask for, and the shared benchmark's W1 and W2. */
export const DASHBOARD_QUERIES: DashboardQuery[] = [
  {
    name: 'national summary with the 38 provinces',
    query: `query National($year: Int!) {
      idmSummary(year: $year) { year assessed byStatus { status count } mean { score iks ike ikl } movedUp movedDown }
      idmYears { year assessed published }
      provinces {
        code name
        villageCounts { desa desaAdat kelurahan total }
        idmSummary(year: $year) { assessed byStatus { status count } mean { score iks ike ikl } movedUp movedDown }
      }
    }`,
    variables: { year: 2024 },
  },
  {
    name: "a province's kabupaten with their summaries",
    query: `query Province($code: String!, $year: Int!) {
      province(code: $code) {
        code name
        idmSummary(year: $year) { assessed byStatus { status count } mean { score } }
        kabupatens {
          code name kind
          villageCounts { desa kelurahan total }
          idmSummary(year: $year) { assessed byStatus { status count } mean { score iks ike ikl } movedUp movedDown }
        }
      }
    }`,
    variables: { code: '35', year: 2024 },
  },
  {
    name: "a kabupaten's kecamatan summaries and a page of 100 villages with IDM",
    query: `query Kabupaten($code: String!, $year: Int!, $after: String) {
      kabupaten(code: $code) {
        code name
        districts { code name idmSummary(year: $year) { assessed byStatus { status count } mean { score } } }
        villages(first: 100, after: $after, filter: { idmYear: $year }, orderBy: IDM_SCORE_ASC) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { code name kind district { name } idm(year: $year) { score status iks ike ikl targetStatus scoreToTarget statusMismatch } } }
        }
      }
    }`,
    variables: { code: '64.02', year: 2024 },
  },
  {
    name: 'a desa profile: IDM with its 50 indicators and history',
    query: `query Desa($code: String!) {
      village(code: $code) {
        code compactCode name kind
        district { code name kabupaten { code name province { code name } } }
        idm {
          year score status derivedStatus statusMismatch targetStatus targetMinScore scoreToTarget iks ike ikl recordedAt
          source { format file line note publishedCode }
          indicators { index number name score description activity potentialGain actors { pusat provinsi kabupaten desa csr lainnya } }
        }
        idmHistory { year score status iks ike ikl change { scoreDelta movement } }
      }
    }`,
    variables: { code: '6402082005' },
  },
  {
    name: 'a kecamatan page of 100 villages searched by name',
    query: `query Search($search: String!) {
      villages(filter: { search: $search }, first: 100) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { code name kind district { name kabupaten { name province { name } } } idm { year score status } } }
      }
    }`,
    variables: { search: 'sidomulyo' },
  },
  {
    name: 'W1 dashboard (shared benchmark): province 64 → kabupaten → kecamatan → 20 villages with IDM',
    query: fs.readFileSync(path.join(SHARED_QUERIES, 'w1.project.graphql'), 'utf8'),
    variables: { code: '64', year: 2024, first: 20 },
  },
  {
    name: 'W2 village page (shared benchmark)',
    query: fs.readFileSync(path.join(SHARED_QUERIES, 'w2.project.graphql'), 'utf8'),
    variables: { code: '64.02.08.2005' },
  },
];

/** Variables the dashboard (web/dashboard) sends with each of its operations, at their largest. */
const DASHBOARD_VARIABLES: Record<string, Record<string, unknown>> = {
  Years: { code: '64.02', province: false, kabupaten: true, district: false },
  NationalView: { year: 2024, prev: 2023 },
  // Shapes asked for: a view's largest answer is its first, with the map's boundaries.
  NationalMap: { year: 2024, shapes: true },
  ProvinceView: { code: '35', year: 2024, prev: 2023, shapes: true },
  KabupatenView: { code: '95.03', year: 2024, prev: 2023, shapes: true },
  DistrictView: { code: '64.02.08', year: 2024, prev: 2023, shapes: true },
  VillageList: { filter: { provinceCode: '35', idmYear: 2024, idmStatus: ['MAJU'], movement: ['UP'] }, orderBy: 'IDM_SCORE_ASC', year: 2024 },
  DesaView: { code: '6402082005', year: 2024 },
  Programs: {},
  ProgramView: { slug: 'desa-cerdas-2022', year: 2024, shapes: true },
  Search: { text: 'sidondo i' },
  Updates: { where: { kabupatenCode: '64.02' }, after: null },
  SummaryLive: { scope: { provinceCode: '64' }, year: 2024 },
  IdNationalView: { year: 2026, prev: 2025, withPrevious: true },
  IdNationalMap: { year: 2026, shapes: true },
  IdProvinceView: { code: '35', year: 2026, prev: 2025, withPrevious: true, shapes: true },
  IdKabupatenView: { code: '95.03', year: 2026, prev: 2025, withPrevious: true, shapes: true },
  IdDistrictView: { code: '64.02.08', year: 2026, prev: 2025, withPrevious: true, shapes: true },
  IdVillageList: { filter: { provinceCode: '35', indeksDesaYear: 2025, indeksDesaStatus: ['MAJU'], indeksDesaMovement: ['UP'] }, orderBy: 'INDEKS_DESA_SCORE_ASC', year: 2025 },
  IdDesaView: { code: '6402082005', year: 2025 },
  IdProgramView: { slug: 'desa-cerdas-2022', year: 2025, shapes: true },
  IdUpdates: { where: { kabupatenCode: '64.02' }, after: null },
  IdSummaryLive: { scope: { provinceCode: '64' }, year: 2025 },
};

/** Every operation of the dashboard's own documents, each with the fragments it spreads. */
export function webDashboardQueries(): DashboardQuery[] {
  const dir = path.resolve(__dirname, '../../web/dashboard/src');
  const files = [path.join(dir, 'operations.graphql'), path.join(dir, 'indeks-desa.graphql'), path.join(dir, 'components', 'provenance.graphql')];
  const operations = separateOperations(parse(files.map((f) => fs.readFileSync(f, 'utf8')).join('\n')));
  return Object.entries(operations).map(([name, document]) => {
    const variables = DASHBOARD_VARIABLES[name];
    if (!variables) throw new Error(`dashboard operation ${name} has no variables in DASHBOARD_VARIABLES`);
    return { name: `dashboard page: ${name}`, query: print(document), variables };
  });
}
