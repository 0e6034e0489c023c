/**
 * Reading the cells of a sheet row, the same for every layout: header names compared loosely,
 * decimals in either notation, 10-digit village codes, empty cells. Pure functions.
 */

/**
 * A header as layouts compare it: without BOM, accents or case, and every run of spaces and
 * punctuation one "_". "Kode Desa", "KODE_DESA" and " kode-desa " agree; so do
 * "INDEKS DESA (ID 2025)" and "Indeks Desa ID-2025" (INDEKS_DESA_ID_2025).
 */
export function headerKey(label: string): string {
  return label
    .replace(/^\uFEFF/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export type CellResult<T> = { value: T } | { error: string };

/** Trimmed text, or null for an empty cell. */
export function textOrNull(cell: string): string | null {
  const text = cell.trim();
  return text === '' ? null : text;
}

/** "73.86", "73,86", "1", "-0.5", ".5", "1e3". */
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
/** "1.234,56" (decimal comma, dots grouping thousands) */
const GROUPED_DECIMAL_COMMA = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
/** "1,234.56" (decimal point, commas grouping thousands) */
const GROUPED_DECIMAL_POINT = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A number as sheets publish it. A single "." or "," is the decimal mark whichever the sheet uses
 * (a comma-separated file may still hold a quoted "0,7029"). Thousands grouping is read only in the
 * sheet's own notation: "1.234,5" where the sheet writes decimal commas, "1,234.5" where it does not;
 * anything else ambiguous is refused rather than guessed at. Empty and "-" (how Indonesian tables
 * write "no value") are null.
 */
export function readNumber(cell: string, column: string, decimalComma = false): CellResult<number | null> {
  const text = cell.trim();
  if (text === '' || text === '-') return { value: null };
  let normal: string | null = null;
  if (PLAIN_DECIMAL.test(text)) normal = text.replace(',', '.');
  else if (decimalComma && GROUPED_DECIMAL_COMMA.test(text)) normal = text.replaceAll('.', '').replace(',', '.');
  else if (!decimalComma && GROUPED_DECIMAL_POINT.test(text)) normal = text.replaceAll(',', '');
  if (normal === null) return { error: `${column} ${JSON.stringify(text)} is not a number` };
  const value = Number(normal);
  return Number.isFinite(value) ? { value } : { error: `${column} ${JSON.stringify(text)} is not a finite number` };
}

/**
 * The 10-digit village code. Dotted codes ("11.01.01.2003"), stray spaces and Excel's text-forcing
 * apostrophe are removed; anything else that is not 10 digits is refused rather than guessed at
 * (a number that lost digits, e.g. "1.10101E+09", cannot be restored).
 */
export function readVillageCode(cell: string, column: string): CellResult<string> {
  const raw = cell.trim();
  if (raw === '') return { error: `missing ${column}` };
  const code = raw.replace(/^'/, '').replace(/[\s.]/g, '');
  return /^\d{10}$/.test(code) ? { value: code } : { error: `${column} ${JSON.stringify(raw)} is not a 10-digit code` };
}

type Names = { province?: string; kabupaten?: string; district?: string; village?: string };

/** The published names of a row, each left out when empty: the register matcher reads a missing name as unknown, not as "". */
export function namesOf(province: string, kabupaten: string, district: string, village: string): Names {
  const names: Names = {};
  const p = textOrNull(province);
  const k = textOrNull(kabupaten);
  const d = textOrNull(district);
  const v = textOrNull(village);
  if (p !== null) names.province = p;
  if (k !== null) names.kabupaten = k;
  if (d !== null) names.district = d;
  if (v !== null) names.village = v;
  return names;
}
