import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApolloClient, HttpLink, InMemoryCache, gql, type NormalizedCacheObject } from '@apollo/client/core/core.cjs';
import { lastYear } from '../src/idm/idm.rules';
import { startTestServer, type TestServer } from './helpers/server';
import { Subscriber } from './helpers/subscriber';

/**
 * Global object identification (src/graphql/node.ts): every object with identity has an `id` that
 * `node` answers, a region seen through a program has another id than the national one, and the
 * two real clients that depend on it, Apollo Client's normalized cache and relay-compiler, work.
 */

const run = promisify(execFile);
/** Next year: a valid year no published file holds, so this file's writes touch nothing else. */
const YEAR = lastYear();
const SLUG = `node-test-${process.pid}`;

/** One fragment per type, used to read an object where the API hands it out and again through `node`. */
const FRAGMENTS = `
  fragment P on Province { __typename id code kabupatens { id code } }
  fragment K on Kabupaten { __typename id code districts { id code } }
  fragment D on District { __typename id code villages(first: 100) { totalCount edges { node { id code } } } }
  fragment V on Village { __typename id code kabupaten { id } }
  fragment Prog on Program { __typename id slug }
  fragment L on ProgramLocus { __typename id quota kabupaten { id code } }
  fragment E on Enrolment { __typename id enrolledOn village { id code } program { id } }
  fragment A on IdmAssessment { __typename id year score village { id code } }
  fragment U on IdmUpdate { __typename id year current { score } village { id code } }
`;
const ANY = '...P ...K ...D ...V ...Prog ...L ...E ...A ...U';

/** `text` with the fragments it spreads (GraphQL refuses a document with an unused one). */
function doc(text: string): string {
  const used = new Set([...text.matchAll(/\.\.\.(\w+)/g)].map((m) => m[1]!));
  return [text, ...FRAGMENTS.split('\n').filter((line) => used.has(/fragment (\w+)/.exec(line)?.[1] ?? ""))].join('\n');
}

interface Obj {
  __typename: string;
  id: string;
  [key: string]: unknown;
}

let server: TestServer;
let village: string;
let district: string;
/** Every object read where the API hands it out, by a name saying which. */
const objects: Record<string, Obj> = {};

async function query<T = Record<string, any>>(text: string, variables?: Record<string, unknown>): Promise<{ data: T; statements: number }> {
  const response = await server.raw(text, variables);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return { data: response.data as T, statements: response.extensions!.sql!.statements };
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

beforeAll(async () => {
  server = await startTestServer({ RESPONSE_CACHE: '0' });
  // A desa of Kutai Kartanegara no other file writes IDM for, enrolled in a program of this file's own.
  const list = await query(`{ kabupaten(code: "64.02") { villages(first: 40, filter: { kind: DESA }) { edges { node { code district { code } } } } } }`);
  const last = list.data.kabupaten.villages.edges.at(-1).node;
  village = last.code;
  district = last.district.code;
  const cursor = (await query(`{ idmChangeCursor }`)).data.idmChangeCursor as string;
  const changes = new Subscriber<{ idmUpdated: Obj }>(server.url, doc(`subscription($where: IdmUpdateFilter, $after: String) { idmUpdated(where: $where, after: $after) { ...U } }`), {
    where: { villageCode: village },
    after: cursor,
  });
  try {
    // server.raw sends mutations as the test admin.
    const write = async (text: string, variables: Record<string, unknown>) => {
      const response = await server.raw(text, variables);
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data as Record<string, any>;
    };
    await write(`mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`, { input: { slug: SLUG, name: 'Node test', year: 2024, agency: 'Test' } });
    for (const kabupatenCode of ['64.01', '64.02', '64.09']) {
      await write(`mutation($input: AddLocusInput!) { addLocus(input: $input) { id } }`, { input: { programSlug: SLUG, kabupatenCode, quota: 5 } });
    }
    const enrolled = await write(doc(`mutation($input: EnrollVillageInput!) { enrollVillage(input: $input) { ...E } }`), { input: { programSlug: SLUG, villageCode: village } });
    objects.enrolment = enrolled.enrollVillage;
    await write(`mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { received } }`, {
      input: [{ villageCode: village, year: YEAR, iks: 0.61, ike: 0.61, ikl: 0.61, score: 0.61 }],
    });
    objects.change = (await changes.waitFor(1))[0]!.idmUpdated;
  } finally {
    await changes.close();
  }

  const { data } = await query(
    doc(`query($slug: String!, $district: String!, $village: String!, $year: Int!) {
      province(code: "64") { ...P }
      kabupaten(code: "64.02") { ...K }
      district(code: $district) { ...D }
      village(code: $village) { ...V idm(year: $year) { ...A } }
      program(slug: $slug) {
        ...Prog
        loci { ...L }
        villages(first: 5) { edges { node { ...V district { ...D } kabupaten { ...K } province { ...P } } } }
      }
    }`),
    { slug: SLUG, district, village, year: YEAR },
  );
  const { idm, ...nationalVillage } = data.village;
  // The enrolled desa as the program sees it, and its parents, which stay in the program.
  const { district: programDistrict, kabupaten: programKabupaten, province: programProvince, ...programVillage } = data.program.villages.edges.find((e: { node: Obj }) => e.node.code === village).node;
  Object.assign(objects, {
    province: data.province,
    kabupaten: data.kabupaten,
    district: data.district,
    village: nationalVillage,
    assessment: idm,
    program: { __typename: 'Program', id: data.program.id, slug: data.program.slug },
    locus: data.program.loci.find((l: Obj) => (l.kabupaten as Obj).code === '64.02'),
    programProvince,
    programKabupaten,
    programDistrict,
    programVillage: { ...programVillage, kabupaten: { id: programKabupaten.id } },
  });
});
afterAll(async () => {
  await server?.stop();
});

describe('global ids', () => {
  it('are on every object with identity, distinct, and opaque', () => {
    const names = ['province', 'kabupaten', 'district', 'village', 'program', 'locus', 'enrolment', 'assessment', 'change', 'programProvince', 'programKabupaten', 'programDistrict', 'programVillage'];
    for (const name of names) expect(objects[name]).toEqual(expect.objectContaining({ id: expect.stringMatching(/^[A-Za-z0-9_-]+$/) }));
    const ids = names.map((n) => objects[n]!.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Nothing of the object shows through as text: clients must not parse ids.
    expect(objects.province!.id).not.toContain('64');
  });

  it('round-trip through node: each answers with the same object, its fields as where it was handed out', async () => {
    for (const [name, object] of Object.entries(objects)) {
      const { data } = await query(doc(`query($id: ID!) { node(id: $id) { ${ANY} } }`), { id: object.id });
      expect({ name, node: data.node }).toEqual({ name, node: object });
    }
  });

  it('mean the same on another instance: ids are made of natural keys, not of anything a process holds', async () => {
    const other = await startTestServer({ RESPONSE_CACHE: '0' });
    try {
      const response = await other.raw(doc(`query($ids: [ID!]!) { nodes(ids: $ids) { ${ANY} } }`), { ids: Object.values(objects).map((o) => o.id) });
      expect(response.errors).toBeUndefined();
      expect(response.data!.nodes).toEqual(Object.values(objects));
    } finally {
      await other.stop();
    }
  });

  it('tell a program\'s regions from the national ones: their fields answer for the program', () => {
    const national = objects.province!;
    const inProgram = objects.programProvince!;
    expect(inProgram.id).not.toBe(national.id);
    expect((national.kabupatens as Obj[]).map((k) => k.code)).toHaveLength(10);
    expect((inProgram.kabupatens as Obj[]).map((k) => k.code)).toEqual(['64.01', '64.02', '64.09']);
    // Ids below a program's region stay in the program.
    const nationalIds = new Set((national.kabupatens as Obj[]).map((k) => k.id));
    for (const k of inProgram.kabupatens as Obj[]) expect(nationalIds.has(k.id)).toBe(false);
    expect((objects.programDistrict!.villages as { totalCount: number }).totalCount).toBe(1);
    expect((objects.district!.villages as { totalCount: number }).totalCount).toBeGreaterThan(1);
    expect(objects.programVillage!.id).not.toBe(objects.village!.id);
    expect((objects.programVillage!.kabupaten as Obj).id).toBe(objects.programKabupaten!.id);
  });

  it('answer null for ids the API never handed out, malformed or unknown', async () => {
    const programKey = Buffer.from(objects.program!.id, 'base64url').toString().split(':')[1]!;
    const other = (await query(`{ kabupaten(code: "64.02") { villages(first: 1, filter: { kind: DESA }) { edges { node { code } } } } }`)).data.kabupaten.villages.edges[0].node.code;
    const ids = [
      'not an id',
      '!!!',
      b64('Province'),
      b64('Province:99'),
      b64('Province:64:65'),
      b64('Kabupaten:6402'), // the compact spelling: only the dotted code is an id
      `${b64('Province:64')}=`,
      b64('Nothing:64'),
      b64(`Program:${programKey}:Province:72`), // no locus there
      b64(`Program:${programKey}:Kabupaten:64.03`), // not a locus
      b64(`Program:${programKey}:Village:${other}`), // not enrolled
      b64(`Program:${programKey}:Region:64`),
      b64('Program:2147483648'),
      b64('Program:0'),
      b64(`ProgramLocus:${programKey}:64.03`),
      b64(`Enrolment:${programKey}:${other}`),
      b64(`IdmAssessment:${other}:${YEAR}`),
      b64(`IdmAssessment:${village}:1999`),
      b64('IdmUpdate:999999999999'),
      b64('IdmUpdate:99999999999999999999'),
    ];
    for (const id of ids) {
      const response = await server.raw(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect({ id, response: { data: response.data, errors: response.errors } }).toEqual({ id, response: { data: { node: null }, errors: undefined } });
    }
  });

  it('nodes answers many ids in order, one statement per kind of object however many ids', async () => {
    const lists = await query(`{ provinces { id } kabupaten(code: "64.02") { villages(first: 62) { edges { node { id } } } } }`);
    const provinces: string[] = lists.data.provinces.map((p: Obj) => p.id);
    const villages: string[] = lists.data.kabupaten.villages.edges.map((e: { node: Obj }) => e.node.id);
    expect(provinces).toHaveLength(38);
    const ids = [...provinces, ...villages, b64('Province:99')];
    expect(ids).toHaveLength(101);
    const many = await query(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Province { code } ... on Village { code } } }`, { ids: ids.slice(0, 100) });
    expect(many.data.nodes.map((n: Obj | null) => n?.id ?? null)).toEqual(ids.slice(0, 100));
    expect(many.statements).toBe(2);
    // Every kind at once, an unknown id among them: still one statement per kind of read.
    const all = [...Object.values(objects).map((o) => o.id), b64('Province:99')];
    const mixed = await query(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: all });
    expect(mixed.data.nodes).toEqual([...Object.values(objects).map((o) => ({ __typename: o.__typename, id: o.id })), null]);
    // One each: the four levels (national and the program's alike), the program, the program's reach of a
    // province or kabupaten (its loci) and of a kecamatan, enrolments (a program's desa and the
    // enrolment), loci, assessments of the year, changes.
    expect(mixed.statements).toBe(11);
    const refused = await server.raw(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids', max: 100 });
  });

  it('keep the planner at one statement for a tree of regions with their ids', async () => {
    const tree = await query(`{ province(code: "64") { id kabupatens { id districts { id villages(first: 5) { edges { node { id idm { id } } } } } } } }`);
    expect(tree.statements).toBe(1);
    expect(tree.data.province.id).toBe(objects.province!.id);
  });
});

describe('Apollo Client 3 with its default InMemoryCache', () => {
  const PROGRAM = gql`
    query ProgramProvinces($slug: String!) {
      program(slug: $slug) { id provinces { id code kabupatens { id code } } }
    }
  `;
  const PROVINCE = gql`
    query Province($code: String!) {
      province(code: $code) { id code kabupatens { id code } }
    }
  `;
  const client = (cache: InMemoryCache) => new ApolloClient({ cache, link: new HttpLink({ uri: server.url, fetch }) });
  const codes = (province: { kabupatens: { code: string }[] } | undefined) => province?.kabupatens.map((k) => k.code);

  it("keeps a program's Province 64 apart from the national one, and refetches it through node", async () => {
    const cache = new InMemoryCache();
    const apollo = client(cache);
    const program = await apollo.query({ query: PROGRAM, variables: { slug: SLUG } });
    expect(codes(program.data.program.provinces.find((p: { code: string }) => p.code === '64'))).toEqual(['64.01', '64.02', '64.09']);
    const national = await apollo.query({ query: PROVINCE, variables: { code: '64' } });
    expect(codes(national.data.province)).toHaveLength(10);
    // Normalized: each province and kabupaten is one cache entry, the program's apart from the nation's.
    const entries = Object.keys(cache.extract() as NormalizedCacheObject);
    expect(entries).toEqual(expect.arrayContaining([`Province:${objects.province!.id}`, `Province:${objects.programProvince!.id}`]));
    // The program's view, read back from the cache only, still has its 3 loci.
    const cached = cache.readQuery<{ program: { provinces: { code: string; kabupatens: { code: string }[] }[] } }>({ query: PROGRAM, variables: { slug: SLUG } });
    expect(codes(cached!.program.provinces.find((p) => p.code === '64'))).toEqual(['64.01', '64.02', '64.09']);

    // Refetching the program's province by its id lands on the same cache entry.
    const refetched = await apollo.query({
      query: gql`query Refetch($id: ID!) { node(id: $id) { id ... on Province { code kabupatens { id code } } } }`,
      variables: { id: objects.programProvince!.id },
      fetchPolicy: 'network-only',
    });
    expect(codes(refetched.data.node)).toEqual(['64.01', '64.02', '64.09']);
    expect(cache.identify(refetched.data.node)).toBe(`Province:${objects.programProvince!.id}`);
    expect(codes(cache.readQuery<{ province: { kabupatens: { code: string }[] } }>({ query: PROVINCE, variables: { code: '64' } })!.province)).toHaveLength(10);
    apollo.stop();
  });

  it('mixes them when a client keys Province by code, as this test would catch', async () => {
    const cache = new InMemoryCache({ typePolicies: { Province: { keyFields: ['code'] }, Kabupaten: { keyFields: ['code'] } } });
    const apollo = client(cache);
    await apollo.query({ query: PROGRAM, variables: { slug: SLUG } });
    await apollo.query({ query: PROVINCE, variables: { code: '64' } });
    const cached = cache.readQuery<{ program: { provinces: { code: string; kabupatens: { code: string }[] }[] } }>({ query: PROGRAM, variables: { slug: SLUG } });
    expect(codes(cached!.program.provinces.find((p) => p.code === '64'))).toHaveLength(10);
    apollo.stop();
  });
});

describe('relay-compiler', () => {
  it('compiles a @refetchable fragment against the committed schema into a refetch query through node, which the server answers', async () => {
    const root = path.resolve(__dirname, '..');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-'));
    try {
      fs.mkdirSync(path.join(dir, '__generated__'));
      const relative = (p: string) => path.relative(dir, path.join(root, p));
      fs.writeFileSync(
        path.join(dir, 'relay.config.json'),
        JSON.stringify({ src: relative('tests/relay/src'), schema: relative('schema/schema.graphql'), language: 'typescript', artifactDirectory: './__generated__' }),
      );
      await run(path.join(root, 'node_modules/.bin/relay-compiler'), [], { cwd: dir });
      const artifact = fs.readFileSync(path.join(dir, '__generated__', 'ProvinceCardRefetchQuery.graphql.ts'), 'utf8');
      const text = JSON.parse(/"text": ("(?:[^"\\]|\\.)*")/.exec(artifact)![1]!) as string;
      expect(text).toMatch(/query ProvinceCardRefetchQuery\([^)]*\$id: ID!/);
      expect(text).toMatch(/node\(id: \$id\)/);
      // What Relay sends to refetch the program's province: the program's kabupaten come back.
      const { data } = await query(text, { id: objects.programProvince!.id, year: YEAR });
      expect(data.node).toMatchObject({ __typename: 'Province', id: objects.programProvince!.id, code: '64' });
      expect(data.node.kabupatens.map((k: Obj) => k.code)).toEqual(['64.01', '64.02', '64.09']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
