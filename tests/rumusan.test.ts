import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { Role } from '../src/auth/viewer';
import { statusFromText } from '../src/idm/idm-status';
import { targetMinScore, targetStatus } from '../src/idm/idm.rules';
import { NOT_FOUND_MESSAGE, statusLabel, statusTitle } from '../src/idm/rumusan';
import { RUMUSAN_SOURCE_HEADER } from '../src/idm/rumusan.router';
import { importIdm, type IdmImportReport } from '../src/importers/idm/idm.importer';
import { syncIdm } from '../src/importers/idm/kemendes.sync';
import { compactCode } from '../src/region/region-code';
import { RecordIdmDocument, RetractIdmDocument } from './generated/graphql';
import { mintTestToken, startTestServer, type TestServer } from './helpers/server';

/**
 * `GET /open/api/desa/rumusan/{kode}/{tahun}` against the real server: the 480 shared Kemendes
 * responses come back as published, national-spreadsheet desa-years in the shape OpenSID reads,
 * Kemendes' failure answers, CDN-style caching, and `sync:idm` of one instance from another.
 */

const DATA = path.join(__dirname, '..', '..', 'shared', 'data');
const API = path.join(DATA, 'kemendes-api');
const NATIONAL = path.join(DATA, 'idm-2024.csv');
const url = () => process.env.DESA_TEST_DATABASE_URL!;
const quiet = { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-cerdas-rumusan-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Kemendes' answer for an unknown code or year, as OpenSID's users report it. */
const NOT_FOUND_BODY = '{"status":400,"error":true,"message":"ID Desa tidak ditemukan"}';
const MAX_AGE = 120;

/** What each answer was, for the counts the README reports. */
const counts = { identical: 0, synthesised: 0, refused: 0 };
afterAll(() => {
  // The counts the README quotes; printed so a run shows them (npm test -- tests/rumusan.test.ts).
  process.stdout.write(`rumusan: ${counts.identical} identical, ${counts.synthesised} synthesised, ${counts.refused} refused\n`);
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RUMUSAN_MAX_AGE_S: String(MAX_AGE) });
});
afterAll(() => server?.stop());

const origin = (s: TestServer) => s.url.replace(/\/graphql$/, '');

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

async function get(code: string, year: number | string, headers: Record<string, string> = {}, on: TestServer = server): Promise<Answer> {
  const response = await fetch(`${origin(on)}/open/api/desa/rumusan/${code}/${year}`, { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

type Json = Record<string, unknown>;
const apiFiles = () =>
  fs
    .readdirSync(API)
    .sort()
    .flatMap((code) => fs.readdirSync(path.join(API, code)).sort().map((file) => ({ code, year: Number(file.slice(0, 4)), file: path.join(API, code, file) })));
const published = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { mapData: { SUMMARIES: Json; ROW: Json[]; IDENTITAS: Json[] } };

describe('desa-years stored from Kemendes API responses', () => {
  beforeAll(async () => {
    const report = await importIdm(url(), [API], quiet);
    expect(report.files).toBe(480);
    expect(report.rejects).toEqual([]);
  });

  it('answers each of the 480 exactly as published: the same keys in the same order, strings, numbers and nulls as they were', async () => {
    for (const { code, year, file } of apiFiles()) {
      const answer = await get(code, year);
      const json = published(file);
      expect({ file, status: answer.status }).toEqual({ file, status: 200 });
      // Value for value first (a readable diff), then the text, which also compares key order.
      expect(JSON.parse(answer.text)).toEqual(json);
      expect(answer.text).toBe(JSON.stringify(json));
      expect(answer.headers.get(RUMUSAN_SOURCE_HEADER)).toBe('published');
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      counts.identical++;
    }
    expect(counts.identical).toBe(480);
  });

  it('stores far less than the responses: the residue beyond the modelled columns', async () => {
    const bytes = apiFiles().reduce((sum, f) => sum + Buffer.byteLength(JSON.stringify(published(f.file))), 0);
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number; bytes: number }>(
        `select count(*)::int as n, coalesce(sum(octet_length(published_residue::text) + octet_length(published_names::text)), 0)::int as bytes
         from idm_assessment where published_residue is not null and village_code like '72.%'`,
      );
      expect(rows[0]!.n).toBeGreaterThanOrEqual(480);
      expect(rows[0]!.bytes).toBeLessThan(bytes / 2);
    } finally {
      await client.end();
    }
  });

  it('answers the same for the dotted code', async () => {
    const [{ code, year }] = apiFiles();
    const dotted = `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4, 6)}.${code.slice(6)}`;
    expect((await get(dotted, year)).text).toBe((await get(code, year)).text);
  });
});

interface SheetRow {
  KODE_PROV: string;
  NAMA_PROVINSI: string;
  KODE_KAB: string;
  NAMA_KABUPATEN: string;
  KODE_KEC: string;
  NAMA_KECAMATAN: string;
  KODE_DESA: string;
  NAMA_DESA: string;
  IKS_2024: string;
  IKE_2024: string;
  IKL_2024: string;
  NILAI_IDM_2024: string;
  STATUS_IDM_2024: string;
}

describe('desa-years from the national 2024 spreadsheet', () => {
  // Three kabupaten of the national file (Poso, which the API files also cover for 2024, so these
  // become corrections after an API import; Kutai Kartanegara; Maybrat, renumbered since) and its odd rows.
  const KABUPATEN = ['7202', '6402', '9610'];
  const ODD = ['6213062003', '1101012003', '1402092010', '1105022062', '1106082013', '1116102005', '6311012020'];
  const file = path.join(tmp, 'idm-2024-subset.csv');
  let rows: SheetRow[];
  let report: IdmImportReport;
  beforeAll(async () => {
    const all = parse(fs.readFileSync(NATIONAL), { columns: true }) as SheetRow[];
    rows = all.filter((r) => KABUPATEN.includes(r.KODE_KAB) || ODD.includes(r.KODE_DESA));
    fs.writeFileSync(file, stringify(rows, { header: true }));
    report = await importIdm(url(), [file], { ...quiet, rejectsFile: path.join(tmp, 'rejects.csv') });
    expect(report.accepted).toBeGreaterThan(550);
  }, 120_000);

  it('answers each accepted row with the values OpenSID reads, where it reads them, and refuses the rejected ones', async () => {
    const rejected = new Set(report.rejects.map((r) => r.source.line));
    const remapped = new Map(report.remaps.map((r) => [r.source.line, r.villageCode]));
    const sample = published(apiFiles()[0]!.file).mapData;
    const apiCodes2024 = new Set(apiFiles().filter((f) => f.year === 2024).map((f) => f.code));
    let withIndicators = 0;
    for (const [i, row] of rows.entries()) {
      const line = i + 2;
      const answer = await get(row.KODE_DESA, 2024);
      if (rejected.has(line)) {
        expect({ line, status: answer.status, text: answer.text }).toEqual({ line, status: 400, text: NOT_FOUND_BODY });
        counts.refused++;
        continue;
      }
      expect({ line, status: answer.status }).toEqual({ line, status: 200 });
      expect(answer.headers.get(RUMUSAN_SOURCE_HEADER)).toBe('synthesised');
      const body = JSON.parse(answer.text) as { status: number; error: boolean; mapData: { SUMMARIES: Json; ROW: Json[]; IDENTITAS: Json[] } };
      const { SUMMARIES, ROW, IDENTITAS } = body.mapData;
      // The published layout, key for key, as OpenSID decodes it.
      expect(Object.keys(body)).toEqual(['status', 'error', 'mapData']);
      expect([body.status, body.error]).toEqual([200, false]);
      expect(Object.keys(body.mapData)).toEqual(Object.keys(sample));
      expect(Object.keys(SUMMARIES)).toEqual(Object.keys(sample.SUMMARIES));
      expect(Object.keys(IDENTITAS[0]!)).toEqual(Object.keys(sample.IDENTITAS[0]!));
      expect(ROW.map((r) => Object.keys(r))).toEqual(sample.ROW.map((r) => Object.keys(r)));
      expect(ROW.map((r) => r.INDIKATOR)).toEqual(sample.ROW.map((r) => (r.NO === null ? String(r.INDIKATOR).replace(/\d{4}$/, '2024') : r.INDIKATOR)));
      expect(ROW.map((r) => r.ROW_CELL)).toEqual(sample.ROW.map((r) => r.ROW_CELL));

      const status = statusFromText(row.STATUS_IDM_2024)!;
      const score = Number(row.NILAI_IDM_2024);
      expect(SUMMARIES).toEqual({
        SKOR_SAAT_INI: score,
        STATUS: statusLabel(status),
        TARGET_STATUS: statusLabel(targetStatus(status)),
        SKOR_MINIMAL: targetMinScore(status).toFixed(4),
        PENAMBAHAN: expect.closeTo(targetMinScore(status) - score, 12),
        TAHUN: 2024,
      });
      expect(typeof SUMMARIES.SKOR_MINIMAL).toBe('string');
      const code = remapped.has(line) ? compactCode(remapped.get(line)!) : row.KODE_DESA;
      expect(IDENTITAS[0]).toEqual({
        nama_provinsi: row.NAMA_PROVINSI,
        id_prov: code.slice(0, 2),
        id_kabupaten: code.slice(0, 4),
        nama_kab_kota: row.NAMA_KABUPATEN,
        id_kecamatan: code.slice(0, 6),
        nama_kecamatan: row.NAMA_KECAMATAN,
        id_desa: code,
        // One row of the file has no desa name: the register's, in the published style.
        nama_desa: row.NAMA_DESA || expect.stringMatching(/^[A-Z][A-Z .'-]+$/),
      });
      expect(ROW).toHaveLength(55);
      expect([ROW[35]!.SKOR, ROW[48]!.SKOR, ROW[52]!.SKOR, ROW[53]!.SKOR, ROW[54]!.SKOR]).toEqual([
        Number(row.IKS_2024),
        Number(row.IKE_2024),
        Number(row.IKL_2024),
        score,
        statusTitle(status),
      ]);
      expect([ROW[35]!.NO, ROW[48]!.NO, ROW[52]!.NO, ROW[53]!.NO, ROW[54]!.NO]).toEqual([null, null, null, null, null]);
      const indicators = ROW.filter((r) => r.NO !== null);
      expect(indicators).toHaveLength(50);
      if (apiCodes2024.has(row.KODE_DESA)) {
        // A correction after the API import: the indicators stay those the API published.
        const api = published(path.join(API, row.KODE_DESA, '2024.json')).mapData.ROW.filter((r) => r.NO !== null);
        expect(indicators.map((r) => [r.NO, r.SKOR, r.NILAI])).toEqual(api.map((r) => [r.NO, r.SKOR, r.NILAI]));
        withIndicators++;
      } else {
        expect(indicators.every((r) => r.SKOR === null && r.NILAI === null && r.KETERANGAN === null)).toBe(true);
      }
      counts.synthesised++;
    }
    expect(withIndicators).toBe([...apiCodes2024].filter((c) => c.startsWith('7202')).length);
    expect(counts.refused).toBe(report.rejects.length);
  });

  it('serves the API response as published again once it is re-imported over the correction', async () => {
    const poso = apiFiles().filter((f) => f.year === 2024 && f.code.startsWith('7202'));
    const report = await importIdm(url(), poso.map((f) => f.file), quiet);
    expect(report.updated).toBe(poso.length);
    for (const { code, file } of poso) {
      const answer = await get(code, 2024);
      expect(answer.headers.get(RUMUSAN_SOURCE_HEADER)).toBe('published');
      expect(answer.text).toBe(JSON.stringify(published(file)));
    }
  });

  it('answers a renumbered desa by the code it was published under and by its register code', async () => {
    // Published as 96.10.24.2004 (Maybrat, 2024 numbering); the register calls it 96.05.24.2004.
    const byAlias = await get('9610242004', 2024);
    expect(byAlias.status).toBe(200);
    expect(JSON.parse(byAlias.text).mapData.IDENTITAS[0]).toMatchObject({ id_desa: '9605242004', nama_desa: 'FASE' });
    for (const code of ['9605242004', '96.05.24.2004', '96.10.24.2004']) expect((await get(code, 2024)).text).toBe(byAlias.text);
  });
});

describe("Kemendes' failure answers", () => {
  const refuse = async (code: string, year: string | number) => {
    const answer = await get(code, year);
    counts.refused++;
    return answer;
  };

  it('answers an unknown code, an unknown year and a kelurahan byte for byte as Kemendes does', async () => {
    for (const [code, year] of [
      ['7201069999', 2024], // a well-formed code the register lacks
      ['7201062009', 2019], // a known desa, a year without data
      ['7201062009', 1999], // a year before IDM
      ['72.71.01.1004', 2024], // a kelurahan: IDM assesses desa only
    ] as const) {
      const answer = await refuse(code, year);
      expect({ code, year, status: answer.status, text: answer.text }).toEqual({ code, year, status: 400, text: NOT_FOUND_BODY });
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('says what is wrong with a malformed code or year, in the same shape', async () => {
    for (const [code, year, field] of [
      ['abc', '2024', 'Kode desa'],
      ['72010620', '2024', 'Kode desa'],
      ['7201062009', '20x4', 'Tahun'],
      ['7201062009', '24', 'Tahun'],
    ] as const) {
      const answer = await refuse(code, year);
      expect(answer.status).toBe(400);
      const body = JSON.parse(answer.text);
      expect(Object.keys(body)).toEqual(['status', 'error', 'message']);
      expect(body).toEqual({ status: 400, error: true, message: expect.stringContaining(`${field} "${field === 'Tahun' ? year : code}" tidak valid`) });
    }
  });

  it('asks for a token where every read needs one, as /graphql does', async () => {
    const closed = await startTestServer({ REQUIRE_TOKEN_FOR_READS: '1' });
    try {
      const anonymous = await get('7201062009', 2024, {}, closed);
      counts.refused++;
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.text)).toEqual({ status: 401, error: true, message: expect.stringContaining('token') });
      const { token } = await mintTestToken({ role: Role.OPERATOR, scope: ['72'] });
      expect((await get('7201062009', 2024, { authorization: `Bearer ${token}` }, closed)).status).toBe(200);
    } finally {
      await closed.stop();
    }
  });

  it('says a retracted desa-year was taken back, and is not found', async () => {
    const code = '72.01.06.2009';
    expect((await server.request(RecordIdmDocument, { input: [{ villageCode: code, year: 2025, iks: 0.7, ike: 0.7, ikl: 0.7, score: 0.7 }] })).errors).toBeUndefined();
    expect((await get(code, 2025)).status).toBe(200);
    expect((await server.request(RetractIdmDocument, { villageCode: code, year: 2025, reason: 'salah desa' })).errors).toBeUndefined();
    const answer = await refuse(code, 2025);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ status: 400, error: true, message: `${NOT_FOUND_MESSAGE}: data IDM 2025 desa ini ditarik kembali (salah desa)` });
  });
});

/** The value of one sample of a Prometheus text exposition, 0 when absent. */
async function metric(on: TestServer, sample: string): Promise<number> {
  const text = await (await fetch(`${origin(on)}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

describe('caching as a CDN would', () => {
  const code = '7201062010';
  const year = 2021;

  it('sends ETag, Last-Modified and Cache-Control, and answers 304 to a matching conditional request', async () => {
    const notModified = 'http_route_requests_total{route="rumusan",outcome="not_modified"}';
    const before = await metric(server, notModified);
    const first = await get(code, year);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^W\/"\d+-\d+"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    expect(first.headers.get('cache-control')).toBe(`public, max-age=${MAX_AGE}`);

    const byTag = await get(code, year, { 'if-none-match': etag });
    expect([byTag.status, byTag.text, byTag.headers.get('etag')]).toEqual([304, '', etag]);
    expect((await get(code, year, { 'if-none-match': `W/"1-1", ${etag}` })).status).toBe(304);
    expect((await get(code, year, { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get(code, year, { 'if-none-match': 'W/"1-1"' })).status).toBe(200);
    expect((await get(code, year, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);
    expect(await metric(server, notModified)).toBe(before + 3);
    // Compressed like every other answer, with the same validators.
    const gzipped = await get(code, year, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('etag')).toBe(etag);
  });

  it('changes the validators when the desa-year changes', async () => {
    const first = await get(code, 2025);
    expect(first.status).toBe(400);
    const write = (score: number) => server.request(RecordIdmDocument, { input: [{ villageCode: code, year: 2025, iks: score, ike: score, ikl: score, score }] });
    expect((await write(0.61)).errors).toBeUndefined();
    const before = await get(code, 2025);
    expect(before.headers.get(RUMUSAN_SOURCE_HEADER)).toBe('synthesised');
    expect((await write(0.62)).errors).toBeUndefined();
    const after = await get(code, 2025, { 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(JSON.parse(after.text).mapData.SUMMARIES.SKOR_SAAT_INI).toBe(0.62);
    await server.request(RetractIdmDocument, { villageCode: code, year: 2025, reason: 'test clean-up' });
  });

  it('is charged to the rate limit like a small query, and counted', async () => {
    // Two requests' minimum per window.
    const strict = await startTestServer({ RATE_LIMIT_COST: '1000', RATE_LIMIT_WINDOW_S: '60' });
    try {
      expect((await get(code, year, {}, strict)).status).toBe(200);
      expect((await get(code, year, {}, strict)).status).toBe(200);
      const refused = await get(code, year, {}, strict);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(JSON.parse(refused.text)).toEqual({ status: 429, error: true, message: expect.stringContaining('coba lagi') });
      expect(await metric(strict, 'http_route_requests_total{route="rumusan",outcome="published"}')).toBe(2);
      expect(await metric(strict, 'http_route_requests_total{route="rumusan",outcome="rate_limited"}')).toBe(1);
    } finally {
      await strict.stop();
    }
  });
});

/** A database of its own on the test server, for a second instance that starts empty. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `desa_cerdas_mirror_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const mirror = new URL(url());
  mirror.pathname = `/${name}`;
  return {
    url: mirror.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

const COMPARED = `query Compared($code: String!, $year: Int) {
  village(code: $code) {
    code name
    idm(year: $year) {
      year iks ike ikl score status derivedStatus statusMismatch targetStatus targetMinScore scoreToTarget
      source { publishedCode }
      indicators { index number name score description activity actors { pusat provinsi kabupaten desa csr lainnya } potentialGain }
    }
  }
}`;

describe('sync:idm from another instance of this API', () => {
  let mirror: TestServer;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase();
    mirror = await startTestServer({ DATABASE_URL: database.url });
  }, 120_000);
  afterAll(async () => {
    await mirror?.stop();
    await database?.drop();
  });

  it("syncs instance B from instance A's /rumusan, and B then answers GraphQL and /rumusan as A does", async () => {
    // Tojo Una-Una (72.09) as published by the API, all four years; Poso (72.02) 2024, corrected by the spreadsheet.
    const scopes = [...[2021, 2022, 2023, 2024].map((year) => ({ kabupatenCode: '72.09', year })), { kabupatenCode: '72.02', year: 2024 }];
    const fetched: { code: string; year: number }[] = [];
    for (const scope of scopes) {
      const report = await syncIdm(database.url, scope, { baseUrl: origin(server), concurrency: 4, timeoutMs: 10_000, retries: 1, ...quiet });
      expect(report.failed).toEqual([]);
      expect(report.write?.rejects ?? []).toEqual([]);
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      const { rows } = await client.query<{ code: string }>(`select village_code as code from idm_assessment where kabupaten_code = $1 and year = $2 order by 1`, [scope.kabupatenCode, scope.year]);
      await client.end();
      // Everything A holds for the scope, and nothing else.
      expect(report.fetched).toBe(rows.length);
      expect(report.notFound.length + report.fetched).toBe(report.desa);
      fetched.push(...rows.map((r) => ({ code: r.code, year: scope.year })));
    }
    expect(fetched.length).toBeGreaterThan(150);
    for (const { code, year } of fetched) {
      const [a, b] = await Promise.all([server.raw(COMPARED, { code, year }), mirror.raw(COMPARED, { code, year })]);
      expect(a.errors).toBeUndefined();
      expect({ code, year, answer: b.data }).toEqual({ code, year, answer: a.data });
      const [ra, rb] = await Promise.all([get(code, year), get(code, year, {}, mirror)]);
      expect({ code, year, body: rb.text }).toEqual({ code, year, body: ra.text });
    }
  }, 300_000);
});
