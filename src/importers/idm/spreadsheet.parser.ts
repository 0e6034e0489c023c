import type { ParseResult } from '../../idm/idm-record';
import { withInputFile, type InputFile } from '../sheet/input-file';
import { readSheet } from '../sheet/sheet-reader';
import { IdmSpreadsheetMapper, layoutFromHeader, type SpreadsheetFormat } from './spreadsheet.mappers';

/**
 * The national IDM spreadsheets, CSV or XLSX: the one sheet reader (importers/sheet) with the 2024
 * and 2023 layout mappers (spreadsheet.mappers.ts).
 */

export type { SpreadsheetFormat } from './spreadsheet.mappers';

/** A spreadsheet that could not be read; `beforeHeader` when no IDM header had been found by then (so it may be no IDM spreadsheet at all). */
export class SpreadsheetReadError extends Error {
  constructor(
    message: string,
    readonly beforeHeader: boolean,
  ) {
    super(message);
  }
}

function noLayoutError(file: string, reasons: string[]): Error {
  return new SpreadsheetReadError(
    `${file}: no header row matches an IDM spreadsheet layout (2024: KODE_DESA, NAMA_DESA, IKS_<year>, ...; ` +
      `2023: KODE_DESA_DAGRI, DESA, IKS_<year>, ...)${reasons.length > 0 ? `: ${reasons.join(' | ')}` : ''}`,
    true,
  );
}

/** Parses an opened IDM spreadsheet; see parseSpreadsheet. */
export async function readIdmSpreadsheet(input: InputFile, onProgress?: (rowsSoFar: number) => void): Promise<ParseResult> {
  const result: ParseResult = { records: [], malformed: [] };
  let unreadable = false;
  let sawHeader = false;
  const read = await readSheet(input, {
    onProgress,
    header: (header, dialect) => {
      const found = layoutFromHeader(header);
      if ('error' in found) return found;
      sawHeader = true;
      const mapper = new IdmSpreadsheetMapper(found.layout, header, dialect, result);
      return {
        row: (row) => mapper.row(row),
        unreadable: (line, message) => {
          unreadable = true;
          mapper.unreadable(line, message);
        },
      };
    },
  }).catch((error: Error) => {
    throw new SpreadsheetReadError(error.message, !sawHeader);
  });
  if (read.sheets === 0) throw noLayoutError(input.path, read.reasons);
  // csv-parse reports an unreadable record when it gives up on it, which can be after later rows.
  if (unreadable) result.malformed.sort((a, b) => a.source.line - b.source.line);
  return result;
}

/**
 * Parses a national IDM spreadsheet (CSV or XLSX, told apart by content) into records. Bad rows are
 * returned in `malformed` with their line (header = line 1); throws only when the file cannot be read
 * or no header row matches a known layout.
 */
export async function parseSpreadsheet(file: string, onProgress?: (rowsSoFar: number) => void): Promise<ParseResult> {
  return withInputFile(file, (input) => readIdmSpreadsheet(input, onProgress));
}

/**
 * The spreadsheet layout of an opened file, from its header row, or null when it is not an IDM
 * spreadsheet. Looks only at the head (for XLSX, the first rows of each sheet until a header is found).
 */
export async function detectSpreadsheetFormat(input: InputFile): Promise<SpreadsheetFormat | null> {
  if (!input.isZip && input.head.includes(0)) return null; // binary, not text
  let format: SpreadsheetFormat | null = null;
  try {
    await readSheet(input, {
      headerOnly: true,
      header: (header) => {
        const found = layoutFromHeader(header);
        if ('error' in found) return found;
        format = found.layout.format;
        return { row: () => undefined, unreadable: () => undefined };
      },
    });
  } catch {
    return null; // a zip that is not a workbook (.docx, damaged file), or text that is no CSV
  }
  return format;
}
