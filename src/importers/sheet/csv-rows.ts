import { parse as parseSync } from 'csv-parse/sync';

/**
 * The rows of a CSV as text cells with the line each starts on, and what can be told of the file's
 * dialect from its head: the delimiter and whether numbers use a decimal comma.
 */

export type Delimiter = ',' | ';' | '\t';

/** What a row visitor wants next: more rows, no more rows of this sheet, or nothing more at all. */
export type RowVerdict = 'more' | 'skip-sheet' | 'stop';

export interface RawRowVisitor {
  /** A sheet starts (a CSV is one sheet, named ''). */
  sheet(name: string, index: number): void;
  row(cells: string[], line: number): RowVerdict;
  /** A record the CSV parser could not read (a quote never closed). */
  unreadable(line: number, message: string): void;
}

/**
 * The delimiter of a CSV, from its first lines: whichever of , ; TAB occurs most. Semicolons come from
 * Excel in locales with a decimal comma (id-ID), which is also when "0,7029" appears.
 */
export function sniffDelimiter(head: string): Delimiter {
  const lines = head.split(/\r?\n/, 5);
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const delimiter of [',', ';', '\t'] as const) {
    const count = lines.reduce((sum, l) => sum + l.split(delimiter).length - 1, 0);
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const POINT_DECIMAL = /^[+-]?\d+\.\d+$/;

/**
 * Whether the head's numbers are written with a decimal comma ("73,86"): more fields read so than
 * with a decimal point. Parsed rather than split, so a quoted "0,7029" in a comma-separated file counts.
 */
export function sniffDecimalComma(head: string, delimiter: Delimiter): boolean {
  let records: string[][];
  try {
    records = parseSync(head, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, to: 50 });
  } catch {
    return delimiter === ';';
  }
  let comma = 0;
  let point = 0;
  for (const record of records) {
    for (const field of record) {
      const text = field.trim();
      if (COMMA_DECIMAL.test(text)) comma++;
      else if (POINT_DECIMAL.test(text)) point++;
    }
  }
  return comma > point;
}

/** Number of line-break characters in a record's fields (CR and LF each; see `line` below). */
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

/** Thrown from inside csv-parse's callback when the visitor wants no more rows. */
class Stop extends Error {}

/**
 * Hands every record of a CSV to the visitor, in one synchronous csv-parse pass over the content.
 * Why not the streaming parser: in streaming mode csv-parse runs a per-character "need more data" check
 * that made the 75,000-row national IDM file 3-5 times slower (4-6 s under Jest instead of ~1 s); the
 * one-shot parser skips it. Memory stays modest: the file (8 MB nationally) plus what the visitor
 * keeps; csv-parse's own row arrays are not accumulated (on_record returns null).
 */
export function visitCsv(content: Buffer | string, delimiter: Delimiter, visitor: RawRowVisitor): void {
  // csv-parse counts each CR and each LF inside a quoted field as a line, so a CRLF inside a field
  // adds one line too many to every later record; `drift` takes those back out.
  let drift = 0;
  visitor.sheet('', 0);
  try {
    parseSync(content, {
      bom: true,
      delimiter,
      // Given rather than auto-discovered, so that discovery is not retried as the file is read.
      // Order matters: CRLF before its parts; a lone CR (old Mac exports) still ends a line.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Column counts are checked per row by the reader, so one short row is reported instead of aborting the file.
      relax_column_count: true,
      // A stray quote inside an unquoted name (ABDI "JAYA") is kept as text, not a fatal error.
      relax_quotes: true,
      skip_empty_lines: true,
      // Whatever csv-parse still cannot read (e.g. a quote never closed) is reported as unreadable.
      skip_records_with_error: true,
      on_skip: (error) => {
        const line = (error as (Error & { lines?: number }) | undefined)?.lines ?? 0;
        visitor.unreadable(line, `unreadable CSV: ${error?.message ?? 'unknown error'}`);
        return undefined;
      },
      on_record: (record: string[], info) => {
        const breaks = breakChars(record);
        // `info.lines` is the line the record ends on; its first line is that minus the breaks inside it.
        const line = info.lines - breaks.chars - drift;
        drift += breaks.crlf;
        if (visitor.row(record, line) === 'more') return null; // handled: nothing for csv-parse to collect
        throw new Stop();
      },
    });
  } catch (error) {
    if (error instanceof Stop) return;
    throw error;
  }
}
