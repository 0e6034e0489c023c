import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { IndeksDesaRecord } from '../../src/indeks-desa/indeks-desa-record';
import { IndexStatus } from '../../src/index-family/index-status';
import { IndeksDesaFormatError, parseIndeksDesaFile } from '../../src/importers/indeks-desa/indeks-desa.parser';

// The shared data lives next to the repository (/work/shared beside /work/main), in CI too.
const DATA = path.join(__dirname, '..', '..', '..', 'shared', 'data');
const WIDE = path.join(DATA, 'indeks-desa-2025', 'lampung-timur-sample.csv');
const LONG = path.join(DATA, 'indeks-desa-2025', 'lampung-timur-sample-long.csv');

/** The sheet's dimension headers, in the record's order. */
const WIDE_DIMENSIONS = ['LAYANAN DASAR', 'SOSIAL', 'EKONOMI', 'LINGKUNGAN', 'AKSESIBILITAS', 'TATA KELOLA PEMERINTAH'] as const;
const LONG_DIMENSIONS = ['Layanan Dasar', 'Sosial', 'Ekonomi', 'Lingkungan', 'Aksesibilitas', 'Tata Kelola Pemerintah'] as const;
const KEYS = ['layananDasar', 'sosial', 'ekonomi', 'lingkungan', 'aksesibilitas', 'tataKelola'] as const;

let tmp: string;
let wideRows: string[][];
let longRows: string[][];
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'indeks-desa-parsers-'));
  wideRows = parse(await readFile(WIDE), { bom: true }) as string[][];
  longRows = parse(await readFile(LONG), { bom: true }) as string[][];
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A desa as the published CSV has it, read here with csv-parse alone: what every variant must give back. */
interface Published {
  code: string;
  dimensions: Record<(typeof KEYS)[number], number>;
  score: number;
  statusText: string;
}

function publishedWide(): Published[] {
  const [header, ...rows] = wideRows;
  const at = (row: string[], name: string): string => row[header!.indexOf(name)]!;
  return rows.map((row) => ({
    code: at(row, 'KODE DESA'),
    dimensions: Object.fromEntries(KEYS.map((k, i) => [k, Number(at(row, WIDE_DIMENSIONS[i]!))])) as Published['dimensions'],
    score: Number(at(row, 'SKOR INDEKS DESA')),
    statusText: at(row, 'INDEKS DESA (ID 2025)'),
  }));
}

function publishedLong(): Published[] {
  const [header, ...rows] = longRows;
  const byCode = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const code = row[header!.indexOf('region_code')]!;
    if (!byCode.has(code)) byCode.set(code, new Map());
    byCode.get(code)!.set(row[header!.indexOf('item')]!, row[header!.indexOf('value')]!);
  }
  return [...byCode].map(([code, items]) => ({
    code,
    dimensions: Object.fromEntries(KEYS.map((k, i) => [k, Number(items.get(LONG_DIMENSIONS[i]!))])) as Published['dimensions'],
    score: Number(items.get('Skor')),
    statusText: items.get('Status Indeks Desa')!,
  }));
}

function asPublished(record: IndeksDesaRecord): Published {
  return { code: record.villageCode, dimensions: record.dimensions as Published['dimensions'], score: record.score!, statusText: record.statusText! };
}

/** A record without the file it came from, to compare variants of one sheet. */
function withoutFile(record: IndeksDesaRecord): Omit<IndeksDesaRecord, 'source'> & { line: number; format: string } {
  const { source, ...rest } = record;
  return { ...rest, line: source.line, format: source.format };
}

function toCsv(rows: string[][], delimiter: string): string {
  const quote = (text: string): string => (text.includes(delimiter) || text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

/** "73.86" → "73,86", as an Indonesian-locale export writes it. */
const decimalComma = (rows: string[][]): string[][] => rows.map((row) => row.map((c) => c.replace(/^(\d+)\.(\d+)$/, '$1,$2')));

async function writeXlsx(file: string, rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Indeks Desa');
  // Numbers as numbers, as a sheet typed by hand keeps them; codes stay text (Excel would lose none of 10 digits anyway).
  for (const row of rows) sheet.addRow(row.map((c) => (/^\d+(\.\d+)?$/.test(c) && c.length < 10 ? Number(c) : c)));
  await workbook.xlsx.writeFile(file);
}

/** Moves the columns of a wide sheet about: reversed, then the last three first. */
function shuffleColumns(rows: string[][]): string[][] {
  const order = [...rows[0]!.keys()].reverse();
  const shuffled = [...order.slice(-3), ...order.slice(0, -3)];
  return rows.map((row) => shuffled.map((i) => row[i]!));
}

describe('the published samples', () => {
  it('reads the 32 desa of the wide sheet with the values of the CSV', async () => {
    const { records, malformed, formats } = await parseIndeksDesaFile(WIDE);
    expect(formats).toEqual(['indeks-desa-wide']);
    expect(malformed).toEqual([]);
    expect(records.map(asPublished)).toEqual(publishedWide());
    expect(records).toHaveLength(32);
    expect(records[0]).toEqual({
      source: { format: 'indeks-desa-wide', file: WIDE, line: 2 },
      villageCode: '1807142001',
      names: { province: 'LAMPUNG', kabupaten: 'LAMPUNG TIMUR', district: 'BUMI AGUNG', village: 'DONOMULYO' },
      year: 2025, // from the header "INDEKS DESA (ID 2025)"
      dimensions: { layananDasar: 123, sosial: 73, ekonomi: 122, lingkungan: 42, aksesibilitas: 38, tataKelola: 71 },
      score: 73.86,
      status: IndexStatus.MAJU,
      statusText: 'MAJU',
    });
    expect(records.map((r) => r.source.line)).toEqual(records.map((_, i) => i + 2));
  });

  it('reads the 14 desa of the long sheet, one record per region_code on the line of its first row', async () => {
    const { records, malformed, formats } = await parseIndeksDesaFile(LONG);
    expect(formats).toEqual(['indeks-desa-long']);
    expect(malformed).toEqual([]);
    expect(records.map(asPublished)).toEqual(publishedLong());
    expect(records).toHaveLength(14);
    expect(records.map((r) => r.source.line)).toEqual(records.map((_, i) => 2 + 8 * i));
    expect(records[0]).toMatchObject({ villageCode: '1807102001', names: { province: 'LAMPUNG', kabupaten: 'LAMPUNG TIMUR' }, year: 2025, score: 80, status: IndexStatus.MANDIRI });
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(records.map((r) => r.statusText).map((t) => t as IndexStatus)));
  });

  it('tells the layouts apart by content, whatever the file is called', async () => {
    const wideNamedLong = path.join(tmp, 'long.xlsx');
    const longNamedWide = path.join(tmp, 'lampung-timur-sample.csv');
    await copyFile(WIDE, wideNamedLong);
    await copyFile(LONG, longNamedWide);
    expect((await parseIndeksDesaFile(wideNamedLong)).formats).toEqual(['indeks-desa-wide']);
    expect((await parseIndeksDesaFile(longNamedWide)).formats).toEqual(['indeks-desa-long']);
  });
});

describe('variants of the wide sheet', () => {
  it('XLSX, ";" with decimal commas, shuffled columns: the same records', async () => {
    const reference = (await parseIndeksDesaFile(WIDE)).records.map(withoutFile);
    const xlsx = path.join(tmp, 'wide.xlsx');
    await writeXlsx(xlsx, wideRows);
    const semicolon = path.join(tmp, 'wide-semicolon.csv');
    await writeFile(semicolon, '\uFEFF' + toCsv(decimalComma(wideRows), ';'));
    const shuffled = path.join(tmp, 'wide-shuffled.csv');
    await writeFile(shuffled, toCsv(shuffleColumns(wideRows), ','));
    const moved = shuffleColumns(wideRows)[0]!;
    expect(moved.slice(0, 3)).toEqual(['ID KAB', 'NAMA PROVINSI', 'ID PROV']); // really moved
    expect(moved.indexOf('SKOR INDEKS DESA')).not.toBe(wideRows[0]!.indexOf('SKOR INDEKS DESA'));

    for (const file of [xlsx, semicolon, shuffled]) {
      const { records, malformed } = await parseIndeksDesaFile(file);
      expect(malformed).toEqual([]);
      expect(records.map(withoutFile)).toEqual(reference);
      expect(records.map(asPublished)).toEqual(publishedWide());
    }
  });

  it('reads "TATA KELOLA PEMERINTAHAN DESA" and "STATUS", the year then from --year or 2025, and ignores BUM Desa columns', async () => {
    const [header, ...rows] = wideRows;
    const renamed = header!.map((h) => (h === 'TATA KELOLA PEMERINTAH' ? 'Tata Kelola Pemerintahan Desa' : h === 'INDEKS DESA (ID 2025)' ? 'STATUS' : h));
    const file = path.join(tmp, 'wide-spellings.csv');
    await writeFile(
      file,
      toCsv(
        [
          [...renamed, 'STATUS BUM DESA', 'KLASIFIKASI BUM DESA', 'OMZET BUM DESA'],
          ...rows.map((row, i) => [...row, i % 2 ? 'AKTIF' : 'TIDAK AKTIF', 'BERKEMBANG', i % 3 ? '12,5' : 'x']),
        ],
        ';',
      ),
    );
    const { records, malformed } = await parseIndeksDesaFile(file);
    expect(malformed).toEqual([]);
    expect(records.map(asPublished)).toEqual(publishedWide());
    expect(new Set(records.map((r) => r.year))).toEqual(new Set([2025]));

    const asked = await parseIndeksDesaFile(file, { year: 2026 });
    expect(new Set(asked.records.map((r) => r.year))).toEqual(new Set([2026]));
    // A sheet that says its year is not overridden by another.
    await expect(parseIndeksDesaFile(WIDE, { year: 2026 })).rejects.toThrow(/INDEKS DESA \(ID 2025\) says 2025, but the year asked for is 2026/);
  });

  it('refuses a sheet missing a dimension column, naming it', async () => {
    const column = wideRows[0]!.indexOf('LINGKUNGAN');
    const file = path.join(tmp, 'wide-no-lingkungan.csv');
    await writeFile(file, toCsv(wideRows.map((row) => row.filter((_, i) => i !== column)), ','));
    const refused = parseIndeksDesaFile(file);
    await expect(refused).rejects.toThrow(IndeksDesaFormatError);
    await expect(parseIndeksDesaFile(file)).rejects.toThrow(/no header row matches an Indeks Desa layout .*: line 1: wide layout lacks LINGKUNGAN; long layout lacks item, value/);
  });

  it('passes an empty dimension cell on as null, and makes a bad number a malformed row naming line and column', async () => {
    const [header, ...rows] = wideRows;
    const sosial = header!.indexOf('SOSIAL');
    const lingkungan = header!.indexOf('LINGKUNGAN');
    const score = header!.indexOf('SKOR INDEKS DESA');
    const edited = rows.map((row) => [...row]);
    edited[0]![lingkungan] = ''; // line 2: missing
    edited[4]![sosial] = '7x'; // line 6: not a number
    edited[7]![sosial] = 'tujuh'; // line 9: two bad cells
    edited[7]![score] = '64.4.1';
    edited[9]![header!.indexOf('KODE DESA')] = '180714201'; // line 11: 9 digits
    const file = path.join(tmp, 'wide-dirty.csv');
    await writeFile(file, toCsv([header!, ...edited], ','));

    const { records, malformed } = await parseIndeksDesaFile(file);
    expect(malformed).toEqual([
      { source: { format: 'indeks-desa-wide', file, line: 6, column: 'SOSIAL' }, villageCode: rows[4]![header!.indexOf('KODE DESA')], reason: 'SOSIAL "7x" is not a number' },
      {
        source: { format: 'indeks-desa-wide', file, line: 9, column: 'SOSIAL' },
        villageCode: rows[7]![header!.indexOf('KODE DESA')],
        reason: 'SOSIAL "tujuh" is not a number; SKOR INDEKS DESA "64.4.1" is not a number',
      },
      { source: { format: 'indeks-desa-wide', file, line: 11, column: 'KODE DESA' }, villageCode: '180714201', reason: 'KODE DESA "180714201" is not a 10-digit code' },
    ]);
    expect(records).toHaveLength(29);
    expect(records[0]!.dimensions.lingkungan).toBeNull(); // the write path rejects it, naming the dimension
    expect(records[0]!.dimensions.sosial).toBe(Number(rows[0]![sosial]));
  });
});

describe('variants of the long sheet', () => {
  it('XLSX, ";" with decimal commas, rows of a desa apart: the same records', async () => {
    const reference = (await parseIndeksDesaFile(LONG)).records.map((r) => ({ ...withoutFile(r), line: undefined }));
    const xlsx = path.join(tmp, 'long.xlsx');
    await writeXlsx(xlsx, longRows);
    const semicolon = path.join(tmp, 'long-semicolon.csv');
    await writeFile(semicolon, toCsv(decimalComma(longRows), ';'));
    // Items sorted by item name rather than by desa: a desa's rows are gathered wherever they are.
    const [header, ...rows] = longRows;
    const byItem = path.join(tmp, 'long-by-item.csv');
    await writeFile(byItem, toCsv([header!, ...[...rows].sort((a, b) => (a[3]! < b[3]! ? -1 : a[3]! > b[3]! ? 1 : 0))], ','));

    for (const file of [xlsx, semicolon, byItem]) {
      const { records, malformed } = await parseIndeksDesaFile(file);
      expect(malformed).toEqual([]);
      expect(records.map((r) => ({ ...withoutFile(r), line: undefined })).sort((a, b) => a.villageCode.localeCompare(b.villageCode))).toEqual(
        [...reference].sort((a, b) => a.villageCode.localeCompare(b.villageCode)),
      );
    }
  });

  it('reads "Tata Kelola Pemerintahan Desa", passes other items over, and names the item of a bad value', async () => {
    const [header, ...rows] = longRows;
    const edited = rows.map((row) => [...row]);
    for (const row of edited) if (row[3] === 'Tata Kelola Pemerintah') row[3] = 'TATA KELOLA PEMERINTAHAN DESA';
    edited.splice(1, 0, [rows[0]![0]!, 'LAMPUNG', 'LAMPUNG TIMUR', 'Pendidikan', 'Skor', '40']); // a sub-dimension: not an item of the record
    // The second desa (lines 11-18 now): a bad Sosial, and its Lingkungan row gone.
    const second = rows[8]![0]!;
    const sosial = edited.findIndex((r) => r[0] === second && r[3] === 'Sosial');
    edited[sosial]![5] = 'tujuh puluh';
    edited.splice(
      edited.findIndex((r) => r[0] === second && r[3] === 'Lingkungan'),
      1,
    );
    // The third desa: Skor given twice, once differently.
    const third = rows[16]![0]!;
    edited.push([third, 'LAMPUNG', 'LAMPUNG TIMUR', 'Skor', 'Persen', '99.99']);
    const file = path.join(tmp, 'long-dirty.csv');
    await writeFile(file, toCsv([header!, ...edited], ','));

    const { records, malformed } = await parseIndeksDesaFile(file);
    expect(malformed).toEqual([
      { source: { format: 'indeks-desa-long', file, line: 11, column: 'Sosial' }, villageCode: second, reason: `Sosial (line ${sosial + 2}) "tujuh puluh" is not a number` },
      {
        source: { format: 'indeks-desa-long', file, line: 18, column: 'Skor' },
        villageCode: third,
        reason: expect.stringMatching(/^Skor given twice with different values \(line 25: "\d+\.\d+", line 114: "99\.99"\)$/),
      },
    ]);
    expect(records).toHaveLength(12);
    expect(records[0]!.dimensions.tataKelola).toBe(Number(rows[6]![5])); // the renamed item
    expect(records[0]!.dimensions.layananDasar).toBe(Number(rows[1]![5])); // "Pendidikan" did not replace it
  });

  it('leaves a dimension without its row null, for the write path to reject', async () => {
    const [header, ...rows] = longRows;
    const first = rows[0]![0]!;
    const file = path.join(tmp, 'long-missing.csv');
    await writeFile(file, toCsv([header!, ...rows.filter((r) => !(r[0] === first && r[3] === 'Ekonomi'))], ','));
    const { records, malformed } = await parseIndeksDesaFile(file);
    expect(malformed).toEqual([]);
    expect(records[0]).toMatchObject({ villageCode: first, dimensions: { ekonomi: null, sosial: Number(rows[2]![5]) } });
  });
});

describe('files that are no Indeks Desa sheet', () => {
  it('refuses an IDM spreadsheet, a text file and a missing file as a whole', async () => {
    const idm = path.join(tmp, 'idm.csv');
    await writeFile(
      idm,
      'KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_2024,IKE_2024,IKL_2024,NILAI_IDM_2024,STATUS_IDM_2024\n' +
        '18,LAMPUNG,1807,LAMPUNG TIMUR,180714,BUMI AGUNG,1807142001,DONOMULYO,0.8,0.7,0.6,0.7,MAJU\n',
    );
    await expect(parseIndeksDesaFile(idm)).rejects.toThrow(/no header row matches an Indeks Desa layout.*line 1: an IDM spreadsheet \(spreadsheet-2024, 2024\), not the Indeks Desa: import it with npm run import:idm/);
    const other = path.join(tmp, 'other.csv');
    await writeFile(other, 'KODE DESA,NAMA DESA,NILAI\n1807142001,DONOMULYO,0.7\n');
    await expect(parseIndeksDesaFile(other)).rejects.toThrow(/line 1: wide layout lacks LAYANAN DASAR, SOSIAL, EKONOMI, LINGKUNGAN, AKSESIBILITAS, TATA KELOLA PEMERINTAH, SKOR INDEKS DESA, INDEKS DESA \(ID <year>\) or STATUS; long layout lacks item \|/); // NILAI is a value column of the long layout
    const text = path.join(tmp, 'notes.txt');
    await writeFile(text, 'Catatan rapat desa\n');
    await expect(parseIndeksDesaFile(text)).rejects.toThrow(IndeksDesaFormatError);
    await expect(parseIndeksDesaFile(path.join(tmp, 'missing.csv'))).rejects.toThrow(/cannot read the file/);
  });
});
