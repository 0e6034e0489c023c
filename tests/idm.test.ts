import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { movement, movementSql, STATUS_ORDER } from '../src/idm/idm.rules';
import { importIdm } from '../src/importers/idm/idm.importer';
import { syncIdm } from '../src/importers/idm/kemendes.sync';
import {
  KabupatenIdmDocument,
  LatestIdmDocument,
  NationalIdmDocument,
  ProvinceKabupatenIdmDocument,
  RankedVillagesDocument,
  RecordIdmDocument,
  RetractIdmDocument,
  VillageHistoriesDocument,
  VillageIdmDocument,
  type RankedVillagesQuery,
} from './generated/graphql';
import { errorCodes, startTestServer, type GraphQLResponse, type TestServer } from './helpers/server';

const DATA = path.join(__dirname, '..', '..', 'shared', 'data');
const NATIONAL = path.join(DATA, 'idm-2024.csv');
const API = path.join(DATA, 'kemendes-api');
const url = () => process.env.DESA_TEST_DATABASE_URL!;
const quiet = { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-cerdas-idm-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** The published 2024 recap (DOMAIN.md). */
const OFFICIAL_2024: Record<string, number> = { MANDIRI: 17_203, MAJU: 23_063, BERKEMBANG: 24_532, TERTINGGAL: 6_100, SANGAT_TERTINGGAL: 4_363 };

describe('the national 2024 spreadsheet', () => {
  const rejectsFile = path.join(tmp, 'rejects-2024.csv');
  let report: Awaited<ReturnType<typeof importIdm>>;
  beforeAll(async () => {
    report = await importIdm(url(), [NATIONAL], { ...quiet, rejectsFile });
  });

  it('gives the official recap less exactly the rejected rows, status by status, with fewer than 15 rejects', async () => {
    expect(report.received).toBe(75_265);
    expect(report.rejects.length).toBeLessThan(15);
    expect(report.accepted + report.rejects.length).toBe(75_265);
    // What the rejects file lists, looked up in the published file itself.
    const published = parse(fs.readFileSync(NATIONAL), { columns: true }) as Record<string, string>[];
    const listed = parse(fs.readFileSync(rejectsFile), { columns: true }) as { outcome: string; line: string; code: string; reason: string }[];
    const rejected = listed.filter((r) => r.outcome === 'REJECTED');
    expect(rejected).toHaveLength(report.rejects.length);
    const expected = { ...OFFICIAL_2024 };
    for (const r of rejected) {
      const row = published[Number(r.line) - 2]!;
      expect(row.KODE_DESA).toBe(r.code);
      const status = row.STATUS_IDM_2024!.replace(' ', '_');
      if (status) expected[status]! -= 1;
    }
    const { data } = await server.request(NationalIdmDocument, { year: 2024 });
    const byStatus = Object.fromEntries(data!.idmSummary.byStatus.map((s) => [s.status, s.count]));
    expect(byStatus).toEqual(expected);
    expect(data!.idmSummary.assessed).toBe(report.accepted);
    expect(data!.idmYears).toContainEqual({ year: 2024, assessed: report.accepted, published: true });
  });

  it('gives Kutai Kartanegara (64.02) 193 assessed desa with a mean score of 0.7969', async () => {
    const { data } = await server.request(KabupatenIdmDocument, { code: '6402', year: 2024 });
    expect(data!.kabupaten!.idmSummary.assessed).toBe(193);
    expect(data!.kabupaten!.idmSummary.mean!.score).toBeCloseTo(0.7969, 4);
  });

  it('keeps the official status and flags where the score says otherwise (6213062003)', async () => {
    const { data } = await server.request(VillageIdmDocument, { code: '6213062003', year: 2024 });
    expect(data!.village!.idm).toMatchObject({ score: 0.741, status: 'BERKEMBANG', derivedStatus: 'MAJU', statusMismatch: true, targetStatus: 'MAJU' });
  });

  it('finds a renumbered Papua Barat Daya desa by its 2024 code', async () => {
    // Published as 96.10.24.2004 (Maybrat, 2024 numbering); the register calls Maybrat 96.05.
    const { data } = await server.request(VillageIdmDocument, { code: '9610242004', year: 2024 });
    expect(data!.village).toMatchObject({ code: '96.05.24.2004', name: 'Fase' });
    expect(data!.village!.idm).toMatchObject({ score: 0.599, status: 'BERKEMBANG', source: { publishedCode: '96.10.24.2004' } });
    expect(report.remapped).toBeGreaterThan(700);
  });

  it('lists remapped and warned rows beside the rejected ones, with both codes and names', async () => {
    const listed = parse(fs.readFileSync(rejectsFile), { columns: true }) as Record<string, string>[];
    expect(listed.filter((r) => r.outcome === 'REMAPPED')).toHaveLength(report.remapped);
    expect(listed.filter((r) => r.outcome === 'WARNING')).toHaveLength(report.warnings.length);
    expect(listed.find((r) => r.code === '9610242004')).toMatchObject({
      outcome: 'REMAPPED',
      // By names, or by the alias those names left when another test file imported the file first.
      reason: expect.stringMatching(/^(NAMES|ALIAS)$/),
      register_code: '96.05.24.2004',
      published_names: 'MAYBRAT / MARE SELATAN / FASE',
      register_names: expect.stringMatching(/^Kabupaten Maybrat \/ .+ \/ Fase$/),
    });
    // The national file spells Kota Padangsidimpuan "KOTA PADANG SIDEMPUAN": the codes stand, with a warning.
    expect(listed.find((r) => r.code === '1277062002')).toMatchObject({ outcome: 'WARNING', reason: 'NAME_MISMATCH', register_code: '12.77.06.2002' });
    expect(report.warnedByReason).toEqual({ NAME_MISMATCH: report.warnings.length });
  });

  it('follows names where the file itself shows a kecamatan was renumbered (Makbon, Kabupaten Sorong)', async () => {
    // The 2024 file numbers Makbon's desa one or two apart from the register: each keeps its own value.
    const { data } = await server.request(VillageIdmDocument, { code: '96.01.01.2003', year: 2024 });
    expect(data!.village).toMatchObject({ name: 'Malaumkarta', idm: { score: 0.6046, source: { publishedCode: '96.01.01.2004' } } });
  });

  it('re-imports without changing anything', async () => {
    const again = await importIdm(url(), [NATIONAL], quiet);
    expect(again).toMatchObject({ inserted: 0, updated: 0, changes: 0, unchanged: report.accepted });
  });

  it('orders villages by score with stable cursors', async () => {
    const seen: { code: string; score: number }[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const result: GraphQLResponse<RankedVillagesQuery> = await server.request(RankedVillagesDocument, {
        filter: { kabupatenCode: '64.02', idmYear: 2024 },
        orderBy: 'IDM_SCORE_DESC',
        first: 40,
        after,
      });
      const page = result.data!.villages;
      expect(page.totalCount).toBe(193);
      seen.push(...page.edges.map((e) => ({ code: e.node.code, score: e.node.idm!.score })));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(193);
    expect(new Set(seen.map((s) => s.code)).size).toBe(193);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.score).toBeLessThanOrEqual(seen[i - 1]!.score);
  });

  it('filters by status and score range', async () => {
    const { data } = await server.request(RankedVillagesDocument, {
      filter: { provinceCode: '64', idmYear: 2024, idmStatus: ['MANDIRI'], minScore: 0.9 },
      first: 500,
    });
    expect(data!.villages.totalCount).toBeGreaterThan(0);
    expect(data!.villages.edges.every((e) => e.node.idm!.status === 'MANDIRI' && e.node.idm!.score >= 0.9 && e.node.code.startsWith('64.'))).toBe(true);
  });

  it('sums up every kabupaten of a province in a constant number of statements', async () => {
    const kaltim = await server.request(ProvinceKabupatenIdmDocument, { code: '64', year: 2024 });
    const sulteng = await server.request(ProvinceKabupatenIdmDocument, { code: '72', year: 2024 });
    expect(kaltim.data!.province!.kabupatens).toHaveLength(10);
    expect(sulteng.data!.province!.kabupatens.length).toBeGreaterThan(10);
    const sum = kaltim.data!.province!.kabupatens.reduce((n, k) => n + k.idmSummary.assessed, 0);
    expect(sum).toBe(kaltim.data!.province!.idmSummary.assessed);
    // The planned province with its kabupaten, the province's summary, the kabupaten's summaries (one batch).
    expect(kaltim.extensions!.sql!.statements).toBe(3);
    expect(sulteng.extensions!.sql!.statements).toBe(3);
  });

  it('loads idmHistory for a page of villages in a constant number of statements', async () => {
    const small = await server.request(VillageHistoriesDocument, { filter: { kabupatenCode: '64.02', kind: 'DESA' }, first: 5 });
    const large = await server.request(VillageHistoriesDocument, { filter: { kabupatenCode: '64.02', kind: 'DESA' }, first: 150 });
    expect(large.data!.villages.edges).toHaveLength(150);
    expect(large.data!.villages.edges.filter((e) => e.node.idmHistory.length > 0).length).toBeGreaterThan(140);
    expect(small.extensions!.sql!.statements).toBe(large.extensions!.sql!.statements);
    // One planned statement: the page of villages with each one's history.
    expect(large.extensions!.sql!.statements).toBe(1);
  });

  it('validates without writing on --dry-run', async () => {
    const file = path.join(tmp, 'dry.csv');
    fs.writeFileSync(file, `${fs.readFileSync(NATIONAL, 'utf8').split('\n')[0]}\n72,SULAWESI TENGAH,7201,BANGGAI,720106,BALANTAK,7201062009,TALIMA A,0.5,0.5,0.5,0.5,TERTINGGAL,Reguler\n`);
    const dry = await importIdm(url(), [file], { ...quiet, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, accepted: 1, updated: 1 });
    const { data } = await server.request(VillageIdmDocument, { code: '7201062009', year: 2024 });
    expect(data!.village!.idm!.score).not.toBe(0.5);
  });
});

/** A local stand-in for idm.kemendesa.go.id that replays the shared responses. */
/**
 * A stand-in for the Kemendes API serving the saved responses, each passed through `replayed` when
 * given (to serve a value the run's database does not already hold).
 */
async function replayServer(handler?: http.RequestListener, replayed?: (body: string) => string): Promise<{ base: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer(
    handler ??
      ((req, res) => {
        requests.push(req.url!);
        const match = /^\/open\/api\/desa\/rumusan\/(\d{10})\/(\d{4})$/.exec(req.url ?? '');
        const file = match ? path.join(API, match[1]!, `${match[2]}.json`) : '';
        res.setHeader('content-type', 'application/json');
        if (match && fs.existsSync(file)) return res.end(replayed ? replayed(fs.readFileSync(file, 'utf8')) : fs.readFileSync(file));
        res.statusCode = 400;
        res.end(JSON.stringify({ error: true, message: 'ID Desa tidak ditemukan' }));
      }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('live sync from the Kemendes API', () => {
  it('fetches every desa of a kabupaten, writes what it finds and reports the rest as not found', async () => {
    // Other suites of the run import the same saved responses (rumusan.test.ts): the stand-in says
    // one indicator's state anew, so each desa-year it serves is a change to write whatever ran before.
    const replay = await replayServer(undefined, (body) => {
      const response = JSON.parse(body) as { mapData: { ROW: { KETERANGAN: string | null }[] } };
      response.mapData.ROW[0]!.KETERANGAN = `${response.mapData.ROW[0]!.KETERANGAN ?? ''} (diperbarui)`;
      return JSON.stringify(response);
    });
    try {
      const shared = fs.readdirSync(API).filter((code) => code.startsWith('7209'));
      const report = await syncIdm(url(), { kabupatenCode: '72.09', year: 2023 }, { baseUrl: replay.base, concurrency: 4, timeoutMs: 5000, retries: 1, ...quiet });
      expect(report.fetched).toBe(shared.length);
      expect(report.failed).toEqual([]);
      expect(report.notFound.length + report.fetched).toBe(report.desa);
      expect(replay.requests).toHaveLength(report.desa);
      expect(report.write!.inserted + report.write!.updated).toBe(shared.length);
      const { data } = await server.request(VillageIdmDocument, { code: shared[0]!, year: 2023 });
      expect(data!.village!.idm!.indicators).toHaveLength(50);
      expect(data!.village!.idm!.provenance).toMatchObject({
        format: 'kemendes-api',
        file: `${replay.base}/open/api/desa/rumusan/${shared[0]}/2023`,
        recordedBy: expect.stringMatching(/^cli:sync:idm:/),
      });
    } finally {
      await replay.close();
    }
  });

  it('reports an unreachable server instead of crashing', async () => {
    const closed = await replayServer();
    await closed.close();
    const report = await syncIdm(url(), { districtCode: '72.09.01', year: 2024 }, { baseUrl: closed.base, concurrency: 2, timeoutMs: 2000, retries: 1, ...quiet });
    expect(report.desa).toBeGreaterThan(0);
    expect(report.fetched).toBe(0);
    expect(report.failed.length).toBe(report.desa);
    expect(report.failed[0]!.error).toBe('ECONNREFUSED');
    expect(report.write).toBeNull();
  });

  it('retries a failing server, then reports each desa that still failed', async () => {
    let calls = 0;
    const failing = await replayServer((_req, res) => {
      calls++;
      res.statusCode = 503;
      res.end('busy');
    });
    try {
      const report = await syncIdm(url(), { villageCode: '72.09.01.2005', year: 2024 }, { baseUrl: failing.base, concurrency: 1, timeoutMs: 2000, retries: 2, ...quiet });
      expect(calls).toBe(3);
      expect(report.failed).toEqual([{ code: '72.09.01.2005', error: 'HTTP 503' }]);
    } finally {
      await failing.close();
    }
  });
});

describe('Kemendes API responses', () => {
  beforeAll(async () => {
    const report = await importIdm(url(), [API], quiet);
    expect(report.files).toBe(480);
    expect(report.rejects).toEqual([]);
  });

  it('answers every summary and indicator value of the 480 files exactly as published', async () => {
    let compared = 0;
    for (const code of fs.readdirSync(API)) {
      for (const file of fs.readdirSync(path.join(API, code))) {
        const json = JSON.parse(fs.readFileSync(path.join(API, code, file), 'utf8'));
        const { SUMMARIES, ROW, IDENTITAS } = json.mapData;
        const year = SUMMARIES.TAHUN;
        const { data } = await server.request(VillageIdmDocument, { code: IDENTITAS[0].id_desa, year });
        const idm = data!.village!.idm!;
        const subtotal = (label: string) => ROW.find((r: { NO: null; INDIKATOR: string }) => r.NO === null && r.INDIKATOR === `${label} ${year}`).SKOR;
        expect({ score: idm.score, status: idm.status, targetStatus: idm.targetStatus, targetMinScore: idm.targetMinScore, scoreToTarget: idm.scoreToTarget }).toEqual({
          score: SUMMARIES.SKOR_SAAT_INI,
          status: SUMMARIES.STATUS.replace(' ', '_'),
          targetStatus: SUMMARIES.TARGET_STATUS.replace(' ', '_'),
          targetMinScore: Number(SUMMARIES.SKOR_MINIMAL),
          scoreToTarget: SUMMARIES.PENAMBAHAN,
        });
        expect([idm.iks, idm.ike, idm.ikl]).toEqual([subtotal('IKS'), subtotal('IKE'), subtotal('IKL')]);
        const published = ROW.filter((r: { NO: number | null }) => r.NO !== null);
        expect(idm.indicators).toHaveLength(published.length);
        idm.indicators.forEach((indicator, i) => {
          const r = published[i];
          // As published, less padding; "-", "", null and the API's occasional `false` mean none.
          const none = (v: unknown) => (typeof v !== 'string' || v.trim() === '' || v.trim() === '-' ? null : v.trim());
          expect(indicator).toEqual({
            index: i < 35 ? 'IKS' : i < 47 ? 'IKE' : 'IKL',
            number: r.NO,
            name: r.INDIKATOR.trim(),
            score: r.SKOR,
            description: none(r.KETERANGAN),
            activity: none(r.KEGIATAN),
            actors: { pusat: none(r.PUSAT), provinsi: none(r.PROV), kabupaten: none(r.KAB), desa: none(r.DESA), csr: none(r.CSR), lainnya: none(r.LAINNYA) },
            potentialGain: Number(r.NILAI),
          });
        });
        compared++;
      }
    }
    expect(compared).toBe(480);
  });

  it('tells each year how it moved against the year before', async () => {
    const { data } = await server.request(VillageHistoriesDocument, { filter: { districtCode: '72.02.03' }, first: 20 });
    const histories = data!.villages.edges.map((e) => e.node.idmHistory).filter((h) => h.length === 4);
    expect(histories.length).toBeGreaterThan(0);
    for (const history of histories) {
      expect(history.map((h) => h.year)).toEqual([2021, 2022, 2023, 2024]);
      expect(history[0]!.change).toEqual({ scoreDelta: null, movement: 'NEW' });
      // Published scores carry up to 14 decimals; their differences are given to 4, like every computed value.
      for (let i = 1; i < 4; i++) expect(history[i]!.change!.scoreDelta).toBe(Math.round((history[i]!.score - history[i - 1]!.score) * 1e4) / 1e4);
    }
  });
});

describe('rejected rows', () => {
  it('counts every reason, lists each with its line, and writes the valid rows', async () => {
    const header = fs.readFileSync(NATIONAL, 'utf8').split('\n')[0];
    const rows = [
      '72,SULAWESI TENGAH,7201,BANGGAI,720106,BALANTAK,7201062009,TALIMA A,0.9,0.8,0.7,0.8,MAJU,Reguler', // valid: replaces 2024
      '99,NOWHERE,9901,NOWHERE,990101,NOWHERE,9901012001,NOWHERE,0.5,0.5,0.5,0.5,TERTINGGAL,Reguler', // UNKNOWN_CODE
      '64,KALIMANTAN TIMUR,6409,PENAJAM PASER UTARA,640901,PENAJAM,6409011001,TANJUNG TENGAH,0.5,0.5,0.5,0.5,TERTINGGAL,Reguler', // KELURAHAN
      '64,KALIMANTAN TIMUR,6409,PENAJAM PASER UTARA,640901,PENAJAM,6409012020,X,,,,,,Update 2023', // NO_SCORE
      '64,KALIMANTAN TIMUR,6409,PENAJAM PASER UTARA,640901,PENAJAM,6409012021,X,1.2,0.5,0.5,0.7333,MAJU,Reguler', // SCORE_OUT_OF_RANGE
      '64,KALIMANTAN TIMUR,6409,PENAJAM PASER UTARA,640901,PENAJAM,6409012022,X,0.5,0.5,0.5,0.7,MAJU,Reguler', // IDM_NOT_MEAN
      '64,KALIMANTAN TIMUR,6409,PENAJAM PASER UTARA,640902,WARU,6409022001,X,0.5,0.5,0.5,0.5,HEBAT,Reguler', // UNKNOWN_STATUS
      '64,KALIMANTAN TIMUR,6409,PENAJAM PASER UTARA,640902,WARU,64090X2002,X,0.5,0.5,0.5,0.5,TERTINGGAL,Reguler', // MALFORMED
      '72,SULAWESI TENGAH,7201,BANGGAI,720106,BALANTAK,7201062009,TALIMA A,0.9,0.8,0.7,0.8,MAJU,Reguler', // DUPLICATE
    ];
    const file = path.join(tmp, 'dirty.csv');
    const rejectsFile = path.join(tmp, 'dirty-rejects.csv');
    fs.writeFileSync(file, [header, ...rows].join('\n'));
    const report = await importIdm(url(), [file], { ...quiet, rejectsFile });
    expect(report.rejectedByReason).toEqual({
      UNKNOWN_CODE: 1,
      KELURAHAN: 1,
      NO_SCORE: 1,
      SCORE_OUT_OF_RANGE: 1,
      IDM_NOT_MEAN: 1,
      UNKNOWN_STATUS: 1,
      MALFORMED: 1,
      DUPLICATE: 1,
    });
    expect(report).toMatchObject({ accepted: 1, updated: 1, changes: 1 });
    const listed = parse(fs.readFileSync(rejectsFile), { columns: true }) as { line: string; reason: string }[];
    expect(listed.map((r) => [Number(r.line), r.reason])).toEqual([
      [3, 'UNKNOWN_CODE'],
      [4, 'KELURAHAN'],
      [5, 'NO_SCORE'],
      [6, 'SCORE_OUT_OF_RANGE'],
      [7, 'IDM_NOT_MEAN'],
      [8, 'UNKNOWN_STATUS'],
      [9, 'MALFORMED'],
      [10, 'DUPLICATE'],
    ]);
  });

  it('records a replacement in the change log with the value it replaced', async () => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select previous_score, score, previous_status, status, movement from idm_change where village_code = '72.01.06.2009' and year = 2024 order by id desc limit 1`,
      );
      expect(rows[0]).toMatchObject({ score: 0.8, status: 'MAJU' });
      expect(rows[0].previous_score).not.toBe(0.8);
    } finally {
      await client.end();
    }
  });
});

describe('recordIdmAssessments', () => {
  const valid = { villageCode: '6409012020', year: 2023, iks: 0.6, ike: 0.5, ikl: 0.7, score: 0.6, status: 'BERKEMBANG' as const };

  it('records a batch and answers what it did', async () => {
    const { data, errors } = await server.request(RecordIdmDocument, { input: [valid, { ...valid, villageCode: '64.09.01.2021', score: 0.6001 }] });
    expect(errors).toBeUndefined();
    expect(data!.recordIdmAssessments).toEqual({ received: 2, inserted: 2, updated: 0, unchanged: 0, changes: 2 });
    const again = await server.request(RecordIdmDocument, { input: [valid] });
    expect(again.data!.recordIdmAssessments).toMatchObject({ unchanged: 1, changes: 0 });
  });

  it('refuses the whole batch when one item is invalid, naming its index and field', async () => {
    const response = await server.request(RecordIdmDocument, { input: [{ ...valid, year: 2022 }, { ...valid, villageCode: '6409012022', year: 2022, score: 1.5 }] });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(/input\[1\]\.score/);
    const { data } = await server.request(VillageIdmDocument, { code: '6409012020', year: 2022 });
    expect(data!.village!.idm).toBeNull();
  });

  it('requires the admin token', async () => {
    expect(errorCodes(await server.request(RecordIdmDocument, { input: [valid] }, { token: null }))).toEqual(['UNAUTHENTICATED']);
  });
});

/** Takes back a desa-year if it is there (clean-up through the write path, so counts stay true). */
async function retractIfAny(villageCode: string, year: number): Promise<void> {
  const response = await server.request(RetractIdmDocument, { villageCode, year, reason: 'test clean-up' });
  if (response.errors && errorCodes(response)[0] !== 'NOT_FOUND') throw new Error(JSON.stringify(response.errors));
}

const at = (score: number, villageCode: string, year = 2016) => ({ villageCode, year, iks: score, ike: score, ikl: score, score });

describe('years that make sense', () => {
  // Sigi (72.10) has its 2024 values from the national file; two of its desa get a 2016 value, a year no published file covers.
  const early = ['72.10.01.2001', '72.10.01.2002'];
  afterAll(async () => {
    for (const code of early) await retractIfAny(code, 2016);
  });

  it('refuses a year outside 2015 … 2024, in writes and reads alike, naming the field and value (and the Indeks Desa from 2025)', async () => {
    const far = await server.request(RecordIdmDocument, { input: [at(0.6, early[0]!, 2099)] });
    expect(errorCodes(far)).toEqual(['BAD_USER_INPUT']);
    expect(far.errors![0]!.message).toBe('Nothing was recorded: input[0].year 2099: year 2099 is not a year of IDM: give a whole year from 2015 to 2024.');
    expect(errorCodes(await server.request(RecordIdmDocument, { input: [at(0.6, early[0]!, 2014)] }))).toEqual(['BAD_USER_INPUT']);
    const next = new Date().getUTCFullYear() + 1;
    const indeksDesa = await server.request(RecordIdmDocument, { input: [at(0.6, early[0]!, next)] });
    expect(errorCodes(indeksDesa)).toEqual(['BAD_USER_INPUT']);
    expect(indeksDesa.errors![0]!.message).toContain(`${next} is a year of the Indeks Desa, which replaced IDM from 2025; write it with recordIndeksDesa`);
    const summary = await server.raw('{ idmSummary(year: 2099) { assessed } }');
    expect(errorCodes(summary)).toEqual(['BAD_USER_INPUT']);
    expect(summary.errors![0]!.message).toMatch(/^year 2099 is not a year of IDM/);
    const filter = await server.raw('{ villages(filter: { idmYear: 1999, idmStatus: [MAJU] }) { totalCount } }');
    expect(filter.errors![0]!.message).toMatch(/^filter\.idmYear 1999 is not a year of IDM/);
  });

  it('where a year is omitted, uses the latest published year, not one that a few records created', async () => {
    const before = await server.request(LatestIdmDocument, { code: '72.10' });
    expect(before.data!.idmSummary.year).toBe(2024);
    const sigi2024 = (await server.request(KabupatenIdmDocument, { code: '72.10', year: 2024 })).data!.kabupaten!.idmSummary.assessed;
    expect(before.data!.kabupaten!.villages.totalCount).toBe(sigi2024);

    const recorded = await server.request(RecordIdmDocument, { input: [at(0.5, early[0]!), at(0.55, early[1]!)] });
    expect(recorded.errors).toBeUndefined();
    const after = await server.request(LatestIdmDocument, { code: '72.10' });
    expect(after.data!.idmSummary).toEqual(before.data!.idmSummary);
    expect(after.data!.kabupaten).toEqual(before.data!.kabupaten);
    expect(after.data!.kabupaten!.villages.totalCount).toBe(sigi2024);
    expect(after.data!.idmYears).toContainEqual({ year: 2016, assessed: 2, published: false });
    expect(after.data!.idmYears).toContainEqual(expect.objectContaining({ year: 2024, published: true }));
    // A desa's own idm without a year is still its own latest: the national 2024 value, not the older one just written.
    expect((await server.request(VillageIdmDocument, { code: early[0]! })).data!.village!.idm).toMatchObject({ year: 2024 });
    expect((await server.request(VillageIdmDocument, { code: early[0]!, year: 2016 })).data!.village!.idm).toMatchObject({ year: 2016, score: 0.5 });
  });

  it('publishes a year only past PUBLISHED_YEAR_MIN_SHARE of the register\'s desa', async () => {
    const strict = await startTestServer({ PUBLISHED_YEAR_MIN_SHARE: '1' });
    try {
      const { data } = await strict.request(LatestIdmDocument, { code: '72.10' });
      expect(data!.idmSummary).toEqual({ year: null, assessed: 0 });
      expect(data!.kabupaten!.villages.totalCount).toBe(0);
      expect(data!.idmYears.every((y) => !y.published)).toBe(true);
    } finally {
      await strict.stop();
    }
  });
});

describe('retractIdmAssessment', () => {
  const code = '72.10.01.2003';
  const changes = async () => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select previous_score, previous_status, score, status, movement, reason, recorded_by, source_format, source_file from idm_change where village_code = $1 and year = 2016 order by id`,
        [code],
      );
      return rows;
    } finally {
      await client.end();
    }
  };

  it('takes a value back through the write path: the change log, history and counts follow', async () => {
    expect((await server.request(RecordIdmDocument, { input: [at(0.62, code)] })).errors).toBeUndefined();
    const years = async () => (await server.request(LatestIdmDocument, { code: '72.10' })).data!.idmYears.find((y) => y.year === 2016)?.assessed ?? 0;
    const counted = await years();
    const { data, errors } = await server.request(RetractIdmDocument, { villageCode: '7210012003', year: 2016, reason: '  typed into the wrong desa ' });
    expect(errors).toBeUndefined();
    expect(data!.retractIdmAssessment).toEqual({ year: 2016, reason: 'typed into the wrong desa', previous: { score: 0.62, status: 'BERKEMBANG' }, village: { code, name: 'Bora' } });
    expect((await server.request(VillageIdmDocument, { code, year: 2016 })).data!.village!.idm).toBeNull();
    expect((await server.request(VillageHistoriesDocument, { filter: { districtCode: '72.10.01' }, first: 5 })).data!.villages.edges.find((e) => e.node.code === code)!.node.idmHistory.map((h) => h.year)).not.toContain(2016);
    expect(await years()).toBe(counted - 1);
    expect((await changes()).at(-1)).toEqual({
      previous_score: 0.62,
      previous_status: 'BERKEMBANG',
      score: null,
      status: null,
      movement: 'RETRACTED',
      reason: 'typed into the wrong desa',
      recorded_by: 'token:test-admin',
      source_format: 'graphql',
      source_file: 'retractIdmAssessment',
    });
  });

  it('says what was wrong: nothing to retract, a bad year, code or reason', async () => {
    const none = await server.request(RetractIdmDocument, { villageCode: code, year: 2016, reason: 'again' });
    expect(errorCodes(none)).toEqual(['NOT_FOUND']);
    expect(none.errors![0]!.message).toBe('Nothing was retracted: Bora (72.10.01.2003) has no IDM record for 2016; nothing to retract.');
    const cases: [Record<string, unknown>, string][] = [
      [{ year: 2099 }, 'year 2099: year 2099 is not a year of IDM: give a whole year from 2015 to 2024'],
      [{ year: 2025 }, 'year 2025: year 2025 is not a year of IDM (2015 to 2024): 2025 is a year of the Indeks Desa'],
      [{ villageCode: '64.9x' }, 'villageCode "64.9x": "64.9x" is not a 10-digit village code'],
      [{ villageCode: '6409012999' }, 'villageCode "6409012999": village code 64.09.01.2999 is not in the register'],
      [{ reason: ' ' }, 'reason " ": reason is empty'],
    ];
    for (const [change, message] of cases) {
      const response = await server.request(RetractIdmDocument, { villageCode: code, year: 2016, reason: 'x', ...change });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain(`Nothing was retracted: ${message}`);
      expect(response.errors![0]!.message).not.toContain('()');
    }
  });
});

describe('import:idm --retract', () => {
  const header = `KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_2016,IKE_2016,IKL_2016,NILAI_IDM_2016,STATUS_IDM_2016,KETERANGAN`;
  const row = (code: string, name: string, score: number) => `72,SULAWESI TENGAH,7210,SIGI,721001,SIGI BIROMARU,${code},${name},${score},${score},${score},${score},,Reguler`;
  const codes = ['7210012004', '7210012005', '7210012006'];
  afterAll(async () => {
    for (const c of codes) await retractIfAny(c, 2016);
  });

  it("takes back the desa-years a file's rows hold, only where they still hold that row's value", async () => {
    const file = path.join(tmp, 'wrong-2016.csv');
    fs.writeFileSync(file, [header, row(codes[0]!, 'WATUNONJU', 0.6), row(codes[1]!, 'OLOBUJU', 0.61)].join('\n'));
    expect(await importIdm(url(), [file], quiet)).toMatchObject({ inserted: 2, rejects: [] });
    // One of them is written again since, by someone else; a third row was never recorded.
    expect((await server.request(RecordIdmDocument, { input: [at(0.7, codes[1]!)] })).errors).toBeUndefined();
    fs.appendFileSync(file, `\n${row(codes[2]!, 'X', 0.5)}`);
    const rejectsFile = path.join(tmp, 'retract-rejects.csv');
    const report = await importIdm(url(), [file], { ...quiet, retract: { reason: 'imported the wrong file' }, rejectsFile });
    expect(report).toMatchObject({ retracted: 1, inserted: 0, updated: 0, changes: 1, rejectedByReason: { VALUE_DIFFERS: 1, NOT_RECORDED: 1 } });
    const listed = parse(fs.readFileSync(rejectsFile), { columns: true }) as { line: string; reason: string; message: string }[];
    expect(listed.map((r) => [r.line, r.reason])).toEqual([
      ['3', 'VALUE_DIFFERS'],
      ['4', 'NOT_RECORDED'],
    ]);
    expect(listed[0]!.message).toBe("Olobuju (72.10.01.2005) 2016 holds score 0.7, not this row's 0.61: it was written since, so it is left alone");
    const { data } = await server.request(VillageIdmDocument, { code: codes[1]!, year: 2016 });
    expect(data!.village!.idm).toMatchObject({ score: 0.7, provenance: { recordedBy: 'token:test-admin' } });
    expect((await server.request(VillageIdmDocument, { code: codes[0]!, year: 2016 })).data!.village!.idm).toBeNull();
  });

  it('records who imported: the command and the OS user', async () => {
    const file = path.join(tmp, 'who-2016.csv');
    fs.writeFileSync(file, [header, row(codes[2]!, 'LOLU', 0.66)].join('\n'));
    await importIdm(url(), [file], quiet);
    const { data } = await server.request(VillageIdmDocument, { code: codes[2]!, year: 2016 });
    expect(data!.village!.idm!.provenance).toEqual({ format: 'spreadsheet-2024', file, line: 2, recordedBy: `cli:import:idm:${os.userInfo().username}`, recordedAt: expect.any(String) });
  });
});

describe('mutations that say what happened', () => {
  const codes = ['72.10.02.2001', '72.10.02.2002'];
  afterAll(async () => {
    for (const c of codes) await retractIfAny(c, 2016);
  });

  it('answers each aliased field with its own result or error, committing the valid ones in order', async () => {
    const response = await server.raw(
      `mutation($a: [IdmAssessmentInput!]!, $b: [IdmAssessmentInput!]!, $c: [IdmAssessmentInput!]!) {
        a: recordIdmAssessments(input: $a) { inserted }
        b: recordIdmAssessments(input: $b) { inserted }
        c: recordIdmAssessments(input: $c) { inserted }
      }`,
      { a: [at(0.6, codes[0]!)], b: [at(0.6, '7210029999')], c: [at(0.6, codes[1]!)] },
    );
    expect(response.data).toEqual({ a: { inserted: 1 }, b: null, c: { inserted: 1 } });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({ path: ['b'], extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors![0]!.message).toBe('Nothing was recorded: input[0].villageCode "7210029999": village code 72.10.02.9999 is not in the register');
  });

  it('names the item a duplicate repeats by its input position', async () => {
    const response = await server.request(RecordIdmDocument, { input: [at(0.61, codes[0]!), at(0.62, '7210022001')] });
    expect(response.errors![0]!.message).toBe(
      `Nothing was recorded: 1 of 2 items are invalid. input[1].villageCode "7210022001": ${(await villageName(codes[0]!))} (${codes[0]}) already has a record for 2016 at input[0]`,
    );
  });
});

async function villageName(code: string): Promise<string> {
  return (await server.request(VillageIdmDocument, { code })).data!.village!.name;
}

describe('movement', () => {
  it('is one rule: SQL gives what TypeScript gives for every pair of statuses', async () => {
    const statuses = [null, ...STATUS_ORDER];
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      for (const previous of statuses) {
        for (const current of statuses) {
          const { rows } = await client.query(`select ${movementSql('$1::idm_status', '$2::idm_status')} as m`, [previous, current]);
          expect([previous, current, rows[0].m]).toEqual([previous, current, movement(previous, current)]);
        }
      }
    } finally {
      await client.end();
    }
  });
});
