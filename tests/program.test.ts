import {
  AddLocusDocument,
  CreateProgramDocument,
  EnrollVillageDocument,
  ProgramScopeDocument,
  ProgramsDocument,
  ProgramTreeDocument,
  RemoveLocusDocument,
  UnenrollVillageDocument,
  UpdateLocusDocument,
  UpdateProgramDocument,
} from './generated/graphql';
import { Role } from '../src/auth/viewer';
import { errorCodes, mintTestToken, startTestServer, type TestServer } from './helpers/server';

let server: TestServer;
beforeAll(async () => {
  // ProgramScope walks a program's whole tree down to villages to check scoping; any program may
  // hold every kabupaten, so its cost bound (7.5 M objects) is far above the default, which this file is not about.
  server = await startTestServer({ MAX_QUERY_COST: '10000000' });
});
afterAll(() => server?.stop());

let counter = 0;
/** A fresh program per test: tests share one database. */
async function program(loci: { kabupatenCode: string; quota: number }[]): Promise<string> {
  const slug = `test-${process.pid}-${++counter}`;
  const created = await server.request(CreateProgramDocument, { input: { slug, name: `Test ${counter}`, year: 2024, agency: 'Kemendes PDTT' } });
  expect(created.errors).toBeUndefined();
  for (const locus of loci) {
    const added = await server.request(AddLocusDocument, { input: { programSlug: slug, ...locus } });
    expect(added.errors).toBeUndefined();
  }
  return slug;
}

describe('seeded Desa Cerdas facts', () => {
  it('has the 2021 and 2022 cohorts and the 2022 loci with their published quotas, and no invented enrolments', async () => {
    const { data } = await server.request(ProgramsDocument);
    const seeded = data!.programs.filter((p) => p.slug.startsWith('desa-cerdas-'));
    expect(seeded.map((p) => p.slug)).toEqual(['desa-cerdas-2021', 'desa-cerdas-2022']);
    const loci = Object.fromEntries(seeded[1]!.loci.map((l) => [l.kabupaten.code, l.quota]));
    expect(loci).toEqual({ '62.03': 15, '64.01': 10, '64.02': 10, '64.09': 10, '72.01': 20, '72.08': 20, '72.10': 20 });
    const tree = await server.request(ProgramTreeDocument, { slug: 'desa-cerdas-2022', first: 1 });
    expect(tree.data!.program!.loci.every((l) => l.enrolledCount === 0)).toBe(true);
  });
});

describe('enrolment rules', () => {
  it('enrols a desa of a locus, by either code form', async () => {
    const slug = await program([{ kabupatenCode: '6409', quota: 2 }]);
    const { data, errors } = await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode: '6409012020', enrolledOn: '2022-03-01' } });
    expect(errors).toBeUndefined();
    expect(data!.enrollVillage).toEqual({ enrolledOn: '2022-03-01', village: { code: '64.09.01.2020' }, locus: { quota: 2, kabupaten: { code: '64.09' } } });
  });

  it('refuses a village outside every locus, naming the village and its kabupaten', async () => {
    const slug = await program([{ kabupatenCode: '64.09', quota: 2 }]);
    const response = await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode: '64.02.08.2005' } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(/Kota Bangun Ulu \(64\.02\.08\.2005\).*Kutai Kartanegara \(64\.02\).*not a locus/);
  });

  it('refuses to go over a locus quota, naming the village and the locus, and keeps the count', async () => {
    const slug = await program([{ kabupatenCode: '64.09', quota: 2 }]);
    for (const villageCode of ['64.09.01.2020', '64.09.01.2021']) {
      expect((await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode } })).errors).toBeUndefined();
    }
    const full = await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode: '64.09.02.2001' } });
    expect(errorCodes(full)).toEqual(['BAD_USER_INPUT']);
    expect(full.errors![0]!.message).toMatch(/Locus Kabupaten Penajam Paser Utara \(64\.09\).* is full: 2 of 2 .*64\.09\.02\.2001/);
    const tree = await server.request(ProgramTreeDocument, { slug, first: 10 });
    expect(tree.data!.program!.loci[0]!.enrolledCount).toBe(2);
  });

  it('holds the quota when enrolments race', async () => {
    const slug = await program([{ kabupatenCode: '64.09', quota: 3 }]);
    const codes = ['64.09.01.2020', '64.09.01.2021', '64.09.01.2022', '64.09.02.2001', '64.09.02.2002', '64.09.02.2004'];
    const results = await Promise.all(codes.map((villageCode) => server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => r.errors).flatMap(errorCodes)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });

  it('refuses kelurahan, duplicates, unknown villages and malformed codes', async () => {
    const slug = await program([{ kabupatenCode: '64.09', quota: 5 }]);
    const enrol = (villageCode: string) => server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode } });
    expect((await enrol('64.09.01.1001')).errors![0]!.message).toMatch(/is a kelurahan/);
    expect((await enrol('64.09.01.2020')).errors).toBeUndefined();
    const again = await enrol('64.09.01.2020');
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toMatch(/already enrolled/);
    expect(errorCodes(await enrol('64.09.01.2999'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await enrol('64.9x'))).toEqual(['BAD_USER_INPUT']);
  });

  it('unenrols, freeing the quota', async () => {
    const slug = await program([{ kabupatenCode: '64.09', quota: 1 }]);
    expect((await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode: '64.09.01.2020' } })).errors).toBeUndefined();
    const removed = await server.request(UnenrollVillageDocument, { input: { programSlug: slug, villageCode: '6409012020' } });
    expect(removed.data!.unenrollVillage!.village.code).toBe('64.09.01.2020');
    expect(errorCodes(await server.request(UnenrollVillageDocument, { input: { programSlug: slug, villageCode: '6409012020' } }))).toEqual(['NOT_FOUND']);
    expect((await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode: '64.09.02.2001' } })).errors).toBeUndefined();
  });

  it('validates program and locus input with messages that say what to fix', async () => {
    const bad = await server.request(CreateProgramDocument, { input: { slug: 'Not A Slug', name: 'x', year: 1990, agency: 'x' } });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.message).toMatch(/slug must be lower-case/);
    expect(bad.errors![0]!.message).toMatch(/year must be 2000 or later/);
    const slug = await program([]);
    expect(errorCodes(await server.request(CreateProgramDocument, { input: { slug, name: 'again', year: 2024, agency: 'x' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.request(AddLocusDocument, { input: { programSlug: slug, kabupatenCode: '64.99', quota: 1 } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.request(AddLocusDocument, { input: { programSlug: slug, kabupatenCode: '64.09', quota: 0 } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.request(AddLocusDocument, { input: { programSlug: 'nope', kabupatenCode: '64.09', quota: 1 } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('guards mutations with the admin token', async () => {
    const input = { slug: `guard-${process.pid}`, name: 'x', year: 2024, agency: 'x' };
    expect(errorCodes(await server.request(CreateProgramDocument, { input }, { token: null }))).toEqual(['UNAUTHENTICATED']);
    const wrong = await server.request(CreateProgramDocument, { input }, { token: 'wrong-token' });
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors![0]!.message).toMatch(/not valid/);
  });
});

describe('aliased mutations', () => {
  it('run one after another, each answering with its own result or error; the valid ones are committed', async () => {
    const slug = await program([{ kabupatenCode: '64.09', quota: 5 }]);
    const response = await server.raw(
      `mutation($slug: String!) {
        first: enrollVillage(input: { programSlug: $slug, villageCode: "64.09.01.2020" }) { village { code } locus { enrolledCount } }
        second: enrollVillage(input: { programSlug: $slug, villageCode: "64.09.01.2999" }) { village { code } }
        third: enrollVillage(input: { programSlug: $slug, villageCode: "64.09.01.2021" }) { village { code } locus { enrolledCount } }
      }`,
      { slug },
    );
    expect(response.data).toEqual({
      first: { village: { code: '64.09.01.2020' }, locus: { enrolledCount: 1 } },
      second: null,
      // Each field reads after its own write: not the count the first field loaded.
      third: { village: { code: '64.09.01.2021' }, locus: { enrolledCount: 2 } },
    });
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['second'],
        message: 'input.villageCode "64.09.01.2999": no village 64.09.01.2999 in the register',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    const tree = await server.request(ProgramTreeDocument, { slug, first: 10 });
    expect(tree.data!.program!.loci[0]!.villages.edges.map((e) => e.node.code)).toEqual(['64.09.01.2020', '64.09.01.2021']);
  });
});

describe('changing programs and loci', () => {
  it('updates only the given fields of a program', async () => {
    const slug = await program([]);
    const { data, errors } = await server.request(UpdateProgramDocument, { input: { slug, name: 'Renamed', description: 'What it does now.' } });
    expect(errors).toBeUndefined();
    expect(data!.updateProgram).toEqual({ slug, name: 'Renamed', year: 2024, agency: 'Kemendes PDTT', description: 'What it does now.' });
    const cleared = await server.request(UpdateProgramDocument, { input: { slug, description: '' } });
    expect(cleared.data!.updateProgram!.description).toBeNull();
    const unknown = await server.request(UpdateProgramDocument, { input: { slug: 'no-such-program', name: 'x' } });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0]!.message).toBe('input.slug "no-such-program": no program with this slug; see the programs query');
    expect(errorCodes(await server.request(UpdateProgramDocument, { input: { slug, year: 1990 } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('changes a quota, never below the villages enrolled', async () => {
    const slug = await program([{ kabupatenCode: '64.09', quota: 3 }]);
    for (const villageCode of ['64.09.01.2020', '64.09.01.2021']) {
      expect((await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode } })).errors).toBeUndefined();
    }
    const below = await server.request(UpdateLocusDocument, { input: { programSlug: slug, kabupatenCode: '6409', quota: 1 } });
    expect(errorCodes(below)).toEqual(['BAD_USER_INPUT']);
    expect(below.errors![0]!.message).toBe(
      `input.quota 1: locus Kabupaten Penajam Paser Utara (64.09) of ${slug} has 2 villages enrolled; the quota cannot go below that (unenrol villages first)`,
    );
    const { data } = await server.request(UpdateLocusDocument, { input: { programSlug: slug, kabupatenCode: '64.09', quota: 2 } });
    expect(data!.updateLocus).toEqual({ quota: 2, enrolledCount: 2, kabupaten: { code: '64.09' } });
    expect(errorCodes(await server.request(UpdateLocusDocument, { input: { programSlug: slug, kabupatenCode: '64.02', quota: 5 } }))).toEqual(['NOT_FOUND']);
  });

  it('removes a locus only once it has no enrolments', async () => {
    const slug = await program([{ kabupatenCode: '64.09', quota: 3 }, { kabupatenCode: '72.10', quota: 3 }]);
    expect((await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode: '64.09.01.2020' } })).errors).toBeUndefined();
    const refused = await server.request(RemoveLocusDocument, { input: { programSlug: slug, kabupatenCode: '64.09' } });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toBe(`input.kabupatenCode "64.09": locus Kabupaten Penajam Paser Utara (64.09) of ${slug} still has 1 villages enrolled; unenrol them first`);
    expect((await server.request(RemoveLocusDocument, { input: { programSlug: slug, kabupatenCode: '72.10' } })).data!.removeLocus).toEqual({ quota: 3, kabupaten: { code: '72.10' } });
    await server.request(UnenrollVillageDocument, { input: { programSlug: slug, villageCode: '64.09.01.2020' } });
    expect((await server.request(RemoveLocusDocument, { input: { programSlug: slug, kabupatenCode: '64.09' } })).errors).toBeUndefined();
    const tree = await server.request(ProgramTreeDocument, { slug, first: 1 });
    expect(tree.data!.program!.loci).toEqual([]);
  });

  it('is for admins only', async () => {
    const slug = await program([{ kabupatenCode: '64.09', quota: 3 }]);
    const { token } = await mintTestToken({ role: Role.OPERATOR, scope: ['64.09'] });
    for (const response of [
      await server.request(UpdateProgramDocument, { input: { slug, name: 'x' } }, { token }),
      await server.request(UpdateLocusDocument, { input: { programSlug: slug, kabupatenCode: '64.09', quota: 9 } }, { token }),
      await server.request(RemoveLocusDocument, { input: { programSlug: slug, kabupatenCode: '64.09' } }, { token }),
    ]) {
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
    expect((await server.request(ProgramTreeDocument, { slug, first: 1 })).data!.program!.loci[0]!.quota).toBe(3);
  });
});

describe('navigation from a program stays inside it', () => {
  it("shows only the program's loci, districts and villages", async () => {
    const slug = await program([
      { kabupatenCode: '64.09', quota: 5 },
      { kabupatenCode: '72.10', quota: 5 },
    ]);
    for (const villageCode of ['64.09.01.2020', '64.09.03.2001', '72.10.01.2001']) {
      expect((await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode } })).errors).toBeUndefined();
    }
    const { data, errors } = await server.request(ProgramScopeDocument, { slug });
    expect(errors).toBeUndefined();
    const p = data!.program!;
    expect(p.provinces.map((x) => x.code)).toEqual(['64', '72']);
    const kaltim = p.provinces[0]!;
    expect(kaltim.kabupatens.map((k) => k.code)).toEqual(['64.09']);
    const ppu = kaltim.kabupatens[0]!;
    expect(ppu.districts.map((d) => d.code)).toEqual(['64.09.01', '64.09.03']);
    expect(ppu.districts.map((d) => d.villages.edges.map((e) => e.node.code))).toEqual([['64.09.01.2020'], ['64.09.03.2001']]);
    expect(ppu.villages.totalCount).toBe(2);
    expect(ppu.villageCounts.total).toBe(2);
    expect(p.villages.totalCount).toBe(3);
  });
});

describe('batching', () => {
  it('runs program → loci → villages → district → kabupaten → province in the same few statements for 5 or 50 villages', async () => {
    const slug = await program([
      { kabupatenCode: '64.02', quota: 60 },
      { kabupatenCode: '64.09', quota: 30 },
    ]);
    const kukar = await server.raw('{ kabupaten(code: "64.02") { villages(first: 55, filter: { kind: DESA }) { edges { node { code } } } } }');
    const ppu = await server.raw('{ kabupaten(code: "64.09") { villages(first: 30, filter: { kind: DESA }) { edges { node { code } } } } }');
    const codes = [kukar, ppu].flatMap((r) => (r.data as { kabupaten: { villages: { edges: { node: { code: string } }[] } } }).kabupaten.villages.edges.map((e) => e.node.code));
    for (const villageCode of codes) {
      expect((await server.request(EnrollVillageDocument, { input: { programSlug: slug, villageCode } })).errors).toBeUndefined();
    }
    const small = await server.request(ProgramTreeDocument, { slug, first: 5 });
    const large = await server.request(ProgramTreeDocument, { slug, first: 50 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data!.program!.loci.map((l) => l.villages.edges.length)).toEqual([50, 30]);
    expect(small.data!.program!.loci.map((l) => l.villages.edges.length)).toEqual([5, 5]);
    expect(large.data!.program!.loci.map((l) => l.villages.totalCount)).toEqual([55, 30]);
    // program, loci, locus kabupaten + enrolled counts, village pages, totals, districts, kabupaten, provinces
    expect(large.extensions!.sql!.statements).toBe(small.extensions!.sql!.statements);
    expect(large.extensions!.sql!.statements).toBeLessThanOrEqual(9);
  });
});
