import { loadConfig } from '../src/config';
import { importRegister } from '../src/importers/register.importer';
import {
  AllDistrictsDocument,
  DistrictVillagesDocument,
  type DistrictVillagesQuery,
  KabupatenOverviewDocument,
  ProvinceKabupatensDocument,
  RegisterCountsDocument,
  VillagePageDocument,
  VillageUpDocument,
} from './generated/graphql';
import { errorCodes, startTestServer, type GraphQLResponse, type TestServer } from './helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('the national register', () => {
  it('holds 38 provinces, 514 kabupaten/kota, 7,285 kecamatan and 83,762 villages of three kinds', async () => {
    const { data, errors } = await server.request(RegisterCountsDocument);
    expect(errors).toBeUndefined();
    expect(data!.provinces).toHaveLength(38);
    expect(data!.kabupatens.totalCount).toBe(514);
    expect(data!.kota.totalCount).toBe(98);
    expect(data!.villages.totalCount).toBe(83_762);
    expect(data!.desa.totalCount).toBe(75_252);
    expect(data!.kelurahan.totalCount).toBe(8_496);
    expect(data!.desaAdat.totalCount).toBe(14);
    const districts = await server.request(AllDistrictsDocument);
    expect(districts.data!.provinces.flatMap((p) => p.kabupatens.flatMap((k) => k.districts))).toHaveLength(7_285);
    // Three levels, one planned statement: provinces with their kabupaten with their districts.
    expect(districts.extensions!.sql!.statements).toBe(1);
  });

  it("lists Kalimantan Timur's 10 kabupaten/kota", async () => {
    const { data } = await server.request(ProvinceKabupatensDocument, { code: '64' });
    expect(data!.province!.name).toBe('Kalimantan Timur');
    expect(data!.province!.kabupatens.map((k) => k.code)).toEqual(['64.01', '64.02', '64.03', '64.07', '64.08', '64.09', '64.11', '64.71', '64.72', '64.74']);
    expect(data!.province!.kabupatens.filter((k) => k.kind === 'KOTA').map((k) => k.name)).toEqual(['Kota Balikpapan', 'Kota Samarinda', 'Kota Bontang']);
  });

  it('gives Penajam Paser Utara (64.09) 4 districts and 54 villages: 30 desa, 24 kelurahan', async () => {
    for (const code of ['64.09', '6409']) {
      const { data } = await server.request(KabupatenOverviewDocument, { code });
      const k = data!.kabupaten!;
      expect(k).toMatchObject({ code: '64.09', compactCode: '6409', name: 'Kabupaten Penajam Paser Utara', kind: 'KABUPATEN', province: { code: '64' } });
      expect(k.districts).toHaveLength(4);
      expect(k.villages.totalCount).toBe(54);
      expect(k.desa.totalCount).toBe(30);
      expect(k.villageCounts).toEqual({ total: 54, desa: 30, desaAdat: 0, kelurahan: 24 });
    }
  });

  it('finds a village by either code form and walks up to its province', async () => {
    for (const code of ['6402082005', '64.02.08.2005']) {
      const { data } = await server.request(VillageUpDocument, { code });
      expect(data!.village).toEqual({
        code: '64.02.08.2005',
        compactCode: '6402082005',
        name: 'Kota Bangun Ulu',
        kind: 'DESA',
        district: { code: '64.02.08', kabupaten: { code: '64.02', province: { code: '64', name: 'Kalimantan Timur' } } },
      });
    }
  });

  it('answers an unknown but well-formed code with null', async () => {
    const { data, errors } = await server.request(VillageUpDocument, { code: '6402089999' });
    expect(errors).toBeUndefined();
    expect(data!.village).toBeNull();
    const province = await server.raw('{ province(code: "99") { name } kabupaten(code: "64.99") { name } district(code: "640299") { name } }');
    expect(province).toEqual({ data: { province: null, kabupaten: null, district: null }, extensions: expect.anything() });
  });

  it.each([
    ['kabupaten', '64.9x'],
    ['village', '64.02'],
    ['district', 'abc'],
    ['province', '640'],
  ])('refuses a malformed %s code %j with BAD_USER_INPUT naming it', async (field, code) => {
    const response = await server.raw(`query($code: String!) { ${field}(code: $code) { code } }`, { code });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain(`"${code}" is not a ${field} code`);
    expect(response.data).toEqual({ [field]: null });
  });

  it('imports idempotently: a second run changes nothing', async () => {
    const config = loadConfig({ DATABASE_URL: process.env.DESA_TEST_DATABASE_URL });
    const report = await importRegister(config.databaseUrl!, { dir: config.registerDir, plain: true, stream: devNull() });
    for (const table of [report.provinces, report.kabupatens, report.districts, report.villages]) {
      expect(table.inserted + table.updated).toBe(0);
      expect(table.unchanged).toBe(table.total);
    }
    expect(report.villages.total).toBe(83_762);
  });
});

describe('pagination', () => {
  it('walks a district page by page with opaque cursors, no gaps, no repeats', async () => {
    const all = await server.request(DistrictVillagesDocument, { code: '64.02.08', first: 500 });
    const codes = all.data!.district!.villages.edges.map((e) => e.node.code);
    expect(codes.length).toBe(all.data!.district!.villages.totalCount);
    const walked: string[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const result: GraphQLResponse<DistrictVillagesQuery> = await server.request(DistrictVillagesDocument, { code: '64.02.08', first: 3, after });
      const page = result.data!.district!.villages;
      walked.push(...page.edges.map((e) => e.node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(codes);
  });

  it('serves up to 500 items and refuses 501 with BAD_USER_INPUT', async () => {
    const ok = await server.request(VillagePageDocument, { first: 500 });
    expect(ok.data!.villages.edges).toHaveLength(500);
    expect(ok.data!.villages.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const tooMany = await server.request(VillagePageDocument, { first: 501 });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors![0]!.message).toMatch(/first must be between 0 and 500/);
    const negative = await server.request(VillagePageDocument, { first: -1 });
    expect(errorCodes(negative)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a cursor it did not issue', async () => {
    const response = await server.request(VillagePageDocument, { first: 5, after: 'not-a-cursor' });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('search', () => {
  it('ignores case, accents and quotes', async () => {
    for (const search of ['soka"an', 'SOKAAN', 'Sókaan']) {
      const { data } = await server.request(VillagePageDocument, { filter: { search }, first: 10 });
      expect(data!.villages.edges.map((e) => e.node.code)).toContain('35.13.15.2017');
    }
  });

  it('combines name search with region and kind filters', async () => {
    const { data } = await server.request(VillagePageDocument, { filter: { search: 'bangun', kabupatenCode: '6402', kind: 'DESA' }, first: 100 });
    const codes = data!.villages.edges.map((e) => e.node.code);
    expect(codes).toContain('64.02.08.2005');
    expect(codes.every((c) => c.startsWith('64.02.'))).toBe(true);
    expect(data!.villages.edges.every((e) => e.node.kind === 'DESA' && /bangun/i.test(e.node.name))).toBe(true);
    expect(data!.villages.totalCount).toBe(codes.length);
  });

  it('refuses an unknown program filter', async () => {
    const response = await server.request(VillagePageDocument, { filter: { programSlug: 'no-such-program' }, first: 1 });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

function devNull(): NodeJS.WriteStream {
  return { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
}
