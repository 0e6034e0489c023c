import pg from 'pg';
import { Sql, withSql } from '../src/db/sql';
import { IndexFamilyId } from '../src/index-family/index-family';
import { IndexStatus } from '../src/index-family/index-status';
import type { IndeksDesaRecord } from '../src/indeks-desa/indeks-desa-record';
import { scoreFromDimensions, statusFromScore } from '../src/indeks-desa/indeks-desa.rules';
import { recordIndeksDesa } from '../src/indeks-desa/indeks-desa.writer';
import { readChanges, readChangesOf } from '../src/live/change-log';
import { LiveHub, type SummaryTick } from '../src/live/live-hub';
import { createNotifier } from '../src/live/notifier';
import { startTestServer, type TestServer } from './helpers/server';
import { Subscriber } from './helpers/subscriber';

/**
 * indeksDesaUpdated on the real server and PostgreSQL: every Indeks Desa write reaches it through
 * the one change log with the six dimensions it wrote, filtered as idmUpdated filters, resumable by
 * a cursor of the sequence both families share, and never mixed with IDM's changes. Every
 * subscription that must not miss a write is opened with a cursor taken before the write, so no
 * test waits for a subscription to be "ready". The desa are Lampung Timur's (18.07) outside
 * Kecamatan Bumi Agung, which tests/indeks-desa.test.ts uses; their values are taken back at the end.
 */

const url = () => process.env.DESA_TEST_DATABASE_URL!;
const YEAR = 2025;
/** An IDM year no published file holds (as in tests/live.test.ts). */
const IDM_YEAR = 2019;

const CHANGE = `cursor year movement previous { score status }
  current { score status dimensions { layananDasar sosial ekonomi lingkungan aksesibilitas tataKelola } }
  reason provenance { format file line recordedBy } village { code district { code } kabupaten { code } }`;
const UPDATED = `subscription($where: IndeksDesaUpdateFilter, $after: String) { indeksDesaUpdated(where: $where, after: $after) { ${CHANGE} } }`;
const IDM_UPDATED = `subscription($where: IdmUpdateFilter, $after: String) { idmUpdated(where: $where, after: $after) { cursor year village { code } current { score status } } }`;
const RECORD = `mutation($input: [IndeksDesaInput!]!) { recordIndeksDesa(input: $input) { changes } }`;
const RETRACT = `mutation($villageCode: String!, $year: Int!, $reason: String!) { retractIndeksDesa(villageCode: $villageCode, year: $year, reason: $reason) { year } }`;
const RECORD_IDM = `mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { changes } }`;

interface Dimensions {
  layananDasar: number;
  sosial: number;
  ekonomi: number;
  lingkungan: number;
  aksesibilitas: number;
  tataKelola: number;
}
interface Change {
  cursor: string;
  year: number;
  movement: string;
  previous: { score: number; status: IndexStatus } | null;
  current: { score: number; status: IndexStatus; dimensions: Dimensions } | null;
  reason: string | null;
  provenance: { format: string; file: string; line: number | null; recordedBy: string };
  village: { code: string; district: { code: string }; kabupaten: { code: string } };
}
type Updates = { indeksDesaUpdated: Change };
type IdmUpdates = { idmUpdated: { cursor: string; year: number; village: { code: string }; current: { score: number } | null } };

/** Dimensions whose points grow with `k` (0 … 150), all within their maxima. */
const dimensions = (k: number): Dimensions => ({ layananDasar: 60 + Math.min(k, 110), sosial: 40, ekonomi: 80 + Math.max(0, k - 110), lingkungan: 45, aksesibilitas: 30, tataKelola: 50 });
/** What the change carries for those dimensions: the score and status the rules give. */
const value = (k: number) => {
  const score = scoreFromDimensions(dimensions(k));
  return { score, status: statusFromScore(score), dimensions: dimensions(k) };
};
/** The change-log id inside a cursor. */
const logId = (cursor: string) => BigInt(Buffer.from(cursor, 'base64url').toString().split(':').at(-1)!);
const changes = (s: Subscriber<Updates>) => s.results.map((r) => r.indeksDesaUpdated);

let server: TestServer;
/** Desa of Lampung Timur by kecamatan, Bumi Agung left out; and a desa of another kabupaten. */
let districts: string[][];
let elsewhere: string;
const written = new Set<string>();
const open: { close(): Promise<void> }[] = [];
const track = <T extends { close(): Promise<void> }>(x: T): T => (open.push(x), x);

async function cursor(): Promise<string> {
  const response = await server.raw('{ changeCursor }');
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.changeCursor as string;
}

async function record(items: { code: string; k: number }[]): Promise<void> {
  const response = await server.raw(RECORD, { input: items.map(({ code, k }) => ({ villageCode: code, year: YEAR, ...dimensions(k) })) });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  for (const { code } of items) written.add(code);
}

async function recordIdm(code: string, score: number): Promise<void> {
  const response = await server.raw(RECORD_IDM, { input: [{ villageCode: code, year: IDM_YEAR, iks: score, ike: score, ikl: score, score }] });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

beforeAll(async () => {
  server = await startTestServer();
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    const { rows } = await client.query<{ district_code: string; codes: string[] }>(
      `select district_code, array_agg(code order by code) as codes from village
       where kabupaten_code = '18.07' and kind = 'DESA' and district_code <> '18.07.14' group by district_code order by district_code`,
    );
    districts = rows.map((r) => r.codes);
    const [other] = (await client.query<{ code: string }>(`select min(code) as code from village where kabupaten_code = '18.08' and kind = 'DESA'`)).rows;
    elsewhere = other!.code;
  } finally {
    await client.end();
  }
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});
afterAll(async () => {
  // Take back what the tests left, so other files see Lampung Timur without them.
  if (written.size) {
    const source = { format: 'graphql' as const, file: 'indeks-desa-live.test', line: 1 };
    await withSql(url(), 'indeks-desa-live-test', async (sql) => {
      const stored = await sql.query<{ village_code: string }>(`select village_code from indeks_desa_assessment where year = $1 and village_code = any($2::text[])`, [YEAR, [...written]]);
      const retractions = stored.map((r) => ({ kind: 'retraction' as const, source, villageCode: r.village_code, names: {}, year: YEAR, reason: 'test clean-up', expected: null }));
      if (retractions.length) await recordIndeksDesa(sql, retractions, { actor: 'cli:test' });
    });
  }
  await server?.stop();
});

describe('indeksDesaUpdated', () => {
  it('delivers a recorded value with the six dimensions it wrote, then the change that replaced it', async () => {
    const code = districts[0]![0]!;
    const sub = track(new Subscriber<Updates>(server.url, UPDATED, { where: { villageCode: code }, after: await cursor() }));
    await record([{ code, k: 10 }]);
    await record([{ code, k: 100 }]);
    await sub.waitFor(2);
    const [first, second] = changes(sub);
    expect(first).toEqual({
      cursor: expect.any(String),
      year: YEAR,
      movement: 'NEW',
      previous: null,
      current: value(10),
      reason: null,
      provenance: { format: 'graphql', file: 'recordIndeksDesa', line: 1, recordedBy: 'token:test-admin' },
      village: { code: code, district: { code: code.slice(0, 8) }, kabupaten: { code: '18.07' } },
    });
    expect(value(100).status).not.toBe(value(10).status);
    expect(second).toMatchObject({ movement: 'UP', previous: { score: value(10).score, status: value(10).status }, current: value(100) });
    expect(logId(second!.cursor)).toBeGreaterThan(logId(first!.cursor));
  });

  it('filters by kabupaten, kecamatan, desa and program as idmUpdated does', async () => {
    const [a2, a3] = districts[0]!.slice(1, 3) as [string, string];
    const b1 = districts[1]![0]!;
    const slug = `live-indeks-desa-${process.pid}`;
    for (const [query, variables] of [
      [`mutation($input: CreateProgramInput!) { createProgram(input: $input) { slug } }`, { input: { slug, name: 'Live Indeks Desa', year: 2025, agency: 'Kemendes PDTT' } }],
      [`mutation($input: AddLocusInput!) { addLocus(input: $input) { quota } }`, { input: { programSlug: slug, kabupatenCode: '18.07', quota: 5 } }],
      [`mutation($input: EnrollVillageInput!) { enrollVillage(input: $input) { enrolledOn } }`, { input: { programSlug: slug, villageCode: a2 } }],
    ] as const) {
      const response = await server.raw(query, variables);
      expect(response.errors).toBeUndefined();
    }
    const after = await cursor();
    const subscribe = (where: Record<string, unknown>) => track(new Subscriber<Updates>(server.url, UPDATED, { where, after }));
    const byKabupaten = subscribe({ kabupatenCode: '18.07' });
    const byDistrict = subscribe({ districtCode: a2.slice(0, 8) });
    const byVillage = subscribe({ villageCode: a2 });
    const byProgram = subscribe({ programSlug: slug });
    await record([{ code: a2, k: 20 }, { code: a3, k: 30 }, { code: b1, k: 40 }, { code: elsewhere, k: 50 }]);
    // A last write that every filter lets through: what each received before it is all it gets.
    await record([{ code: a2, k: 25 }]);
    const upToLast = async (s: Subscriber<Updates>) => (await s.waitUntil((r) => r.indeksDesaUpdated.village.code === a2 && r.indeksDesaUpdated.current!.score === value(25).score), changes(s).map((c) => [c.village.code, c.current!.score]));
    const a2First = [a2, value(20).score];
    const a2Last = [a2, value(25).score];
    expect(await upToLast(byKabupaten)).toEqual([a2First, [a3, value(30).score], [b1, value(40).score], a2Last]);
    expect(await upToLast(byDistrict)).toEqual([a2First, [a3, value(30).score], a2Last]);
    expect(await upToLast(byVillage)).toEqual([a2First, a2Last]);
    expect(await upToLast(byProgram)).toEqual([a2First, a2Last]);
  });

  it('keeps the families apart on one cursor sequence, and resumes either from the other one’s cursor', async () => {
    const [d1, d2, d3] = districts[2]!.slice(0, 3) as [string, string, string];
    const idm = districts[3]![0]!;
    const after = await cursor();
    const indeksDesa = track(new Subscriber<Updates>(server.url, UPDATED, { where: { kabupatenCode: '1807' }, after }));
    const idmSub = track(new Subscriber<IdmUpdates>(server.url, IDM_UPDATED, { where: { kabupatenCode: '1807' }, after }));
    await recordIdm(idm, 0.61);
    await record([{ code: d1, k: 1 }]);
    await recordIdm(idm, 0.62);
    await record([{ code: d2, k: 2 }]);
    await recordIdm(idm, 0.63);
    await record([{ code: d3, k: 3 }]);
    const idmEvents = (await idmSub.waitUntil((r) => r.idmUpdated.current!.score === 0.63), idmSub.results.map((r) => r.idmUpdated));
    const idEvents = (await indeksDesa.waitUntil((r) => r.indeksDesaUpdated.village.code === d3), changes(indeksDesa));
    expect(idmEvents.map((e) => [e.year, e.current!.score])).toEqual([[IDM_YEAR, 0.61], [IDM_YEAR, 0.62], [IDM_YEAR, 0.63]]);
    expect(idEvents.map((e) => [e.year, e.village.code])).toEqual([[YEAR, d1], [YEAR, d2], [YEAR, d3]]);
    // One sequence: the writes' cursors interleave as the writes did.
    const ids = [idmEvents[0], idEvents[0], idmEvents[1], idEvents[1], idmEvents[2], idEvents[2]].map((e) => logId(e!.cursor));
    expect([...ids].sort((x, y) => (x < y ? -1 : 1))).toEqual(ids);

    const fromIdmCursor = track(new Subscriber<Updates>(server.url, UPDATED, { where: { kabupatenCode: '1807' }, after: idmEvents[1]!.cursor }));
    const fromIndeksDesaCursor = track(new Subscriber<IdmUpdates>(server.url, IDM_UPDATED, { where: { kabupatenCode: '1807' }, after: idEvents[0]!.cursor }));
    expect((await fromIdmCursor.waitFor(2)).map((r) => r.indeksDesaUpdated.village.code)).toEqual([d2, d3]);
    expect((await fromIndeksDesaCursor.waitFor(2)).map((r) => r.idmUpdated.current!.score)).toEqual([0.62, 0.63]);
  });

  it('is read whole only for the families subscribers want: the others as scopes, for summary watches', async () => {
    const [d, i] = [districts[2]![3]!, districts[3]![1]!];
    const after = logId(await cursor()).toString();
    await record([{ code: d, k: 4 }]);
    await recordIdm(i, 0.64);
    const read = await withSql(url(), 'indeks-desa-live-test', (sql) => readChangesOf(sql, after, 1000, new Set([IndexFamilyId.IDM])));
    expect(read.map((e) => [e.family, e.villageCode, 'region' in e, 'detail' in e])).toEqual([
      [IndexFamilyId.INDEKS_DESA, d, false, false],
      [IndexFamilyId.IDM, i, true, true],
    ]);
    const whole = await withSql(url(), 'indeks-desa-live-test', (sql) => readChanges(sql, after, 1000, IndexFamilyId.INDEKS_DESA));
    expect(whole.map((e) => [e.villageCode, e.detail, e.region.kabupaten.name])).toEqual([[d, dimensions(4), expect.stringMatching(/lampung timur/i)]]);
  });

  it('with statusChanged, skips changes that keep the status; and takes a cursor of the form clients held before (idm:<id>)', async () => {
    const code = districts[1]![2]!;
    const after = await cursor();
    const changed = track(new Subscriber<Updates>(server.url, UPDATED, { where: { villageCode: code, statusChanged: true }, after }));
    const legacy = track(new Subscriber<Updates>(server.url, UPDATED, { where: { villageCode: code }, after: Buffer.from(Buffer.from(after, 'base64url').toString().replace('change:', 'idm:')).toString('base64url') }));
    expect(value(60).status).toBe(value(61).status);
    expect(value(140).status).not.toBe(value(61).status);
    for (const k of [60, 61, 140]) await record([{ code, k }]);
    expect((await legacy.waitFor(3)).map((r) => r.indeksDesaUpdated.movement)).toEqual(['NEW', 'SAME', 'UP']);
    // The last write changes the status: what statusChanged sent before it is all it lets through.
    await changed.waitUntil((r) => r.indeksDesaUpdated.current!.score === value(140).score);
    expect(changes(changed).map((c) => [c.movement, c.current!.score])).toEqual([
      ['NEW', value(60).score],
      ['UP', value(140).score],
    ]);
  });

  it('resumes after a disconnect with exactly the missed changes, then live ones', async () => {
    const code = districts[0]![3]!;
    const first = new Subscriber<Updates>(server.url, UPDATED, { where: { villageCode: code }, after: await cursor() });
    await record([{ code, k: 0 }]);
    const [seen] = await first.waitFor(1);
    await first.close();
    const missed = Array.from({ length: 30 }, (_, i) => i + 1);
    for (const k of missed) await record([{ code, k }]);
    const resumed = track(new Subscriber<Updates>(server.url, UPDATED, { where: { villageCode: code }, after: seen!.indeksDesaUpdated.cursor }));
    await resumed.waitFor(missed.length);
    await record([{ code, k: 99 }]);
    await resumed.waitFor(missed.length + 1);
    expect(changes(resumed).map((c) => c.current)).toEqual([...missed, 99].map(value));
    expect(new Set(changes(resumed).map((c) => c.cursor)).size).toBe(missed.length + 1);
  });

  it('delivers a retraction: the value taken back, no current value, the reason and who', async () => {
    const code = districts[1]![1]!;
    const sub = track(new Subscriber<Updates>(server.url, UPDATED, { where: { villageCode: code }, after: await cursor() }));
    await record([{ code, k: 70 }]);
    const retracted = await server.raw(RETRACT, { villageCode: code, year: YEAR, reason: 'counted twice' });
    expect(retracted.errors).toBeUndefined();
    const [, taken] = await sub.waitFor(2);
    expect(taken!.indeksDesaUpdated).toMatchObject({
      year: YEAR,
      movement: 'RETRACTED',
      previous: { score: value(70).score, status: value(70).status },
      current: null,
      reason: 'counted twice',
      provenance: { format: 'graphql', file: 'retractIndeksDesa', line: 1, recordedBy: 'token:test-admin' },
    });
  });
});

describe('an import of N desa', () => {
  it('is N events with their rows, and one coalesced summary tick for the Indeks Desa, none for IDM', async () => {
    const codes = districts.slice(4).flat().slice(0, 40);
    expect(codes).toHaveLength(40);
    // A hub of its own, as every instance has: what its summary watches are told is what a summary subscription sends.
    const sql = new Sql(url(), { max: 2, name: 'indeks-desa-live-hub' });
    const hub = new LiveHub(sql, createNotifier({ databaseUrl: url() }));
    await hub.start();
    const publisher = createNotifier({ databaseUrl: url() });
    try {
      const ticks = (family: IndexFamilyId, year: number) => {
        const queue = hub.summaryTicks(family, { kind: 'kabupaten', code: '18.07' }, year);
        const received: SummaryTick[] = [];
        const next = async () => received.push((await queue.next()).value as SummaryTick);
        return { received, next };
      };
      const indeksDesa = ticks(IndexFamilyId.INDEKS_DESA, YEAR);
      const idm = ticks(IndexFamilyId.IDM, 2024);
      await Promise.all([indeksDesa.next(), idm.next()]); // the first tick, at once
      const sub = track(new Subscriber<Updates>(server.url, UPDATED, { where: { kabupatenCode: '18.07' }, after: await cursor() }));

      const records: IndeksDesaRecord[] = codes.map((code, i) => ({
        source: { format: 'indeks-desa-wide', file: 'lampung-timur-2025.csv', line: i + 2 },
        villageCode: code,
        names: {},
        year: YEAR,
        dimensions: dimensions(i),
        score: null,
        status: null,
        statusText: null,
      }));
      const report = await withSql(url(), 'indeks-desa-live-test', (importer) => recordIndeksDesa(importer, records, { actor: 'cli:import:indeks-desa:test', publisher }));
      codes.forEach((c) => written.add(c));
      expect(report).toMatchObject({ accepted: 40, changes: 40 });
      await indeksDesa.next();
      // The IDM watch's timer, had these changes started it, was set before the Indeks Desa one and would have fired first.
      expect(idm.received).toHaveLength(1);
      expect(indeksDesa.received.map((t) => [t.family, t.year, t.scope])).toEqual([
        [IndexFamilyId.INDEKS_DESA, YEAR, { kind: 'kabupaten', code: '18.07' }],
        [IndexFamilyId.INDEKS_DESA, YEAR, { kind: 'kabupaten', code: '18.07' }],
      ]);

      // A write after the import: the 41st event, and a tick of its own (the import's was one).
      const sentinel = districts[0]![4]!;
      await record([{ code: sentinel, k: 5 }]);
      const received = await sub.waitFor(41);
      expect(received.slice(0, 40).map((r) => [r.indeksDesaUpdated.village.code, r.indeksDesaUpdated.current, r.indeksDesaUpdated.provenance])).toEqual(
        codes.map((code, i) => [code, value(i), { format: 'indeks-desa-wide', file: 'lampung-timur-2025.csv', line: i + 2, recordedBy: 'cli:import:indeks-desa:test' }]),
      );
      expect(received[40]!.indeksDesaUpdated.village.code).toBe(sentinel);
      await indeksDesa.next();
      expect(indeksDesa.received).toHaveLength(3);
      expect(idm.received).toHaveLength(1);
    } finally {
      await hub.stop();
      await publisher.close();
      await sql.end();
    }
  });
});
