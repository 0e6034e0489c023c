import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { parse as parseSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { statusFromText } from '../../idm/idm-status';
import type { IdmRecord, MalformedRow, ParseResult } from '../../idm/idm-record';

/**
 * Parsers for the national IDM spreadsheets (data.go.id and Kemendes exports), as CSV or XLSX.
 *
 * Two published layouts are known; the header row says which one a file uses and which year it holds
 * (the year is the suffix of IKS_<year>, so next year's file reads without a code change). Columns are
 * found by name, not position, so extra or reordered columns do not break a file.
 */

export type SpreadsheetFormat = 'spreadsheet-2024' | 'spreadsheet-2023';

/** A cell as the readers hand it over: CSV gives text, XLSX may give a number. */
type Cell = string | number | null;

/** Where each field of a record sits in a row, resolved from one header row. */
interface Layout {
  format: SpreadsheetFormat;
  year: number;
  /** Number of header cells (trailing empty header cells dropped): a CSV row must have this many. */
  width: number;
  code: number;
  province: number;
  kabupaten: number;
  district: number;
  village: number;
  iks: number;
  ike: number;
  ikl: number;
  score: number;
  status: number;
  note: number | null;
}

interface LayoutSpec {
  format: SpreadsheetFormat;
  code: string;
  province: string;
  kabupaten: string;
  district: string;
  village: string;
  note: string;
}

/** Only the columns the two layouts do not share; the year columns are common to both. */
const LAYOUTS: readonly LayoutSpec[] = [
  { format: 'spreadsheet-2024', code: 'KODE_DESA', province: 'NAMA_PROVINSI', kabupaten: 'NAMA_KABUPATEN', district: 'NAMA_KECAMATAN', village: 'NAMA_DESA', note: 'KETERANGAN' },
  { format: 'spreadsheet-2023', code: 'KODE_DESA_DAGRI', province: 'PROVINSI', kabupaten: 'KABUPATEN_KOTA', district: 'KECAMATAN', village: 'DESA', note: 'UPDATE' },
];

/** A title row or two above the header is common in hand-made exports; look this far for the header. */
const HEADER_SEARCH_ROWS = 10;
/** How often onProgress is called, in data rows. */
const PROGRESS_EVERY = 5_000;
/** Enough of the file's start to hold the header and a few rows, for sniffing the delimiter and format. */
const HEAD_BYTES = 64 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Header text as compared: BOM, case, surrounding space and inner spaces/hyphens do not matter. */
function normalizeHeader(cell: Cell): string {
  return cellText(cell)
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Resolves a header row to a layout, or explains why it is not one. Exported for format detection.
 * The year columns (IKS/IKE/IKL/NILAI_IDM/STATUS_IDM_<year>) must all carry the same single year.
 */
export function layoutFromHeader(header: readonly Cell[]): { layout: Layout } | { error: string } {
  const names = header.map(normalizeHeader);
  let width = names.length;
  while (width > 0 && names[width - 1] === '') width--;
  const index = new Map<string, number>();
  names.slice(0, width).forEach((name, i) => {
    // First occurrence wins: a duplicated column name is more likely a stray copy than the data.
    if (name !== '' && !index.has(name)) index.set(name, i);
  });

  const years = [...new Set(names.map((n) => /^IKS_(\d{4})$/.exec(n)?.[1]).filter((y): y is string => y !== undefined))];
  if (years.length === 0) return { error: 'no IKS_<year> column' };
  if (years.length > 1) return { error: `several years in one header (IKS_${years.join(', IKS_')}); expected one` };
  const year = years[0];
  const yearColumns = { iks: `IKS_${year}`, ike: `IKE_${year}`, ikl: `IKL_${year}`, score: `NILAI_IDM_${year}`, status: `STATUS_IDM_${year}` };
  const missingYear = Object.values(yearColumns).filter((c) => !index.has(c));
  if (missingYear.length > 0) return { error: `missing ${missingYear.join(', ')}` };

  const misses: string[] = [];
  for (const spec of LAYOUTS) {
    // The note column is optional: a file without it still carries everything a record needs.
    const required = [spec.code, spec.province, spec.kabupaten, spec.district, spec.village];
    const missing = required.filter((c) => !index.has(c));
    if (missing.length > 0) {
      misses.push(`${spec.format} layout lacks ${missing.join(', ')}`);
      continue;
    }
    const at = (name: string): number => index.get(name) as number; // present: checked just above
    return {
      layout: {
        format: spec.format,
        year: Number(year),
        width,
        code: at(spec.code),
        province: at(spec.province),
        kabupaten: at(spec.kabupaten),
        district: at(spec.district),
        village: at(spec.village),
        iks: at(yearColumns.iks),
        ike: at(yearColumns.ike),
        ikl: at(yearColumns.ikl),
        score: at(yearColumns.score),
        status: at(yearColumns.status),
        note: index.get(spec.note) ?? null,
      },
    };
  }
  return { error: misses.join('; ') };
}

function cellText(cell: Cell): string {
  return cell === null ? '' : String(cell);
}

/** Trimmed text, or null for an empty cell. */
function textOrNull(cell: Cell): string | null {
  const text = cellText(cell).trim();
  return text === '' ? null : text;
}

/** A decimal as published: "0.7029", "0,7029" (comma-decimal exports), "1", or an XLSX number. */
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

type FieldResult<T> = { value: T } | { error: string };

function readNumber(cell: Cell, column: string): FieldResult<number | null> {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { value: cell } : { error: `${column} is not a finite number` };
  }
  const text = cellText(cell).trim();
  // "-" is how Indonesian tables write "no value"; it carries no score, like an empty cell.
  if (text === '' || text === '-') return { value: null };
  if (!DECIMAL.test(text)) return { error: `${column} ${JSON.stringify(text)} is not a number` };
  return { value: Number(text.replace(',', '.')) };
}

/**
 * The 10-digit village code. Dotted codes ("11.01.01.2003"), stray spaces and Excel's text-forcing
 * apostrophe are removed; anything else that is not 10 digits is refused rather than guessed at
 * (a number that lost digits, e.g. "1.10101E+09", cannot be restored).
 */
function readCode(cell: Cell, column: string): FieldResult<string> {
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell)) return { error: `${column} ${cell} is not a 10-digit code` };
    cell = String(cell);
  }
  const raw = cellText(cell).trim();
  if (raw === '') return { error: `missing ${column}` };
  const code = raw.replace(/^'/, '').replace(/[\s.]/g, '');
  return /^\d{10}$/.test(code) ? { value: code } : { error: `${column} ${JSON.stringify(raw)} is not a 10-digit code` };
}

/** Turns one data row into a record, or into a malformed row saying what is wrong with it. */
function readRow(cells: readonly Cell[], layout: Layout, header: readonly string[], file: string, line: number): IdmRecord | MalformedRow {
  const source = { format: layout.format, file, line };
  const cell = (i: number): Cell => cells[i] ?? null;
  const errors: string[] = [];

  const code = readCode(cell(layout.code), header[layout.code]);
  if ('error' in code) errors.push(code.error);
  // Filled for every key unless an error is recorded, and with an error the row is returned before use.
  const numbers = {} as Record<'iks' | 'ike' | 'ikl' | 'score', number | null>;
  for (const key of ['iks', 'ike', 'ikl', 'score'] as const) {
    const n = readNumber(cell(layout[key]), header[layout[key]]);
    if ('error' in n) errors.push(n.error);
    else numbers[key] = n.value;
  }
  if (errors.length > 0 || 'error' in code) {
    return { source, villageCode: 'value' in code ? code.value : textOrNull(cell(layout.code)), reason: errors.join('; ') };
  }

  const names: IdmRecord['names'] = {};
  const province = textOrNull(cell(layout.province));
  const kabupaten = textOrNull(cell(layout.kabupaten));
  const district = textOrNull(cell(layout.district));
  const village = textOrNull(cell(layout.village));
  // Absent rather than empty: the register matcher treats a missing name as "unknown", not as "".
  if (province !== null) names.province = province;
  if (kabupaten !== null) names.kabupaten = kabupaten;
  if (district !== null) names.district = district;
  if (village !== null) names.village = village;

  const statusText = textOrNull(cell(layout.status));
  return {
    source,
    villageCode: code.value,
    names,
    year: layout.year,
    iks: numbers.iks,
    ike: numbers.ike,
    ikl: numbers.ikl,
    score: numbers.score,
    status: statusFromText(statusText),
    statusText,
    note: layout.note === null ? null : textOrNull(cell(layout.note)),
  };
}

function isMalformed(row: IdmRecord | MalformedRow): row is MalformedRow {
  return 'reason' in row;
}

/** Collects rows into a result, skipping blank rows and reporting progress. */
class Collector {
  readonly result: ParseResult = { records: [], malformed: [] };
  private rows = 0;

  constructor(private readonly onProgress?: (rowsSoFar: number) => void) {}

  add(row: IdmRecord | MalformedRow): void {
    if (isMalformed(row)) this.result.malformed.push(row);
    else this.result.records.push(row);
    this.rows++;
    if (this.onProgress && this.rows % PROGRESS_EVERY === 0) this.onProgress(this.rows);
  }

  finish(): ParseResult {
    this.onProgress?.(this.rows);
    return this.result;
  }
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((c) => cellText(c).trim() === '');
}

function noLayoutError(file: string, reasons: string[]): Error {
  return new Error(
    `${file}: no header row matches an IDM spreadsheet layout (2024: KODE_DESA, NAMA_DESA, IKS_<year>, ...; ` +
      `2023: KODE_DESA_DAGRI, DESA, IKS_<year>, ...)${reasons.length > 0 ? `: ${reasons.join(' | ')}` : ''}`,
  );
}

/** The first `bytes` of a file (or all of a shorter one): enough to sniff a format or a header. */
export async function readHead(file: string, bytes = HEAD_BYTES): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head.subarray(0, 4).equals(ZIP_MAGIC);
}

/**
 * The delimiter of a CSV, from its first lines: whichever of , ; TAB occurs most. Semicolons come from
 * Excel in locales with a decimal comma (id-ID), which is also when "0,7029" appears.
 */
function sniffDelimiter(head: string): string {
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/, 5);
  let best = ',';
  let bestCount = 0;
  for (const delimiter of [',', ';', '\t']) {
    const count = lines.reduce((sum, l) => sum + l.split(delimiter).length - 1, 0);
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

async function assertReadableFile(file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new Error(`${file}: cannot read the file (${(error as Error).message})`);
  }
  if (!info.isFile()) throw new Error(`${file}: not a file`);
}

/** Number of line-break characters in a record's fields (CR and LF each; see csvLine below). */
function breakChars(fields: readonly string[]): { chars: number; crlf: number } {
  let chars = 0;
  let crlf = 0;
  for (const field of fields) {
    if (!field.includes('\n') && !field.includes('\r')) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || c === 13) chars++;
      if (c === 13 && field.charCodeAt(i + 1) === 10) crlf++;
    }
  }
  return { chars, crlf };
}

/** Thrown from inside csv-parse's callback to stop at a file whose header is not found. */
class NoHeader extends Error {}

/**
 * Reads a CSV in one synchronous csv-parse pass over the whole file, rows handled as they are parsed.
 * Why not the streaming parser: in streaming mode csv-parse runs a per-character "need more data" check
 * that made the 75,000-row national file 3-5 times slower (4-6 s under Jest instead of ~1 s); the
 * one-shot parser skips it. Memory stays modest: the file (8 MB nationally) plus the records, which
 * the caller holds anyway; csv-parse's own row arrays are not accumulated (on_record returns null).
 */
async function parseCsv(file: string, onProgress?: (rowsSoFar: number) => void): Promise<ParseResult> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    throw new Error(`${file}: cannot read the file (${(error as Error).message})`);
  }
  const delimiter = sniffDelimiter(content.subarray(0, HEAD_BYTES).toString('utf8'));
  const collector = new Collector(onProgress);
  const skipped: MalformedRow[] = [];
  let layout: Layout | undefined;
  let header: string[] = [];
  const reasons: string[] = [];
  let rowsBeforeHeader = 0;
  // csv-parse counts each CR and each LF inside a quoted field as a line, so a CRLF inside a field
  // adds one line too many to every later record; `drift` takes those back out.
  let drift = 0;

  const onRecord = (record: string[], lines: number): void => {
    const breaks = breakChars(record);
    // `lines` is the line the record ends on; its first line is that minus the breaks inside it.
    const line = lines - breaks.chars - drift;
    drift += breaks.crlf;
    if (layout === undefined) {
      if (isBlank(record)) return;
      const found = layoutFromHeader(record);
      if ('layout' in found) {
        layout = found.layout;
        header = record.map((c) => c.replace(/^\uFEFF/, '').trim());
        skipped.length = 0; // unreadable lines above the header are title rows, not data
        return;
      }
      reasons.push(`line ${line}: ${found.error}`);
      if (++rowsBeforeHeader >= HEADER_SEARCH_ROWS) throw new NoHeader();
      return;
    }
    if (isBlank(record)) return;
    const extra = record.slice(layout.width);
    if (record.length < layout.width || extra.some((c) => c.trim() !== '')) {
      // A wrong field count usually means an unquoted comma shifted the columns: none of the row can be trusted.
      const code = readCode(record[layout.code] ?? null, header[layout.code]);
      collector.add({
        source: { format: layout.format, file, line },
        villageCode: 'value' in code ? code.value : null,
        reason: `expected ${layout.width} columns, found ${record.length}`,
      });
      return;
    }
    collector.add(readRow(record, layout, header, file, line));
  };

  try {
    parseSync(content, {
      bom: true,
      delimiter,
      // Given rather than auto-discovered, so that discovery is not retried as the file is read.
      // Order matters: CRLF before its parts; a lone CR (old Mac exports) still ends a line.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Column counts are checked per row above, so one short row is reported instead of aborting the file.
      relax_column_count: true,
      // A stray quote inside an unquoted name (ABDI "JAYA") is kept as text, not a fatal error.
      relax_quotes: true,
      skip_empty_lines: true,
      // Whatever csv-parse still cannot read (e.g. a quote never closed) becomes a malformed row.
      skip_records_with_error: true,
      on_skip: (error) => {
        const line = (error as (Error & { lines?: number }) | undefined)?.lines ?? 0;
        // The format is fixed up below once the header is known (an error can come before it).
        skipped.push({ source: { format: 'spreadsheet-2024', file, line }, villageCode: null, reason: `unreadable CSV: ${error?.message ?? 'unknown error'}` });
        return undefined;
      },
      on_record: (record: string[], info) => {
        onRecord(record, info.lines);
        return null; // handled: nothing for csv-parse to collect
      },
    });
  } catch (error) {
    if (error instanceof NoHeader) throw noLayoutError(file, reasons.slice(0, 3));
    throw new Error(`${file}: cannot read the CSV (${(error as Error).message})`);
  }
  if (layout === undefined) throw noLayoutError(file, reasons.slice(0, 3));
  const format = layout.format;
  const result = collector.finish();
  if (skipped.length > 0) {
    for (const row of skipped) row.source.format = format;
    result.malformed.push(...skipped);
    result.malformed.sort((a, b) => a.source.line - b.source.line);
  }
  return result;
}

/** ExcelJS cell values flattened to what a CSV would hold; formulas give their cached result. */
function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: unknown; result?: unknown; text?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return xlsxCell(v.result);
    if ('text' in v) return xlsxCell(v.text); // hyperlink
    if (typeof v.error === 'string') return v.error; // #N/A, #VALUE!: then refused as "not a number"
  }
  return String(value);
}

/** Row.values is 1-based and sparse (index 0 unused, blanks are holes); make it a dense 0-based array. */
function xlsxRowCells(row: ExcelJS.Row): Cell[] {
  const values = row.values;
  if (!Array.isArray(values)) return [];
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
  return cells;
}

function openWorkbookReader(file: string): { reader: ExcelJS.stream.xlsx.WorkbookReader; close: () => void } {
  const input = createReadStream(file);
  // Streaming keeps a 75,000-row sheet out of memory as a whole; styles and hyperlinks are not needed.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  return { reader, close: () => input.destroy() };
}

function sheetName(sheet: ExcelJS.stream.xlsx.WorksheetReader): string {
  // The streaming reader sets `name` from workbook.xml, but its type declarations omit it.
  const name = (sheet as unknown as { name?: unknown }).name;
  return typeof name === 'string' ? name : 'sheet';
}

async function parseXlsx(file: string, onProgress?: (rowsSoFar: number) => void): Promise<ParseResult> {
  const collector = new Collector(onProgress);
  const { reader, close } = openWorkbookReader(file);
  const reasons: string[] = [];
  let dataSheets = 0;
  try {
    for await (const sheet of reader) {
      let layout: Layout | undefined;
      let header: string[] = [];
      let rowsBeforeHeader = 0;
      // Every sheet with a recognised header is read (a file split per province stays whole); a later
      // data sheet is told apart in `source.file` since line numbers restart in each sheet.
      let sourceFile = file;
      for await (const row of sheet) {
        const cells = xlsxRowCells(row);
        if (layout === undefined) {
          // Past the header search a sheet is not data (notes, pivot tables): drain it without looking.
          if (rowsBeforeHeader >= HEADER_SEARCH_ROWS || isBlank(cells)) continue;
          const found = layoutFromHeader(cells);
          if ('layout' in found) {
            layout = found.layout;
            header = cells.map((c) => cellText(c).trim());
            sourceFile = dataSheets === 0 ? file : `${file}#${sheetName(sheet)}`;
            dataSheets++;
          } else {
            reasons.push(`${sheetName(sheet)} row ${row.number}: ${found.error}`);
            rowsBeforeHeader++;
          }
          continue;
        }
        // ExcelJS drops trailing blank cells, so a short row here is not a sign of damage as in a CSV.
        if (isBlank(cells)) continue;
        collector.add(readRow(cells, layout, header, sourceFile, row.number));
      }
    }
  } catch (error) {
    throw new Error(`${file}: cannot read the XLSX workbook (${(error as Error).message})`);
  } finally {
    close();
  }
  if (dataSheets === 0) throw noLayoutError(file, reasons.slice(0, 3));
  return collector.finish();
}

/**
 * Parses a national IDM spreadsheet (CSV or XLSX, told apart by content) into records. Bad rows are
 * returned in `malformed` with their line (header = line 1); throws only when the file cannot be read
 * or no header row matches a known layout.
 */
export async function parseSpreadsheet(file: string, onProgress?: (rowsSoFar: number) => void): Promise<ParseResult> {
  await assertReadableFile(file);
  const head = await readHead(file, 4);
  return isZip(head) ? parseXlsx(file, onProgress) : parseCsv(file, onProgress);
}

/**
 * The spreadsheet layout of a file, from its header row, or null when it is not an IDM spreadsheet.
 * Reads only the start of the file (for XLSX, the first rows of each sheet until a header is found).
 */
export async function detectSpreadsheetFormat(file: string): Promise<SpreadsheetFormat | null> {
  const head = await readHead(file);
  if (isZip(head)) return detectXlsxFormat(file);
  if (head.includes(0)) return null; // binary, not text
  let text = head.toString('utf8');
  // The buffer may end mid-line: keep only whole lines (unless the whole file fit in it).
  if (head.length === HEAD_BYTES) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  const delimiter = sniffDelimiter(text);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, HEADER_SEARCH_ROWS);
  for (const line of lines) {
    let cells: string[];
    try {
      cells = (parseSync(line, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
    } catch {
      continue;
    }
    const found = layoutFromHeader(cells);
    if ('layout' in found) return found.layout.format;
  }
  return null;
}

async function detectXlsxFormat(file: string): Promise<SpreadsheetFormat | null> {
  const { reader, close } = openWorkbookReader(file);
  try {
    for await (const sheet of reader) {
      let rows = 0;
      for await (const row of sheet) {
        const cells = xlsxRowCells(row);
        if (isBlank(cells)) continue;
        const found = layoutFromHeader(cells);
        // Stop at the header: the rest of a large file need not be unzipped to know its layout.
        if ('layout' in found) return found.layout.format;
        if (++rows >= HEADER_SEARCH_ROWS) break;
      }
    }
    return null;
  } catch {
    return null; // a zip that is not a workbook (.docx, damaged file)
  } finally {
    close();
  }
}
