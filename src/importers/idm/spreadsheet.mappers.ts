import { statusFromText } from '../../idm/idm-status';
import type { IdmRecord, MalformedRow, ParseResult } from '../../idm/idm-record';
import { namesOf, readNumber, readVillageCode, textOrNull } from '../sheet/cells';
import type { RowSink, SheetDialect } from '../sheet/sheet-reader';
import type { SheetHeader, SheetRow } from '../sheet/sheet-row';

/**
 * The national IDM spreadsheets (data.go.id and Kemendes exports) as mappers from sheet rows to
 * records: the 2024 layout and the 2023 layout. The header row says which one a file uses and which
 * year it holds (the year is the suffix of IKS_<year>, so next year's file reads without a code
 * change). Columns are found by name, not position, so extra or reordered columns do not break a file.
 */

export type SpreadsheetFormat = 'spreadsheet-2024' | 'spreadsheet-2023';

/** Where each field of a record sits in a row, resolved from one header row. */
interface Layout {
  format: SpreadsheetFormat;
  year: number;
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

/**
 * Resolves a header row to a layout, or explains why it is not one.
 * The year columns (IKS/IKE/IKL/NILAI_IDM/STATUS_IDM_<year>) must all carry the same single year.
 */
export function layoutFromHeader(header: SheetHeader): { layout: Layout } | { error: string } {
  const years = [...new Set(header.keys.map((n) => /^IKS_(\d{4})$/.exec(n)?.[1]).filter((y): y is string => y !== undefined))];
  if (years.length === 0) return { error: 'no IKS_<year> column' };
  if (years.length > 1) return { error: `several years in one header (IKS_${years.join(', IKS_')}); expected one` };
  const year = years[0];
  const yearColumns = { iks: `IKS_${year}`, ike: `IKE_${year}`, ikl: `IKL_${year}`, score: `NILAI_IDM_${year}`, status: `STATUS_IDM_${year}` };
  const missingYear = Object.values(yearColumns).filter((c) => !header.has(c));
  if (missingYear.length > 0) return { error: `missing ${missingYear.join(', ')}` };

  const misses: string[] = [];
  for (const spec of LAYOUTS) {
    // The note column is optional: a file without it still carries everything a record needs.
    const required = [spec.code, spec.province, spec.kabupaten, spec.district, spec.village];
    const missing = required.filter((c) => !header.has(c));
    if (missing.length > 0) {
      misses.push(`${spec.format} layout lacks ${missing.join(', ')}`);
      continue;
    }
    const at = (name: string): number => header.indexOf(name) as number; // present: checked just above
    return {
      layout: {
        format: spec.format,
        year: Number(year),
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
        note: header.indexOf(spec.note) ?? null,
      },
    };
  }
  return { error: misses.join('; ') };
}

/** The rows under one IDM spreadsheet header, mapped to records (or malformed rows) in `result`. */
export class IdmSpreadsheetMapper implements RowSink {
  constructor(
    readonly layout: Layout,
    private readonly header: SheetHeader,
    private readonly dialect: SheetDialect,
    private readonly result: ParseResult,
  ) {}

  row(row: SheetRow): void {
    const mapped = this.map(row);
    if ('reason' in mapped) this.result.malformed.push(mapped);
    else this.result.records.push(mapped);
  }

  unreadable(line: number, message: string): void {
    this.result.malformed.push({ source: { format: this.layout.format, file: this.header.source, line }, villageCode: null, reason: message });
  }

  /** Turns one data row into a record, or into a malformed row saying what is wrong with it. */
  map(row: SheetRow): IdmRecord | MalformedRow {
    const { layout, header } = this;
    const source = { format: layout.format, file: header.source, line: row.line };
    const code = readVillageCode(row.at(layout.code), header.label(layout.code));
    // A wrong field count usually means an unquoted comma shifted the columns: none of the row can be trusted.
    if (row.problem !== null) return { source, villageCode: 'value' in code ? code.value : null, reason: row.problem };

    const errors: string[] = [];
    if ('error' in code) errors.push(code.error);
    // Filled for every key unless an error is recorded, and with an error the row is returned before use.
    const numbers = {} as Record<'iks' | 'ike' | 'ikl' | 'score', number | null>;
    for (const key of ['iks', 'ike', 'ikl', 'score'] as const) {
      const n = readNumber(row.at(layout[key]), header.label(layout[key]), this.dialect.decimalComma);
      if ('error' in n) errors.push(n.error);
      else numbers[key] = n.value;
    }
    if (errors.length > 0 || 'error' in code) {
      return { source, villageCode: 'value' in code ? code.value : textOrNull(row.at(layout.code)), reason: errors.join('; ') };
    }

    const statusText = textOrNull(row.at(layout.status));
    return {
      source,
      villageCode: code.value,
      names: namesOf(row.at(layout.province), row.at(layout.kabupaten), row.at(layout.district), row.at(layout.village)),
      year: layout.year,
      iks: numbers.iks,
      ike: numbers.ike,
      ikl: numbers.ikl,
      score: numbers.score,
      status: statusFromText(statusText),
      statusText,
      note: layout.note === null ? null : textOrNull(row.at(layout.note)),
    };
  }
}
