import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IdmFormat, ParseResult } from '../../idm/idm-record';
import { isKemendesApiResponse, parseKemendesApiFile } from './kemendes-api.parser';
import { detectSpreadsheetFormat, isZip, parseSpreadsheet, readHead } from './spreadsheet.parser';

/** Bytes read to recognise a file; a JSON or CSV shows what it is long before this. */
const SNIFF_BYTES = 4096;
/** A saved API response is a few tens of kB; a JSON much larger than this is not one. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;


/**
 * The IDM format of a file, from its content rather than its name (downloads get renamed, and a .csv
 * from data.go.id may be either layout): a JSON API response, or a CSV/XLSX whose header row matches a
 * spreadsheet layout. 'unknown' for anything else. Throws only when the file cannot be read.
 */
export async function detectFormat(file: string): Promise<IdmFormat | 'unknown'> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new Error(`${file}: cannot read the file (${(error as Error).message})`);
  }
  if (!info.isFile()) throw new Error(`${file}: not a file`);

  const head = await readHead(file, SNIFF_BYTES);
  if (isZip(head)) return (await detectSpreadsheetFormat(file)) ?? 'unknown';
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) {
    if (info.size > MAX_JSON_BYTES) return 'unknown';
    try {
      const json: unknown = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
      return isKemendesApiResponse(json) ? 'kemendes-api' : 'unknown';
    } catch {
      return 'unknown';
    }
  }
  return (await detectSpreadsheetFormat(file)) ?? 'unknown';
}

/** Code-point order, not locale order: the same list on every machine, and digits before letters. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) {
    // Hidden entries are editor, OS or VCS leftovers (.DS_Store, .git), never published data.
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // stat() rather than the dirent type so that a symlinked folder or file is followed.
    const entryInfo = await stat(full).catch(() => null);
    if (entryInfo === null) continue; // a dangling symlink
    if (entryInfo.isDirectory()) await walk(full, out);
    else if (entryInfo.isFile()) out.push(full);
  }
}

/**
 * The files to import from command-line paths: files as given, folders expanded recursively in sorted
 * order without hidden entries; each file once. Throws for a path that does not exist.
 */
export async function listInputFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      throw new Error(`${given}: no such file or folder (${(error as Error).message})`);
    }
    if (info.isDirectory()) await walk(given, files);
    else files.push(given);
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Detects a file's format and parses it with the matching parser. Throws for a file that cannot be
 * read or is in no known format, so the importer can report the file as a whole.
 */
export async function parseFile(file: string, onProgress?: (rowsSoFar: number) => void): Promise<ParseResult> {
  const format = await detectFormat(file);
  if (format === 'kemendes-api') {
    const result = await parseKemendesApiFile(file);
    onProgress?.(result.records.length + result.malformed.length);
    return result;
  }
  if (format === 'unknown') {
    throw new Error(
      `${file}: not a known IDM format (expected a Kemendes API response JSON, or a CSV/XLSX with the 2024 or 2023 national spreadsheet header)`,
    );
  }
  return parseSpreadsheet(file, onProgress);
}
