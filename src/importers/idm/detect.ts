import type { IdmFormat, ParseResult } from '../../idm/idm-record';
import { withInputFile, type InputFile } from '../sheet/input-file';

import { isKemendesApiResponse, parseKemendesApiResponse } from './kemendes-api.parser';
import { detectSpreadsheetFormat, readIdmSpreadsheet, SpreadsheetReadError } from './spreadsheet.parser';

// Listing input files is the same for every importer; still exported here, where its callers know it.
export { listInputFiles } from '../input-files';

/** A saved API response is a few tens of kB; a JSON much larger than this is not one. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** A text file whose first character is "{": a JSON document, perhaps a saved API response. */
function looksLikeJson(input: InputFile): boolean {
  return !input.isZip && input.head.toString('utf8', 0, 1024).replace(/^\uFEFF/, '').trimStart().startsWith('{');
}

/** The JSON of an opened file that looks like one, or undefined when it is too large or does not parse. */
async function readJson(input: InputFile): Promise<unknown> {
  if (input.size > MAX_JSON_BYTES) return undefined;
  try {
    return JSON.parse((await input.readAll()).toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The IDM format of a file, from its content rather than its name (downloads get renamed, and a .csv
 * from data.go.id may be either layout): a JSON API response, or a CSV/XLSX whose header row matches a
 * spreadsheet layout. 'unknown' for anything else. Throws only when the file cannot be read.
 */
export async function detectFormat(file: string): Promise<IdmFormat | 'unknown'> {
  return withInputFile(file, async (input) => {
    if (looksLikeJson(input)) {
      const json = await readJson(input);
      return json !== undefined && isKemendesApiResponse(json) ? 'kemendes-api' : 'unknown';
    }
    return (await detectSpreadsheetFormat(input)) ?? 'unknown';
  });
}

function unknownFormat(file: string): Error {
  return new Error(
    `${file}: not a known IDM format (expected a Kemendes API response JSON, or a CSV/XLSX with the 2024 or 2023 national spreadsheet header)`,
  );
}

/**
 * Parses a file with the parser its content calls for, opening it once: the head read on opening
 * tells JSON from a sheet, and the sheet reader recognises the layout from the header as it reads.
 * Throws for a file that cannot be read or is in no known format, so the importer can report the
 * file as a whole.
 */
export async function parseFile(file: string, onProgress?: (rowsSoFar: number) => void): Promise<ParseResult> {
  return withInputFile(file, async (input) => {
    if (looksLikeJson(input)) {
      const json = await readJson(input);
      if (json === undefined || !isKemendesApiResponse(json)) throw unknownFormat(file);
      const result = parseKemendesApiResponse(json, { file });
      onProgress?.(result.records.length + result.malformed.length);
      return result;
    }
    if (!input.isZip && input.head.includes(0)) throw unknownFormat(file); // binary, not text
    try {
      return await readIdmSpreadsheet(input, onProgress);
    } catch (error) {
      if (error instanceof SpreadsheetReadError && error.beforeHeader) throw unknownFormat(file);
      throw error;
    }
  });
}
