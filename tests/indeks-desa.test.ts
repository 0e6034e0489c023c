import pg from 'pg';
import { Role } from '../src/auth/viewer';
import { IndexStatus } from '../src/index-family/index-status';
import { RejectReason } from '../src/index-family/reject-reason';
import { recordIndeksDesa } from '../src/indeks-desa/indeks-desa.writer';
import { withSql } from '../src/db/sql';
import { errorCodes, mintTestToken, startTestServer, type TestServer } from './helpers/server';
import { Subscriber } from './helpers/subscriber';

/**
 * The Indeks Desa on the real server and PostgreSQL: the mutations (accepted, rejected by column,
 * mismatches flagged, scoped, retracted, idempotent), the village reads, the status track across
 * IDM 2024 and Indeks Desa 2025, and the year rule that keeps the two families apart. The desa are
 * three of Kecamatan Bumi Agung, Lampung Timur (18.07.14); writes are taken back after each test.
 */

const url = () => process.env.DESA_TEST_DATABASE_URL!;
const [DONOMULYO, NYAMPIR, THIRD] = ['18.07.14.2001', '18.07.14.2002', '18.07.14.2003'];
const KELURAHAN = '64.09.01.1001';

const RECORD = `mutation($input: [IndeksDesaInput!]!) { recordIndeksDesa(input: $input) { received inserted updated unchanged changes mismatches { index field message } } }`;
const RETRACT = `mutation($villageCode: String!, $year: Int!, $reason: String!) { retractIndeksDesa(villageCode: $villageCode, year: $year, reason: $reason) { year reason previous { score status } village { code } } }`;
const VILLAGE = `query($code: String!, $year: Int) { village(code: $code) {
  indeksDesa(year: $year) { year score status derivedStatus statusMismatch scoreMismatch targetStatus targetMinScore scoreToTarget
    dimensions { layananDasar sosial ekonomi lingkungan aksesibilitas tataKelola } provenance { format file line recordedBy } }
  indeksDesaHistory { year score }
  statusTrack { year index status score } } }`;

/** Donomulyo as published in the Lampung Timur 2025 sheet: 469 points, 73.86, MAJU. */
const donomulyo = { villageCode: '1807142001', year: 2025, layananDasar: 123, sosial: 73, ekonomi: 122, lingkungan: 42, aksesibilitas: 38, tataKelola: 71, score: 73.86, status: 'MAJU' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

async function clean(): Promise<void> {
  for (const code of [DONOMULYO, NYAMPIR, THIRD]) {
    for (const year of [2025, 2026]) {
      const r = await server.raw(RETRACT, { villageCode: code, year, reason: 'test clean-up' });
      if (r.errors && errorCodes(r)[0] !== 'NOT_FOUND') throw new Error(JSON.stringify(r.errors));
    }
  }
}
// Other suites of the run may have loaded these desa (the dashboard's imports the sample sheets).
beforeAll(clean);
afterEach(clean);

/** The change log's last id before each test: a test reads only the changes it made. */
let logMark = '0';
beforeEach(async () => {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    logMark = (await client.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from idm_change`)).rows[0]!.id;
  } finally {
    await client.end();
  }
});

async function changeRows(code: string): Promise<{ family: string; year: number; score: number | null; status: string | null; movement: string }[]> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    return (
      await client.query(`select family, year, score, status, movement from idm_change where village_code = $1 and family = 'INDEKS_DESA' and id > $2::bigint order by id`, [code, logMark])
    ).rows;
  } finally {
    await client.end();
  }
}

describe('recordIndeksDesa', () => {
  it('stores the published dimensions, score and status with what the rules derive; a second write writes nothing', async () => {
    const first = await server.raw(RECORD, { input: [donomulyo, { ...donomulyo, villageCode: NYAMPIR, layananDasar: 95, sosial: 45, ekonomi: 108, lingkungan: 34, aksesibilitas: 38, tataKelola: 69, score: undefined, status: undefined }] });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordIndeksDesa).toEqual({ received: 2, inserted: 2, updated: 0, unchanged: 0, changes: 2, mismatches: [] });

    const { data } = await server.raw(VILLAGE, { code: DONOMULYO, year: 2025 });
    expect((data!.village as { indeksDesa: unknown }).indeksDesa).toEqual({
      year: 2025,
      score: 73.86,
      status: 'MAJU',
      derivedStatus: 'MAJU',
      statusMismatch: false,
      scoreMismatch: false,
      targetStatus: 'MANDIRI',
      targetMinScore: 79.63,
      scoreToTarget: 5.77,
      dimensions: { layananDasar: 123, sosial: 73, ekonomi: 122, lingkungan: 42, aksesibilitas: 38, tataKelola: 71 },
      provenance: { format: 'graphql', file: 'recordIndeksDesa', line: 1, recordedBy: 'token:test-admin' },
    });
    // Score and status omitted: Σ/635×100 and the status it gives.
    const nyampir = (await server.raw(VILLAGE, { code: NYAMPIR })).data!.village as { indeksDesa: Record<string, unknown> };
    expect(nyampir.indeksDesa).toMatchObject({ score: 61.26, status: null, derivedStatus: 'BERKEMBANG', targetStatus: 'MAJU', scoreToTarget: 8.09 });

    const again = await server.raw(RECORD, { input: [donomulyo] });
    expect(again.data!.recordIndeksDesa).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, changes: 0 });
    expect(await changeRows(DONOMULYO)).toEqual([{ family: 'INDEKS_DESA', year: 2025, score: 73.86, status: 'MAJU', movement: 'NEW' }]);
  });

  it('stores a score off Σ/635×100 and a status off the score as published, flagged and reported', async () => {
    const r = await server.raw(RECORD, { input: [{ ...donomulyo, score: 75.1, status: 'MANDIRI' }] });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordIndeksDesa).toMatchObject({
      inserted: 1,
      mismatches: [
        { index: 0, field: 'score', message: 'published score 75.1 differs from Σ dimensions / 635 × 100 = 73.86 by more than 0.01; stored as published' },
        { index: 0, field: 'status', message: 'published status MANDIRI differs from MAJU, which score 75.1 gives; stored as published' },
      ],
    });
    const a = ((await server.raw(VILLAGE, { code: DONOMULYO, year: 2025 })).data!.village as { indeksDesa: Record<string, unknown> }).indeksDesa;
    expect(a).toMatchObject({ score: 75.1, status: 'MANDIRI', derivedStatus: 'MAJU', statusMismatch: true, scoreMismatch: true, targetStatus: 'MANDIRI', scoreToTarget: 4.53 });
  });

  it('refuses a batch with a dimension out of range, an unknown code or a kelurahan, naming each item and column, writing none of it', async () => {
    const r = await server.raw(RECORD, {
      input: [donomulyo, { ...donomulyo, villageCode: NYAMPIR, sosial: 86 }, { ...donomulyo, villageCode: '1807149999' }, { ...donomulyo, villageCode: KELURAHAN }],
    });
    expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
    const message = r.errors![0]!.message;
    expect(message).toMatch(/^Nothing was recorded: 3 of 4 items are invalid\. /);
    expect(message).toContain('input[1].sosial 86: sosial 86 is outside 0..85, its maximum points.');
    expect(message).toContain('input[2].villageCode "1807149999"');
    expect(message).toContain(`input[3].villageCode "${KELURAHAN}"`);
    expect(message).toContain('is a kelurahan; Indeks Desa assesses desa only');
    const reasons = (r.errors![0]!.extensions as { errors: { index: number; field: string; reason: string }[] }).errors.map((e) => [e.index, e.field, e.reason]);
    expect(reasons).toEqual([
      [1, 'sosial', RejectReason.SCORE_OUT_OF_RANGE],
      [2, 'villageCode', RejectReason.UNKNOWN_CODE],
      [3, 'villageCode', RejectReason.KELURAHAN],
    ]);
    expect(((await server.raw(VILLAGE, { code: DONOMULYO, year: 2025 })).data!.village as { indeksDesa: unknown }).indeksDesa).toBeNull();
  });

  it('rejects a missing dimension in a file row by row and column, and accepts the rest (importers are not all or nothing)', async () => {
    const row = (villageCode: string, line: number, tataKelola: number | null) => ({
      source: { format: 'indeks-desa-wide' as const, file: 'lampung-timur.csv', line },
      villageCode,
      names: {},
      year: 2025,
      dimensions: { layananDasar: 123, sosial: 73, ekonomi: 122, lingkungan: 42, aksesibilitas: 38, tataKelola },
      score: null,
      status: null,
      statusText: null,
    });
    const report = await withSql(url(), 'indeks-desa-test', (sql) => recordIndeksDesa(sql, [row('1807142001', 2, 71), row('1807142002', 3, null)], { actor: 'cli:test' }));
    expect(report).toMatchObject({ accepted: 1, inserted: 1, rejectedByReason: { MALFORMED: 1 } });
    expect(report.rejects).toEqual([
      { index: 1, source: { format: 'indeks-desa-wide', file: 'lampung-timur.csv', line: 3 }, villageCode: '1807142002', year: 2025, reason: 'MALFORMED', field: 'tataKelola', message: 'tataKelola is missing: the Indeks Desa needs all six dimensions.' },
    ]);
  });

  it('takes back a file row only while the stored value is still that row (VALUE_DIFFERS otherwise), and rolls a dry run back', async () => {
    const source = { format: 'indeks-desa-long' as const, file: 'lampung-timur-long.csv', line: 2 };
    const dimensions = { layananDasar: 123, sosial: 73, ekonomi: 122, lingkungan: 42, aksesibilitas: 38, tataKelola: 71 };
    const write = (writes: Parameters<typeof recordIndeksDesa>[1], dryRun = false) => withSql(url(), 'indeks-desa-test', (sql) => recordIndeksDesa(sql, writes, { actor: 'cli:test', dryRun }));
    const dry = await write([{ source, villageCode: '1807142001', names: {}, year: 2025, dimensions, score: 73.86, status: null, statusText: null }], true);
    expect(dry).toMatchObject({ dryRun: true, inserted: 1 });
    expect(((await server.raw(VILLAGE, { code: DONOMULYO, year: 2025 })).data!.village as { indeksDesa: unknown }).indeksDesa).toBeNull();

    await server.raw(RECORD, { input: [donomulyo] });
    const retraction = (sosial: number) => ({ kind: 'retraction' as const, source, villageCode: '1807142001', names: {}, year: 2025, reason: 'wrong file', expected: { dimensions: { ...dimensions, sosial }, score: 73.86, status: null } });
    const differs = await write([retraction(70)]);
    expect(differs.rejects).toEqual([expect.objectContaining({ reason: 'VALUE_DIFFERS', field: 'score', message: "Donomulyo (18.07.14.2001) 2025 holds other values than this row (both score 73.86): it was written since, so it is left alone" })]);
    expect(differs.retracted).toBe(0);
    // The stored status is MAJU, which this row does not carry either.
    expect((await write([retraction(73)])).rejectedByReason).toEqual({ VALUE_DIFFERS: 1 });
    const same = await write([{ ...retraction(73), expected: { dimensions, score: 73.86, status: IndexStatus.MAJU } }]);
    expect(same).toMatchObject({ retracted: 1, retractions: [{ villageCode: DONOMULYO, year: 2025, previous: { score: 73.86, status: 'MAJU' } }] });
  });

  it('lets an OPERATOR write in its scope only', async () => {
    const { token } = await mintTestToken({ role: Role.OPERATOR, subject: 'dinas-pmd-lamtim', scope: ['18.07'] });
    const { token: elsewhere } = await mintTestToken({ role: Role.OPERATOR, subject: 'dinas-pmd-kukar', scope: ['64.02'] });
    expect((await server.raw(RECORD, { input: [donomulyo] }, { token })).errors).toBeUndefined();
    const refused = await server.raw(RECORD, { input: [{ ...donomulyo, villageCode: NYAMPIR }] }, { token: elsewhere });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0]!.message).toBe('Nothing was recorded: the token of dinas-pmd-kukar may write in 64.02 only, and Nyampir (18.07.14.2002) lies outside.');
    const retract = await server.raw(RETRACT, { villageCode: DONOMULYO, year: 2025, reason: 'x' }, { token: elsewhere });
    expect(errorCodes(retract)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await server.raw(RECORD, { input: [donomulyo] }, { token: null }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('retractIndeksDesa', () => {
  it('takes a value back into the change log, and answers NOT_FOUND when there is none', async () => {
    await server.raw(RECORD, { input: [donomulyo] });
    const r = await server.raw(RETRACT, { villageCode: '1807142001', year: 2025, reason: ' typed into the wrong desa ' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.retractIndeksDesa).toEqual({ year: 2025, reason: 'typed into the wrong desa', previous: { score: 73.86, status: 'MAJU' }, village: { code: DONOMULYO } });
    expect(((await server.raw(VILLAGE, { code: DONOMULYO, year: 2025 })).data!.village as { indeksDesa: unknown }).indeksDesa).toBeNull();
    expect((await changeRows(DONOMULYO)).slice(-1)).toEqual([{ family: 'INDEKS_DESA', year: 2025, score: null, status: null, movement: 'RETRACTED' }]);
    const none = await server.raw(RETRACT, { villageCode: DONOMULYO, year: 2025, reason: 'again' });
    expect(errorCodes(none)).toEqual(['NOT_FOUND']);
    expect(none.errors![0]!.message).toBe('Nothing was retracted: Donomulyo (18.07.14.2001) has no Indeks Desa record for 2025; nothing to retract.');
  });
});

describe('the two families', () => {
  const IDM = `mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { inserted } }`;
  const RETRACT_IDM = `mutation($v: String!, $y: Int!) { retractIdmAssessment(villageCode: $v, year: $y, reason: "test clean-up") { year } }`;
  afterEach(async () => {
    await server.raw(RETRACT_IDM, { v: DONOMULYO, y: 2024 });
  });

  it('lists IDM 2024 then Indeks Desa 2025 in the status track, each score on its own scale', async () => {
    expect((await server.raw(IDM, { input: [{ villageCode: DONOMULYO, year: 2024, iks: 0.7, ike: 0.6, ikl: 0.65, score: 0.65, status: 'BERKEMBANG' }] })).errors).toBeUndefined();
    await server.raw(RECORD, { input: [donomulyo] });
    const village = (await server.raw(VILLAGE, { code: DONOMULYO })).data!.village as { statusTrack: unknown; indeksDesaHistory: unknown };
    expect(village.statusTrack).toEqual([
      { year: 2024, index: 'IDM', status: 'BERKEMBANG', score: 0.65 },
      { year: 2025, index: 'INDEKS_DESA', status: 'MAJU', score: 73.86 },
    ]);
    expect(village.indeksDesaHistory).toEqual([{ year: 2025, score: 73.86 }]);
  });

  it('keeps idmUpdated to IDM changes although both families share the change log', async () => {
    // From a cursor taken before the writes: the log is replayed, so nothing depends on when the subscription starts.
    const after = (await server.raw('{ idmChangeCursor }')).data!.idmChangeCursor as string;
    await server.raw(RECORD, { input: [donomulyo] });
    const sub = new Subscriber<{ idmUpdated: { year: number; current: { score: number } | null; village: { code: string } } }>(
      server.url,
      `subscription($after: String) { idmUpdated(where: { kabupatenCode: "18.07" }, after: $after) { year current { score } village { code } } }`,
      { after },
    );
    try {
      await server.raw(IDM, { input: [{ villageCode: DONOMULYO, year: 2024, iks: 0.7, ike: 0.6, ikl: 0.65, score: 0.65 }] });
      // The IDM change comes after the Indeks Desa one: had that one been delivered, it would be first.
      await sub.waitFor(1);
      expect(sub.results.map((r) => [r.idmUpdated.year, r.idmUpdated.current?.score, r.idmUpdated.village.code])).toEqual([[2024, 0.65, DONOMULYO]]);
    } finally {
      await sub.close();
    }
  });

  it('reads a page of villages with their Indeks Desa and status track in one statement', async () => {
    await server.raw(RECORD, { input: [donomulyo, { ...donomulyo, villageCode: NYAMPIR }] });
    const page = (first: number) =>
      server.raw(`query($first: Int!) { villages(filter: { districtCode: "18.07.14" }, first: $first) { edges { node { code indeksDesa(year: 2025) { score dimensions { sosial } provenance { line } } indeksDesaHistory { year } statusTrack { year index } } } } }`, { first });
    const [small, large] = [await page(2), await page(20)];
    expect(small.errors).toBeUndefined();
    expect((small.extensions as { sql: { statements: number } }).sql.statements).toBe(1);
    expect((large.extensions as { sql: { statements: number } }).sql.statements).toBe(1);
  });

  it('gives each desa-year a global id that node() reads back', async () => {
    await server.raw(RECORD, { input: [donomulyo] });
    const { data } = await server.raw(`{ village(code: "${DONOMULYO}") { indeksDesa(year: 2025) { id score } } }`);
    const { id, score } = (data!.village as { indeksDesa: { id: string; score: number } }).indeksDesa;
    expect(Buffer.from(id, 'base64url').toString()).toBe(`IndeksDesaAssessment:${DONOMULYO}:2025`);
    const node = await server.raw(`query($id: ID!) { node(id: $id) { id ... on IndeksDesaAssessment { score dimensions { sosial } } } }`, { id });
    expect(node.data!.node).toEqual({ id, score, dimensions: { sosial: 73 } });
  });

  it('refuses an IDM year after 2024 and an Indeks Desa year before 2025, naming the other family', async () => {
    const idm2025 = await server.raw(IDM, { input: [{ villageCode: DONOMULYO, year: 2025, iks: 0.7, ike: 0.7, ikl: 0.7, score: 0.7 }] });
    expect(errorCodes(idm2025)).toEqual(['BAD_USER_INPUT']);
    expect(idm2025.errors![0]!.message).toContain('year 2025 is not a year of IDM (2015 to 2024): 2025 is a year of the Indeks Desa, which replaced IDM from 2025; write it with recordIndeksDesa');
    const id2024 = await server.raw(RECORD, { input: [{ ...donomulyo, year: 2024 }] });
    expect(errorCodes(id2024)).toEqual(['BAD_USER_INPUT']);
    expect(id2024.errors![0]!.message).toContain('year 2024 is not a year of Indeks Desa (2025 to');
    expect(id2024.errors![0]!.message).toContain('2024 is a year of IDM, which the Indeks Desa replaced from 2025; write it with recordIdmAssessments');
    const read = await server.raw(`{ village(code: "${DONOMULYO}") { indeksDesa(year: 2024) { score } } }`);
    expect(errorCodes(read)).toEqual(['BAD_USER_INPUT']);
    expect(read.errors![0]!.message).toMatch(/^year 2024 is not a year of Indeks Desa/);
    const idmRead = await server.raw(`{ village(code: "${DONOMULYO}") { idm(year: 2025) { score } } }`);
    expect(idmRead.errors![0]!.message).toMatch(/^year 2025 is not a year of IDM \(2015 to 2024\): 2025 is a year of the Indeks Desa/);
  });
});
