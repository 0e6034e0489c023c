import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { headerKey, readNumber, readVillageCode } from '../../src/importers/sheet/cells';
import { HEAD_BYTES, InputFile, withInputFile } from '../../src/importers/sheet/input-file';
import { readSheet, type SheetDialect } from '../../src/importers/sheet/sheet-reader';
import type { SheetHeader, SheetRow } from '../../src/importers/sheet/sheet-row';

// The shared data lives next to the repository (/work/shared beside /work/main), in CI too.
const DATA = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'indeks-desa-2025');
const WIDE = path.join(DATA, 'lampung-timur-sample.csv');
const LONG = path.join(DATA, 'lampung-timur-sample-long.csv');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sheet-reader-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The file's records as csv-parse reads them on its own: what the reader must agree with. */
async function csvRecords(file: string): Promise<string[][]> {
  return parse(await readFile(file), { bom: true }) as string[][];
}

interface Read {
  dialect: SheetDialect;
  sheets: number;
  reasons: string[];
  headers: SheetHeader[];
  rows: SheetRow[];
  unreadable: { line: number; message: string }[];
  progress: number[];
}

/** Reads a file with a header test of the caller's, keeping everything the reader hands over. */
async function read(file: string, isHeader: (header: SheetHeader) => boolean = (h) => h.has('KODE_DESA') || h.has('REGION_CODE')): Promise<Read> {
  const out: Omit<Read, 'dialect' | 'sheets' | 'reasons'> = { headers: [], rows: [], unreadable: [], progress: [] };
  const result = await withInputFile(file, (input) =>
    readSheet(input, {
      onProgress: (n) => out.progress.push(n),
      header: (header) => {
        if (!isHeader(header)) return { error: `not a header: ${header.labels.slice(0, 2).join(', ')}` };
        out.headers.push(header);
        return { row: (row) => out.rows.push(row), unreadable: (line, message) => out.unreadable.push({ line, message }) };
      },
    }),
  );
  return { ...result, ...out };
}

function toCsv(rows: (string | number)[][], delimiter: string): string {
  const quote = (v: string | number): string => {
    const text = String(v);
    return text.includes(delimiter) || text.includes('"') || text.includes('\n') ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

/** A cell as a spreadsheet program keeps it: numbers as numbers, the rest as text. */
function typed(cell: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(cell) && !/^\d{10}$/.test(cell) ? Number(cell) : cell;
}

describe('the sample files', () => {
  it('reads the wide sample: one header, every row with its cells and line', async () => {
    const expected = await csvRecords(WIDE);
    const got = await read(WIDE);
    expect(got.dialect).toEqual({ kind: 'csv', delimiter: ',', decimalComma: false });
    expect(got.sheets).toBe(1);
    expect(got.headers[0]!.labels).toEqual(expected[0]);
    expect(got.headers[0]!.keys).toContain('INDEKS_DESA_ID_2025');
    expect(got.headers[0]!.keys).toContain('NAMA_KABUPATEN_KOTA');
    expect(got.headers[0]!.keys).toContain('DESA_KELURAHAN');
    expect(got.rows.map((r) => [...r.cells])).toEqual(expected.slice(1));
    expect(got.rows.map((r) => r.line)).toEqual(expected.slice(1).map((_, i) => i + 2));
    expect(got.rows.every((r) => r.problem === null)).toBe(true);
    expect(got.rows[0]!.get('SKOR_INDEKS_DESA')).toBe(expected[1]![expected[0]!.indexOf('SKOR INDEKS DESA')]);
    expect(got.progress).toEqual([expected.length - 1]);
  });

  it('reads the long sample', async () => {
    const expected = await csvRecords(LONG);
    const got = await read(LONG);
    expect(got.headers[0]!.keys).toEqual(['REGION_CODE', 'PROVINCE', 'REGENCY', 'ITEM', 'UNITS', 'VALUE']);
    expect(got.rows.map((r) => [...r.cells])).toEqual(expected.slice(1));
    expect(got.rows.at(-1)!.line).toBe(expected.length);
  });
});

describe('dialects and workbooks', () => {
  it('reads ";" with decimal commas and a BOM, and tab-separated, as the same rows', async () => {
    const expected = await csvRecords(WIDE);
    const semicolon = path.join(tmp, 'wide-semicolon.csv');
    const commaDecimals = expected.map((row) => row.map((c) => c.replace(/^(\d+)\.(\d+)$/, '$1,$2')));
    await writeFile(semicolon, '\uFEFF' + toCsv(commaDecimals, ';'));
    const tab = path.join(tmp, 'wide-tab.tsv');
    await writeFile(tab, toCsv(expected, '\t'));

    const fromSemicolon = await read(semicolon);
    expect(fromSemicolon.dialect).toEqual({ kind: 'csv', delimiter: ';', decimalComma: true });
    expect(fromSemicolon.headers[0]!.labels).toEqual(expected[0]); // BOM gone
    expect(fromSemicolon.rows.map((r) => [...r.cells])).toEqual(commaDecimals.slice(1));
    const fromTab = await read(tab);
    expect(fromTab.dialect).toEqual({ kind: 'csv', delimiter: '\t', decimalComma: false });
    expect(fromTab.rows.map((r) => [...r.cells])).toEqual(expected.slice(1));
  });

  it('reads an XLSX to the text a CSV of it holds, sheet by sheet, past notes sheets and title rows', async () => {
    const expected = await csvRecords(WIDE);
    const file = path.join(tmp, 'wide.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Catatan').addRow(['Sumber: Dinas PMD Lampung Timur']);
    const data = workbook.addWorksheet('ID 2025');
    data.addRow(['INDEKS DESA 2025 KABUPATEN LAMPUNG TIMUR']); // a title row above the header
    for (const row of expected) data.addRow(row.map(typed));
    const second = workbook.addWorksheet('Lanjutan');
    second.addRow(expected[0]!);
    second.addRow(expected[1]!.map(typed));
    await workbook.xlsx.writeFile(file);

    const got = await read(file);
    expect(got.dialect).toEqual({ kind: 'xlsx', delimiter: null, decimalComma: false });
    expect(got.sheets).toBe(2);
    expect(got.headers.map((h) => [h.source, h.line])).toEqual([
      [file, 2],
      [`${file}#Lanjutan`, 1],
    ]);
    expect(got.reasons).toEqual(['Catatan row 1: not a header: Sumber: Dinas PMD Lampung Timur', 'ID 2025 row 1: not a header: INDEKS DESA 2025 KABUPATEN LAMPUNG TIMUR']);
    // Numbers typed as numbers come back as their text ("73.86", but "80" for 80.00: the cell holds a number, not its format).
    expect(got.rows.slice(0, expected.length - 1).map((r) => [...r.cells])).toEqual(expected.slice(1).map((row) => row.map((c) => String(typed(c)))));
    expect(got.rows.slice(0, expected.length - 1).map((r) => r.line)).toEqual(expected.slice(1).map((_, i) => i + 3));
    expect(got.rows.at(-1)!.line).toBe(2);
    expect(got.progress).toEqual([expected.length]);
  });

  it('marks a CSV row with the wrong number of fields, and reports what csv-parse cannot read', async () => {
    const file = path.join(tmp, 'shapes.csv');
    await writeFile(
      file,
      ['Rekap Indeks Desa', '', 'KODE DESA,NAMA,NILAI', '1807142001,A,1', '1807142002,B', '1807142003,C,3,', '1807142004,"D, E",4,extra', '1807142005,"F,5'].join('\n') + '\n',
    );
    const got = await read(file);
    expect(got.headers[0]!.line).toBe(3);
    expect(got.reasons).toEqual(['line 1: not a header: Rekap Indeks Desa']);
    expect(got.rows.map((r) => [r.line, r.problem])).toEqual([
      [4, null],
      [5, 'expected 3 columns, found 2'],
      [6, null], // a trailing empty field is not a shifted column
      [7, 'expected 3 columns, found 4'],
    ]);
    expect(got.unreadable).toHaveLength(1);
    expect(got.unreadable[0]!.message).toMatch(/^unreadable CSV: Quote Not Closed/);
  });

  it('gives up on a file without a recognised header within the first rows, with the reasons', async () => {
    const file = path.join(tmp, 'no-header.csv');
    await writeFile(file, Array.from({ length: 20 }, (_, i) => `catatan ${i},x`).join('\n'));
    const got = await read(file);
    expect(got.sheets).toBe(0);
    expect(got.rows).toEqual([]);
    expect(got.reasons).toEqual(['line 1: not a header: catatan 0, x', 'line 2: not a header: catatan 1, x', 'line 3: not a header: catatan 2, x']);
    expect(got.progress).toEqual([]);
  });

  it('refuses a zip that is not a workbook', async () => {
    const file = path.join(tmp, 'not-a-workbook.xlsx');
    await writeFile(file, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    await expect(read(file)).rejects.toThrow(/cannot read the XLSX workbook/);
  });
});

describe('one opening per file', () => {
  it('keeps the head and reads the rest on from it, once', async () => {
    const file = path.join(tmp, 'large.csv');
    const lines = ['KODE DESA,NILAI', ...Array.from({ length: 12_000 }, (_, i) => `${1807142000 + i},${i % 100}.5`)];
    await writeFile(file, lines.join('\n'));
    const input = await InputFile.open(file);
    try {
      expect(input.head.length).toBe(HEAD_BYTES);
      expect(input.complete).toBe(false);
      expect(input.headText().endsWith('\n')).toBe(true); // cut to whole lines
      expect((await input.readAll()).equals(await readFile(file))).toBe(true);
      await expect(input.readAll()).rejects.toThrow(/read twice/);
    } finally {
      await input.close();
    }
    const got = await read(file);
    expect(got.rows).toHaveLength(12_000);
    expect(got.progress).toEqual([5_000, 10_000, 12_000]);
  });

  it('recognises a file from its head alone with headerOnly', async () => {
    const file = path.join(tmp, 'head-only.csv');
    // Past the head the file is not even CSV: a header-only read never gets there.
    await writeFile(file, `KODE DESA,NILAI\n1807142001,1\n${'x'.repeat(HEAD_BYTES)}"never closed\n`);
    let rows = 0;
    const result = await withInputFile(file, (input) => readSheet(input, { headerOnly: true, header: () => ({ row: () => rows++, unreadable: () => undefined }) }));
    expect(result.sheets).toBe(1);
    expect(rows).toBe(0);
  });

  it('says why a file cannot be opened', async () => {
    await expect(InputFile.open(path.join(tmp, 'missing.csv'))).rejects.toThrow(/missing\.csv: cannot read the file/);
    await expect(InputFile.open(tmp)).rejects.toThrow(/not a file|cannot read the file/);
  });
});

describe('cells', () => {
  it('compares headers without case, spaces or punctuation', () => {
    expect(headerKey('\uFEFFKode Desa ')).toBe('KODE_DESA');
    expect(headerKey('INDEKS DESA (ID 2025)')).toBe('INDEKS_DESA_ID_2025');
    expect(headerKey('Tata Kelola Pemerintahan Desa')).toBe('TATA_KELOLA_PEMERINTAHAN_DESA');
    expect(headerKey('NAMA KABUPATEN / KOTA')).toBe('NAMA_KABUPATEN_KOTA');
    expect(headerKey('iks_2024')).toBe('IKS_2024');
    expect(headerKey('Aksésibilitas')).toBe('AKSESIBILITAS');
  });

  it('reads decimals in either notation, grouping only in the sheet’s own', () => {
    const value = (text: string, decimalComma = false): number | null | string => {
      const r = readNumber(text, 'SKOR', decimalComma);
      return 'value' in r ? r.value : r.error;
    };
    expect(value('73.86')).toBe(73.86);
    expect(value('73,86')).toBe(73.86);
    expect(value(' 80 ')).toBe(80);
    expect(value('')).toBeNull();
    expect(value('-')).toBeNull();
    expect(value('1.234,5', true)).toBe(1234.5);
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('1.234,5')).toBe('SKOR "1.234,5" is not a number');
    expect(value('1,234.5', true)).toBe('SKOR "1,234.5" is not a number');
    expect(value('7x')).toBe('SKOR "7x" is not a number');
  });

  it('reads village codes with or without dots', () => {
    expect(readVillageCode('18.07.14.2001', 'KODE DESA')).toEqual({ value: '1807142001' });
    expect(readVillageCode("'1807142001", 'KODE DESA')).toEqual({ value: '1807142001' });
    expect(readVillageCode('180714200', 'KODE DESA')).toEqual({ error: 'KODE DESA "180714200" is not a 10-digit code' });
    expect(readVillageCode(' ', 'KODE DESA')).toEqual({ error: 'missing KODE DESA' });
  });
});
