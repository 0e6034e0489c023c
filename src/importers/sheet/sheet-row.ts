import { headerKey } from './cells';

/**
 * A header row and the rows under it, as every layout's mapper sees them: cells are text (an XLSX
 * number becomes its JavaScript text, "0.7519", "7201062009"), and columns are found by their
 * normalised header (see `headerKey`), so column order, spelling and extra columns do not matter.
 */
export class SheetHeader {
  /** The header cells as written, trimmed (for messages: `KODE_DESA "12345" is not a 10-digit code`). */
  readonly labels: readonly string[];
  /** The header cells normalised by `headerKey`. */
  readonly keys: readonly string[];
  /** Number of header cells without trailing empty ones: a CSV row must have this many. */
  readonly width: number;
  private readonly index = new Map<string, number>();

  constructor(
    cells: readonly string[],
    /** The file, or `file#sheet` for a second data sheet of a workbook (its lines restart at 1). */
    readonly source: string,
    /** 1-based line (row) of the header. */
    readonly line: number,
  ) {
    this.labels = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
    this.keys = this.labels.map(headerKey);
    let width = this.keys.length;
    while (width > 0 && this.keys[width - 1] === '') width--;
    this.width = width;
    this.keys.slice(0, width).forEach((key, i) => {
      // First occurrence wins: a duplicated column name is more likely a stray copy than the data.
      if (key !== '' && !this.index.has(key)) this.index.set(key, i);
    });
  }

  /** The position of the column with this normalised name. */
  indexOf(key: string): number | undefined {
    return this.index.get(key);
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  /** The first of several spellings this header has, in the order given. */
  firstOf(keys: readonly string[]): string | undefined {
    return keys.find((k) => this.index.has(k));
  }

  /** The header text of a column, as written. */
  label(index: number): string {
    return this.labels[index] ?? '';
  }
}

export class SheetRow {
  constructor(
    readonly header: SheetHeader,
    /** 1-based line of the row in its file (header = its own line; title rows above count). */
    readonly line: number,
    readonly cells: readonly string[],
    /** Why the row's cells cannot be trusted as a whole (a CSV row with the wrong number of fields), or null. */
    readonly problem: string | null,
  ) {}

  /** The cell at a column position; '' past the end of the row. */
  at(index: number | undefined): string {
    return index === undefined ? '' : (this.cells[index] ?? '');
  }

  /** The cell under a normalised header name; '' when the sheet has no such column. */
  get(key: string): string {
    return this.at(this.header.indexOf(key));
  }
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
