import { mkdtemp, mkdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { IdmIndex, IdmStatus } from '../../src/idm/idm-status';
import { detectFormat, listInputFiles, parseFile } from '../../src/importers/idm/detect';
import type { IdmRecord, ParseResult } from '../../src/idm/idm-record';
import { parseKemendesApiFile, parseKemendesApiResponse } from '../../src/importers/idm/kemendes-api.parser';
import { parseSpreadsheet } from '../../src/importers/idm/spreadsheet.parser';

// The shared data lives next to the repository (/work/shared beside /work/main), in CI too.
const DATA = path.join(__dirname, '..', '..', '..', 'shared', 'data');
const CSV_2024 = path.join(DATA, 'idm-2024.csv');
const API_DIR = path.join(DATA, 'kemendes-api');

const HEADER_2024 = ['KODE_PROV', 'NAMA_PROVINSI', 'KODE_KAB', 'NAMA_KABUPATEN', 'KODE_KEC', 'NAMA_KECAMATAN', 'KODE_DESA', 'NAMA_DESA', 'IKS_2024', 'IKE_2024', 'IKL_2024', 'NILAI_IDM_2024', 'STATUS_IDM_2024', 'KETERANGAN'];
const HEADER_2023 = ['KODE_PROV', 'PROVINSI', 'KODE_KAB_KOT', 'KABUPATEN_KOTA', 'KODE_KEC', 'KECAMATAN', 'KODE_DESA_DAGRI', 'DESA', 'IKS_2023', 'IKE_2023', 'IKL_2023', 'NILAI_IDM_2023', 'STATUS_IDM_2023', 'UPDATE'];

/** Rows as typed into a sheet: numbers where Excel would keep numbers, text elsewhere. */
type SheetRow = (string | number | null)[];

const ROWS_2024: SheetRow[] = [
  ['72', 'SULAWESI TENGAH', '7201', 'BANGGAI', '720106', 'BALANTAK', 7201062009, 'TALIMA A', '0,8057', 0.5167, 0.9333, 0.7519, 'MAJU', 'Reguler'],
  ['72', 'SULAWESI TENGAH', '7201', 'BANGGAI', '720106', 'BALANTAK', '7201062010', 'TALIMA B, II', 0.6, 0.5, 0.4, 0.5, 'Tertinggal', 'Update 2023'],
  ['11', 'ACEH', '1105', 'ACEH BARAT', '110502', 'KAWAY XVI', '1105022062', 'BATU JAYA', null, null, null, null, null, 'Update 2023'],
];
const ROWS_2023: SheetRow[] = [
  ['72', 'SULAWESI TENGAH', '7201', 'BANGGAI', '720106', 'BALANTAK', 7201062009, 'TALIMA A', '0,7829', '0,55', 0.6, '0,6443', 'BERKEMBANG', 2022],
  ['11', 'ACEH', '1101', 'ACEH SELATAN', '110101', 'BAKONGAN', '11.01.01.2003', '', 0.7029, 0.6167, 0.5333, 0.6176, 'SANGAT TERTINGGAL', null],
];

/** The same rows as a CSV would hold them: text, with the delimiter's quoting rules. */
function toCsv(header: string[], rows: SheetRow[], delimiter: string): string {
  const quote = (v: string | number | null): string => {
    const text = v === null ? '' : String(v);
    return text.includes(delimiter) || text.includes('"') || text.includes('\n') ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

async function writeXlsx(file: string, header: string[], rows: SheetRow[], options: { notesSheetFirst?: boolean } = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (options.notesSheetFirst) workbook.addWorksheet('Catatan').addRow(['Sumber: Kemendes PDTT']);
  const sheet = workbook.addWorksheet('IDM');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

/** A record without the file it came from, to compare a CSV and an XLSX of the same rows. */
function withoutFile(record: IdmRecord): Omit<IdmRecord, 'source'> & { line: number; format: string } {
  const { source, ...rest } = record;
  return { ...rest, line: source.line, format: source.format };
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'idm-parsers-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('national spreadsheet, 2024 CSV (real file)', () => {
  let result: ParseResult;
  const progress: number[] = [];

  beforeAll(async () => {
    const started = process.hrtime.bigint();
    result = await parseSpreadsheet(CSV_2024, (n) => progress.push(n));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`parsed ${CSV_2024}: ${result.records.length} records, ${result.malformed.length} malformed in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5_000);
  });

  it('reads every row, with lines counted from the header', () => {
    expect(result.records.length + result.malformed.length).toBe(75_265);
    expect(result.malformed).toEqual([]);
    expect(result.records[0].source).toEqual({ format: 'spreadsheet-2024', file: CSV_2024, line: 2 });
    expect(result.records[result.records.length - 1].source.line).toBe(75_266);
    expect(new Set(result.records.map((r) => r.year))).toEqual(new Set([2024]));
    expect(new Set(result.records.map((r) => r.villageCode)).size).toBe(75_265);
    expect(progress[progress.length - 1]).toBe(75_265);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('handles the known dirty rows', () => {
    const noScore = result.records.filter((r) => r.score === null);
    expect(noScore).toHaveLength(4);
    for (const r of noScore) {
      expect(r).toMatchObject({ iks: null, ike: null, ikl: null, status: null, statusText: null, note: 'Update 2023' });
    }
    expect(noScore.map((r) => r.villageCode)).toEqual(['1105022062', '1106082013', '1116102005', '6311012020']);

    const noName = result.records.filter((r) => r.names.village === undefined);
    expect(noName).toHaveLength(1);
    expect(noName[0]).toMatchObject({ villageCode: '1101012003', names: { province: 'ACEH', kabupaten: 'ACEH SELATAN', district: 'BAKONGAN' }, score: 0.6176 });

    const quoted = result.records.find((r) => r.villageCode === '1402092010');
    expect(quoted).toMatchObject({
      source: { line: 13_265 },
      names: { province: 'RIAU', kabupaten: 'INDRAGIRI HULU', district: 'LIRIK', village: 'LAMBANG SARI I, II, III' },
      iks: 0.8171,
      ike: 0.8,
      ikl: 1,
      score: 0.8724,
      status: IdmStatus.MANDIRI,
      statusText: 'MANDIRI',
      note: 'Reguler',
    });
  });

  it('reads statuses and notes as published', () => {
    const statuses = new Map<string, number>();
    const notes = new Map<string, number>();
    for (const r of result.records) {
      statuses.set(String(r.status), (statuses.get(String(r.status)) ?? 0) + 1);
      notes.set(String(r.note), (notes.get(String(r.note)) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ MANDIRI: 17_203, MAJU: 23_063, BERKEMBANG: 24_532, TERTINGGAL: 6_100, SANGAT_TERTINGGAL: 4_363, null: 4 });
    expect(Object.fromEntries(notes)).toEqual({ Reguler: 70_147, 'Update 2023': 4_011, 'Server PDN': 1_107 });
    expect(result.records.find((r) => r.status === IdmStatus.SANGAT_TERTINGGAL)?.statusText).toBe('SANGAT TERTINGGAL');
  });
});

describe('national spreadsheet layouts, CSV and XLSX', () => {
  it('reads a 2024-layout CSV and the same rows as XLSX identically', async () => {
    const csv = path.join(tmp, 'layout-2024.csv');
    const xlsx = path.join(tmp, 'layout-2024.xlsx');
    await writeFile(csv, toCsv(HEADER_2024, ROWS_2024, ','));
    await writeXlsx(xlsx, HEADER_2024, ROWS_2024);

    const fromCsv = await parseSpreadsheet(csv);
    const fromXlsx = await parseSpreadsheet(xlsx);
    expect(fromCsv.malformed).toEqual([]);
    expect(fromXlsx.malformed).toEqual([]);
    expect(fromXlsx.records.map(withoutFile)).toEqual(fromCsv.records.map(withoutFile));
    expect(fromXlsx.records[0].source).toEqual({ format: 'spreadsheet-2024', file: xlsx, line: 2 });

    expect(fromCsv.records[0]).toEqual({
      source: { format: 'spreadsheet-2024', file: csv, line: 2 },
      villageCode: '7201062009',
      names: { province: 'SULAWESI TENGAH', kabupaten: 'BANGGAI', district: 'BALANTAK', village: 'TALIMA A' },
      year: 2024,
      iks: 0.8057, // "0,8057": comma decimal
      ike: 0.5167,
      ikl: 0.9333,
      score: 0.7519,
      status: IdmStatus.MAJU,
      statusText: 'MAJU',
      note: 'Reguler',
    });
    expect(fromCsv.records[1]).toMatchObject({ names: { village: 'TALIMA B, II' }, status: IdmStatus.TERTINGGAL, statusText: 'Tertinggal' });
    expect(fromCsv.records[2]).toMatchObject({ villageCode: '1105022062', score: null, iks: null, status: null, statusText: null });
  });

  it('reads a 2023-layout CSV (BOM, ";" delimiter, comma decimals, dotted code) and its XLSX identically', async () => {
    const csv = path.join(tmp, 'layout-2023.csv');
    const xlsx = path.join(tmp, 'layout-2023.xlsx');
    await writeFile(csv, '\uFEFF' + toCsv(HEADER_2023, ROWS_2023, ';'));
    // A notes sheet before the data: sheets without an IDM header are passed over.
    await writeXlsx(xlsx, HEADER_2023, ROWS_2023, { notesSheetFirst: true });

    const fromCsv = await parseSpreadsheet(csv);
    const fromXlsx = await parseSpreadsheet(xlsx);
    expect(fromCsv.malformed).toEqual([]);
    expect(fromXlsx.malformed).toEqual([]);
    expect(fromXlsx.records.map(withoutFile)).toEqual(fromCsv.records.map(withoutFile));
    expect(fromCsv.records).toEqual([
      {
        source: { format: 'spreadsheet-2023', file: csv, line: 2 },
        villageCode: '7201062009',
        names: { province: 'SULAWESI TENGAH', kabupaten: 'BANGGAI', district: 'BALANTAK', village: 'TALIMA A' },
        year: 2023,
        iks: 0.7829,
        ike: 0.55,
        ikl: 0.6,
        score: 0.6443,
        status: IdmStatus.BERKEMBANG,
        statusText: 'BERKEMBANG',
        note: '2022',
      },
      {
        source: { format: 'spreadsheet-2023', file: csv, line: 3 },
        villageCode: '1101012003',
        names: { province: 'ACEH', kabupaten: 'ACEH SELATAN', district: 'BAKONGAN' },
        year: 2023,
        iks: 0.7029,
        ike: 0.6167,
        ikl: 0.5333,
        score: 0.6176,
        status: IdmStatus.SANGAT_TERTINGGAL,
        statusText: 'SANGAT TERTINGGAL',
        note: null,
      },
    ]);
  });

  it('takes the year from the column suffix and matches headers loosely', async () => {
    const file = path.join(tmp, 'layout-2025.csv');
    const header = HEADER_2024.map((h) => ` ${h.replace('2024', '2025').toLowerCase()} `);
    await writeFile(file, [header.join(','), '72,X,7201,Y,720106,Z,7201062009,TALIMA A,0.8,0.5,0.9,0.75,Maju,Reguler'].join('\n'));
    const { records, malformed } = await parseSpreadsheet(file);
    expect(malformed).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ year: 2025, villageCode: '7201062009', score: 0.75, status: IdmStatus.MAJU, source: { format: 'spreadsheet-2024', line: 2 } });
  });

  it('reports unreadable rows with their line and reason, and keeps the good ones', async () => {
    const file = path.join(tmp, 'dirty.csv');
    const good = (code: string, name = 'DESA'): string => `72,P,7201,K,720106,C,${code},${name},0.5,0.5,0.5,0.5,BERKEMBANG,Reguler`;
    await writeFile(
      file,
      [
        HEADER_2024.join(','),
        good('7201062001'), // 2
        '72,P,7201,K,720106,C,7201062002,SHORT,0.5', // 3: short row
        good('12345'), // 4: bad code
        '72,P,7201,K,720106,C,7201062004,DESA,abc,0.5,0.5,0.5,BERKEMBANG,Reguler', // 5: non-numeric score
        good(''), // 6: missing code
        good('7201062006', '"MULTI\r\nLINE"'), // 7-8: a quoted line break inside a name
        '', // 9: blank line, skipped
        good('7201062007', 'A,B'), // 10: unquoted comma: one column too many
        good('7201062008'), // 11
        '72,P,7201,K,720106,C,7201062009,DESA,0.5,0.5,0.5,0.5,STATUS BARU,Reguler', // 12: unknown status, kept
      ].join('\r\n') + '\r\n',
    );
    const { records, malformed } = await parseSpreadsheet(file);
    expect(malformed.map((m) => [m.source.line, m.villageCode, m.reason])).toEqual([
      [3, '7201062002', 'expected 14 columns, found 9'],
      [4, '12345', 'KODE_DESA "12345" is not a 10-digit code'],
      [5, '7201062004', 'IKS_2024 "abc" is not a number'],
      [6, null, 'missing KODE_DESA'],
      [10, '7201062007', 'expected 14 columns, found 15'],
    ]);
    expect(malformed.every((m) => m.source.format === 'spreadsheet-2024' && m.source.file === file)).toBe(true);
    expect(records.map((r) => [r.source.line, r.villageCode])).toEqual([
      [2, '7201062001'],
      [7, '7201062006'],
      [11, '7201062008'],
      [12, '7201062009'],
    ]);
    expect(records[1].names.village).toBe('MULTI\r\nLINE');
    expect(records[3]).toMatchObject({ status: null, statusText: 'STATUS BARU' });
  });

  it('reports a quote that is never closed instead of failing the file', async () => {
    const file = path.join(tmp, 'unclosed.csv');
    await writeFile(
      file,
      [
        HEADER_2024.join(','),
        '72,P,7201,K,720106,C,7201062001,DESA,0.5,0.5,0.5,0.5,BERKEMBANG,Reguler',
        '72,P,7201,K,720106,C,7201062002,"DESA,0.5,0.5,0.5,0.5,BERKEMBANG,Reguler',
        '72,P,7201,K,720106,C,7201062003,DESA,0.5,0.5,0.5,0.5,BERKEMBANG,Reguler',
      ].join('\n') + '\n',
    );
    const { records, malformed } = await parseSpreadsheet(file);
    expect(records.map((r) => r.villageCode)).toEqual(['7201062001']);
    expect(malformed).toHaveLength(1);
    expect(malformed[0].reason).toMatch(/^unreadable CSV: Quote Not Closed/);
    expect(malformed[0].source.format).toBe('spreadsheet-2024');
  });

  it('throws for a header that matches no layout, and for a missing file', async () => {
    const file = path.join(tmp, 'other.csv');
    await writeFile(file, 'kode,nama,nilai\n7201062009,TALIMA A,0.7\n');
    await expect(parseSpreadsheet(file)).rejects.toThrow(/no header row matches an IDM spreadsheet layout/);
    await expect(parseSpreadsheet(path.join(tmp, 'missing.csv'))).rejects.toThrow(/cannot read the file/);
  });
});

/** ROW entries of a saved response, for checking the parser against the raw JSON. */
interface RawRow {
  NO: number | null;
  INDIKATOR: string;
  SKOR: number | string;
}

async function readRawRows(file: string): Promise<{ rows: RawRow[]; tahun: number; idDesa: string }> {
  const json = JSON.parse(await readFile(file, 'utf8')) as { mapData: { ROW: RawRow[]; SUMMARIES: { TAHUN: number }; IDENTITAS: { id_desa: string }[] } };
  return { rows: json.mapData.ROW, tahun: json.mapData.SUMMARIES.TAHUN, idDesa: json.mapData.IDENTITAS[0].id_desa };
}

describe('Kemendes API responses', () => {
  it('parses all 480 saved responses to one record with 50 indicators each', async () => {
    const files = await listInputFiles([API_DIR]);
    expect(files).toHaveLength(480);
    let differFromSum = 0;
    for (const file of files) {
      const { records, malformed } = await parseKemendesApiFile(file);
      expect(malformed).toEqual([]);
      expect(records).toHaveLength(1);
      const record = records[0];
      const raw = await readRawRows(file);
      const published = (prefix: string): number => raw.rows.find((r) => r.NO === null && r.INDIKATOR.startsWith(`${prefix} `))?.SKOR as number;

      expect(record.year).toBe(raw.tahun);
      expect(String(record.year)).toBe(path.basename(file, '.json'));
      expect(record.villageCode).toBe(raw.idDesa);
      expect(record.status).not.toBeNull();
      expect(record.targetStatus).not.toBeNull();
      expect(record.iks).toBe(published('IKS'));
      expect(record.ike).toBe(published('IKE'));
      expect(record.ikl).toBe(published('IKL'));
      expect(record.score).toBe(published('IDM'));

      const indicators = record.indicators ?? [];
      expect(indicators).toHaveLength(50);
      for (const [index, count] of [[IdmIndex.IKS, 35], [IdmIndex.IKE, 12], [IdmIndex.IKL, 3]] as const) {
        const ofIndex = indicators.filter((i) => i.index === index);
        expect(ofIndex.map((i) => i.number)).toEqual(Array.from({ length: count }, (_, k) => k + 1));
      }
      const iksScores = indicators.filter((i) => i.index === IdmIndex.IKS).map((i) => i.score);
      if (Math.abs(iksScores.reduce((a, b) => a + b, 0) / (5 * 35) - (record.iks ?? 0)) > 1e-9) differFromSum++;
    }
    // Published IKS subtotals that are not Σscore/175 (all in 2024, by ±4/175): kept as published.
    expect(differFromSum).toBe(27);
  });

  it('reads one response field by field', async () => {
    const file = path.join(API_DIR, '7201062009', '2024.json');
    const { records } = await parseKemendesApiFile(file);
    const record = records[0];
    const { indicators, published, ...summary } = record;
    // The whole response rides along for the write path (see src/idm/rumusan.ts).
    expect(published).toEqual(JSON.parse(await readFile(file, 'utf8')));
    expect(summary).toEqual({
      source: { format: 'kemendes-api', file, line: 1 },
      villageCode: '7201062009',
      names: { province: 'SULAWESI TENGAH', kabupaten: 'BANGGAI', district: 'BALANTAK', village: 'TALIMA A' },
      year: 2024,
      iks: 0.80571428571429,
      ike: 0.51666666666667,
      ikl: 0.93333333333333,
      score: 0.75190476190476,
      status: IdmStatus.MAJU,
      statusText: 'MAJU',
      targetStatus: IdmStatus.MANDIRI,
      targetMinScore: 0.8156,
      scoreToTarget: 0.06369523809524003,
    });
    expect(indicators?.[0]).toEqual({
      index: IdmIndex.IKS,
      number: 1,
      name: 'Skor Akses Sarkes',
      score: 5,
      description: 'Waktu tempuh dari ≤ 30  Menit',
      activity: null, // "-"
      actors: { pusat: null, provinsi: null, kabupaten: 'Dinkes, PU', desa: null, csr: null, lainnya: null },
      potentialGain: 0,
    });
    expect(indicators?.[1]).toMatchObject({ number: 2, name: 'Skor Dokter', score: 0, activity: 'Pengadaan Min 1 org Dokter', potentialGain: 0.00952381 });
    expect(indicators?.[2].name).toBe('Skor Bidan'); // published with a trailing space
    expect(indicators?.[13].actors).toEqual({ pusat: 'Kemenperpus Arsip', provinsi: 'Dinas Perpus', kabupaten: 'Dinas Perpus', desa: 'DD', csr: 'CSR', lainnya: null });
    expect(indicators?.[35]).toMatchObject({ index: IdmIndex.IKE, number: 1, name: 'Skor Keragaman Produksi', score: 5 });
    expect(indicators?.[49]).toMatchObject({
      index: IdmIndex.IKL,
      number: 3,
      name: 'Skor Tanggap Bencana',
      score: 4,
      potentialGain: 0.02222222,
      actors: { pusat: 'BNPB, Kemendes', provinsi: 'DISHUT/KPH, BPDB, DINSOS', kabupaten: 'DPBD, DINSOS', desa: 'DD', csr: 'CSR', lainnya: null },
    });
  });

  it('reads the `false` the API sometimes puts in KETERANGAN and KEGIATAN as null', async () => {
    const { records } = await parseKemendesApiFile(path.join(API_DIR, '7205082003', '2023.json'));
    expect(records[0].indicators?.find((i) => i.index === IdmIndex.IKS && i.number === 16)).toMatchObject({
      name: 'Skor Frekuensi Goryong',
      description: null,
      activity: null,
      potentialGain: 0.00952381,
    });
  });

  it('assigns indicators to the subtotal row that follows them, not by count', async () => {
    const json = JSON.parse(await readFile(path.join(API_DIR, '7201062009', '2024.json'), 'utf8')) as { mapData: { ROW: RawRow[] } };
    const rows = json.mapData.ROW;
    // Move the last IKE indicator after the IKE subtotal: it now belongs to IKL (11 IKE, 4 IKL).
    const ikeSubtotal = rows.findIndex((r) => r.INDIKATOR === 'IKE 2024');
    const [moved] = rows.splice(ikeSubtotal - 1, 1);
    rows.splice(ikeSubtotal, 0, moved);
    const { records } = parseKemendesApiResponse(json, { file: 'live' });
    const indicators = records[0].indicators ?? [];
    expect(indicators.filter((i) => i.index === IdmIndex.IKE)).toHaveLength(11);
    expect(indicators.filter((i) => i.index === IdmIndex.IKL).map((i) => i.name)).toEqual(['Skor Kualitas Jalan', 'Skor Kualitas Lingkungan', 'Skor Rawan Bencana', 'Skor Tanggap Bencana']);
    expect(records[0].ike).toBe(0.51666666666667);

    // Indicator rows with no subtotal after them cannot be placed: the response is refused.
    const noIkl = { mapData: { ...json.mapData, ROW: rows.filter((r) => !r.INDIKATOR.startsWith('IKL ')) } };
    const refused = parseKemendesApiResponse({ ...json, ...noIkl }, { file: 'live' });
    expect(refused.records).toEqual([]);
    expect(refused.malformed[0].reason).toMatch(/4 indicator row\(s\) after the last IKS\/IKE\/IKL subtotal row/);
    expect(refused.malformed[0].villageCode).toBe('7201062009');
  });

  it("reads a mirror's answer without indicators as a record without them, and refuses a mix", async () => {
    const json = JSON.parse(await readFile(path.join(API_DIR, '7201062009', '2024.json'), 'utf8')) as { mapData: { ROW: RawRow[] } };
    // What /open/api/desa/rumusan of this API sends for a desa-year known from a spreadsheet.
    const unscored = json.mapData.ROW.map((r) => (r.NO === null ? r : { ...r, SKOR: null, NILAI: null }));
    const { records, malformed } = parseKemendesApiResponse({ ...json, mapData: { ...json.mapData, ROW: unscored } }, { file: 'mirror' });
    expect(malformed).toEqual([]);
    expect(records[0]).not.toHaveProperty('indicators');
    expect(records[0].iks).toBe(0.80571428571429);

    const mixed = json.mapData.ROW.map((r, at) => (at === 0 ? { ...r, SKOR: null, NILAI: null } : r));
    const refused = parseKemendesApiResponse({ ...json, mapData: { ...json.mapData, ROW: mixed } }, { file: 'mirror' });
    expect(refused.malformed[0].reason).toBe('1 indicator row(s) without SKOR beside 49 with one');
  });

  it('turns an error response into a malformed row', async () => {
    const error = parseKemendesApiResponse({ error: true, message: 'ID Desa tidak ditemukan' }, { file: 'https://idm.kemendesa.go.id/open/api/desa/rumusan/1234567890/2024' });
    expect(error).toEqual({
      records: [],
      malformed: [{ source: { format: 'kemendes-api', file: 'https://idm.kemendesa.go.id/open/api/desa/rumusan/1234567890/2024', line: 1 }, villageCode: null, reason: 'API error: ID Desa tidak ditemukan' }],
    });
    expect(parseKemendesApiResponse({ status: 200, error: false }, { file: 'x' }).malformed[0].reason).toBe('response has no mapData');
    for (const notAResponse of [null, 'text', [1, 2]]) {
      expect(parseKemendesApiResponse(notAResponse, { file: 'x' }).malformed[0].reason).toMatch(/not a Kemendes API response/);
    }

    const errorFile = path.join(tmp, 'error.json');
    await writeFile(errorFile, '{"error":true,"message":"ID Desa tidak ditemukan"}');
    expect((await parseKemendesApiFile(errorFile)).malformed[0].reason).toBe('API error: ID Desa tidak ditemukan');
    const brokenFile = path.join(tmp, 'broken.json');
    await writeFile(brokenFile, '{"mapData": {');
    expect((await parseKemendesApiFile(brokenFile)).malformed[0].reason).toMatch(/^invalid JSON/);
  });
});

describe('format detection and input listing', () => {
  it('detects formats from content', async () => {
    const csv2023 = path.join(tmp, 'detect-2023.csv');
    const xlsx2024 = path.join(tmp, 'detect-2024.xlsx');
    const xlsx2023 = path.join(tmp, 'detect-2023.xlsx');
    const text = path.join(tmp, 'notes.txt');
    const jsonNamedCsv = path.join(tmp, 'response.csv');
    const otherJson = path.join(tmp, 'other.json');
    const otherZip = path.join(tmp, 'not-a-workbook.xlsx');
    await writeFile(csv2023, '\uFEFF' + toCsv(HEADER_2023, ROWS_2023, ';'));
    await writeXlsx(xlsx2024, HEADER_2024, ROWS_2024);
    await writeXlsx(xlsx2023, HEADER_2023, ROWS_2023, { notesSheetFirst: true });
    await writeFile(text, 'Catatan rapat desa\nkode, nama, nilai\nlorem ipsum dolor sit amet\n');
    await copyFile(path.join(API_DIR, '7201062009', '2024.json'), jsonNamedCsv);
    await writeFile(otherJson, '{"name": "desa-cerdas-api"}');
    await writeFile(otherZip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));

    expect(await detectFormat(path.join(API_DIR, '7201062009', '2024.json'))).toBe('kemendes-api');
    expect(await detectFormat(jsonNamedCsv)).toBe('kemendes-api');
    expect(await detectFormat(CSV_2024)).toBe('spreadsheet-2024');
    expect(await detectFormat(csv2023)).toBe('spreadsheet-2023');
    expect(await detectFormat(xlsx2024)).toBe('spreadsheet-2024');
    expect(await detectFormat(xlsx2023)).toBe('spreadsheet-2023');
    expect(await detectFormat(text)).toBe('unknown');
    expect(await detectFormat(otherJson)).toBe('unknown');
    expect(await detectFormat(otherZip)).toBe('unknown');
    await expect(detectFormat(path.join(tmp, 'missing.json'))).rejects.toThrow(/cannot read the file/);
  });

  it('lists folders recursively, sorted, without hidden entries', async () => {
    const root = path.join(tmp, 'inputs');
    await mkdir(path.join(root, 'b', 'nested'), { recursive: true });
    await mkdir(path.join(root, '.git'), { recursive: true });
    for (const f of ['b/nested/2.json', 'b/1.json', 'a.csv', '.DS_Store', '.git/config', 'b/.hidden.json']) await writeFile(path.join(root, f), '');
    expect(await listInputFiles([root, path.join(root, 'a.csv')])).toEqual([path.join(root, 'a.csv'), path.join(root, 'b', '1.json'), path.join(root, 'b', 'nested', '2.json')]);

    const api = await listInputFiles([API_DIR]);
    expect(api[0]).toBe(path.join(API_DIR, '7201062009', '2021.json'));
    expect(api).toEqual([...api].sort());
    await expect(listInputFiles([path.join(tmp, 'nowhere')])).rejects.toThrow(/no such file or folder/);
  });

  it('parses a file with the parser its content calls for', async () => {
    const api = await parseFile(path.join(API_DIR, '7201062009', '2023.json'));
    expect(api.records[0]).toMatchObject({ villageCode: '7201062009', year: 2023, source: { format: 'kemendes-api' } });
    const csv = path.join(tmp, 'dispatch.csv');
    await writeFile(csv, toCsv(HEADER_2023, ROWS_2023, ','));
    expect((await parseFile(csv)).records.map((r) => r.source.format)).toEqual(['spreadsheet-2023', 'spreadsheet-2023']);
    const text = path.join(tmp, 'dispatch.txt');
    await writeFile(text, 'hello\n');
    await expect(parseFile(text)).rejects.toThrow(/not a known IDM format/);
  });
});
