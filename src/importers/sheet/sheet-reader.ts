import { sniffDecimalComma, sniffDelimiter, visitCsv, type Delimiter, type RawRowVisitor, type RowVerdict } from './csv-rows';
import type { InputFile } from './input-file';
import { isBlank, SheetHeader, SheetRow } from './sheet-row';
import { visitXlsx } from './xlsx-rows';

/**
 * The one sheet reader of every importer: a CSV or an XLSX (told apart by content) to header rows
 * and the rows under them. It finds the header (a title row or two above it is common in
 * hand-made exports), hands each data row to whatever the caller's `header` function returned for
 * that header, and knows nothing of any layout: recognising a header and mapping its rows to
 * records is the mappers' job (importers/idm, importers/indeks-desa).
 */

/** How a sheet writes its data, as detected. */
export interface SheetDialect {
  kind: 'csv' | 'xlsx';
  /** The CSV delimiter; null for XLSX. */
  delimiter: Delimiter | null;
  /** Numbers written "73,86" (Indonesian locale exports): thousands grouping is then read as "1.234,5". */
  decimalComma: boolean;
}

/** Where the rows under one recognised header go. */
export interface RowSink {
  row(row: SheetRow): void;
  /** A CSV record that could not be read at all, below this header. */
  unreadable(line: number, message: string): void;
}

export interface ReadSheetOptions {
  /**
   * Looks at a candidate header row: returns where its rows go, or why it is not a header (collected
   * into `reasons`, for the "no header matches" message).
   */
  header(header: SheetHeader, dialect: SheetDialect): RowSink | { error: string };
  /** Called every PROGRESS_EVERY data rows and once at the end, with the rows read so far. */
  onProgress?: (rowsSoFar: number) => void;
  /** Stop at the first recognised header: recognise a file from its head without reading it all. */
  headerOnly?: boolean;
}

export interface SheetReadResult {
  dialect: SheetDialect;
  /** Sheets whose header was recognised (a CSV has at most one). */
  sheets: number;
  /** Why the first rows looked at were not a header, as "line 1: ..." or "Sheet1 row 1: ...", at most 3. */
  reasons: string[];
}

/** A title row or two above the header is common in hand-made exports; look this far for the header. */
export const HEADER_SEARCH_ROWS = 10;
/** How often onProgress is called, in data rows. */
const PROGRESS_EVERY = 5_000;
const MAX_REASONS = 3;

/**
 * Reads a file's sheets. For a CSV, each data row's field count is checked against its header
 * (`SheetRow.problem`): a wrong count usually means an unquoted delimiter shifted the columns. An
 * XLSX drops trailing blank cells, so a short row there is not damage. Blank rows are skipped.
 * Throws `cannot read the CSV/XLSX workbook` when the content is not one; a file without a
 * recognised header is `sheets: 0`, for the caller to report in its own words.
 */
export async function readSheet(input: InputFile, options: ReadSheetOptions): Promise<SheetReadResult> {
  const dialect = detectDialect(input);
  const walker = new HeaderWalker(input.path, dialect, options);
  if (dialect.kind === 'xlsx') {
    try {
      await visitXlsx(input.stream(), walker);
    } catch (error) {
      throw new Error(`${input.path}: cannot read the XLSX workbook (${(error as Error).message})`);
    }
  } else {
    // To recognise a file the head kept from opening is enough; a whole file is read on from it.
    const content = options.headerOnly && !input.complete ? input.headText() : await input.readAll();
    try {
      visitCsv(content, dialect.delimiter!, walker);
    } catch (error) {
      throw new Error(`${input.path}: cannot read the CSV (${(error as Error).message})`);
    }
  }
  return walker.finish();
}

/** The dialect, from the head kept when the file was opened. */
export function detectDialect(input: InputFile): SheetDialect {
  if (input.isZip) return { kind: 'xlsx', delimiter: null, decimalComma: false };
  const head = input.headText();
  const delimiter = sniffDelimiter(head);
  return { kind: 'csv', delimiter, decimalComma: sniffDecimalComma(head, delimiter) };
}

/** A CSV record as wide as its header, trailing empty fields aside (a loop: this runs for every row). */
function fits(cells: readonly string[], width: number): boolean {
  if (cells.length < width) return false;
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}

/** Finds each sheet's header among its first rows and passes the rows under it on. */
class HeaderWalker implements RawRowVisitor {
  private sink: RowSink | null = null;
  private header: SheetHeader | null = null;
  private looked = 0;
  private sheetLabel = '';
  private sheets = 0;
  private rows = 0;
  private readonly reasons: string[] = [];

  constructor(
    private readonly file: string,
    private readonly dialect: SheetDialect,
    private readonly options: ReadSheetOptions,
  ) {}

  sheet(name: string): void {
    this.sink = null;
    this.header = null;
    this.looked = 0;
    this.sheetLabel = name;
  }

  row(cells: string[], line: number): RowVerdict {
    if (this.sink === null) return this.lookForHeader(cells, line);
    if (isBlank(cells)) return 'more';
    const header = this.header!;
    let problem: string | null = null;
    if (this.dialect.kind === 'csv' && !fits(cells, header.width)) problem = `expected ${header.width} columns, found ${cells.length}`;
    this.sink.row(new SheetRow(header, line, cells, problem));
    this.rows++;
    if (this.options.onProgress && this.rows % PROGRESS_EVERY === 0) this.options.onProgress(this.rows);
    return 'more';
  }

  unreadable(line: number, message: string): void {
    // Unreadable lines above the header are title rows, not data.
    this.sink?.unreadable(line, message);
  }

  finish(): SheetReadResult {
    if (this.sheets > 0) this.options.onProgress?.(this.rows);
    return { dialect: this.dialect, sheets: this.sheets, reasons: this.reasons };
  }

  private lookForHeader(cells: string[], line: number): RowVerdict {
    if (isBlank(cells)) return 'more';
    // Every sheet with a recognised header is read (a file split per province stays whole); a later
    // data sheet is told apart in `source` since line numbers restart in each sheet.
    const source = this.sheets === 0 ? this.file : `${this.file}#${this.sheetLabel}`;
    const header = new SheetHeader(cells, source, line);
    const found = this.options.header(header, this.dialect);
    if (!('error' in found)) {
      this.sink = found;
      this.header = header;
      this.sheets++;
      return this.options.headerOnly ? 'stop' : 'more';
    }
    if (this.reasons.length < MAX_REASONS) {
      this.reasons.push(this.dialect.kind === 'csv' ? `line ${line}: ${found.error}` : `${this.sheetLabel} row ${line}: ${found.error}`);
    }
    // Past the header search a sheet is not data (notes, pivot tables).
    return ++this.looked >= HEADER_SEARCH_ROWS ? (this.dialect.kind === 'csv' ? 'stop' : 'skip-sheet') : 'more';
  }
}
