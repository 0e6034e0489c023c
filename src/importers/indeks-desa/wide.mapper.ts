import type { IndeksDesaMalformedRow, IndeksDesaRecord } from '../../indeks-desa/indeks-desa-record';
import { statusFromText } from '../../index-family/index-status';
import { namesOf, readNumber, readVillageCode, textOrNull } from '../sheet/cells';
import type { RowSink, SheetDialect } from '../sheet/sheet-reader';
import type { SheetHeader, SheetRow } from '../sheet/sheet-row';
import { DEFAULT_INDEKS_DESA_YEAR, DIMENSION_SPELLINGS, DIMENSIONS, emptyDimensions, type Dimension } from './dimension-columns';

/**
 * The wide Indeks Desa sheet, one row per desa, as dinas publish it per kabupaten:
 * `ID PROV, NAMA PROVINSI, ID KAB, NAMA KABUPATEN / KOTA, ID KEC, KECAMATAN, KODE DESA,
 * DESA/KELURAHAN, LAYANAN DASAR, SOSIAL, EKONOMI, LINGKUNGAN, AKSESIBILITAS, TATA KELOLA PEMERINTAH,
 * SKOR INDEKS DESA, INDEKS DESA (ID 2025)`. Recognised by its header names in any order and
 * spelling variant; other columns (BUM Desa, notes) are ignored.
 */

export interface IndeksDesaLayoutOptions {
  /** The year when the sheet does not say; a sheet that says another year is refused. @default 2025 */
  year?: number;
}

/** The code, the names, the dimensions and the score, in `headerKey` spellings. */
const CODE = ['KODE_DESA', 'KODE_DESA_KELURAHAN', 'KODE_DESA_DAGRI'];
const PROVINCE = ['NAMA_PROVINSI', 'PROVINSI'];
const KABUPATEN = ['NAMA_KABUPATEN_KOTA', 'NAMA_KABUPATEN', 'KABUPATEN_KOTA', 'KABUPATEN'];
const DISTRICT = ['KECAMATAN', 'NAMA_KECAMATAN'];
const VILLAGE = ['DESA_KELURAHAN', 'NAMA_DESA_KELURAHAN', 'DESA', 'NAMA_DESA'];
const SCORE = ['SKOR_INDEKS_DESA', 'SKOR_ID', 'NILAI_INDEKS_DESA'];
/**
 * The status column: "INDEKS DESA (ID 2025)" as published, or "STATUS", "STATUS ID 2025",
 * "STATUS INDEKS DESA 2025". A year in it is the sheet's year.
 */
const STATUS = /^(?:INDEKS_DESA_ID|STATUS(?:_INDEKS_DESA|_ID)?(?:_ID)?)(?:_(\d{4}))?$/;

interface WideLayout {
  year: number;
  code: number;
  province?: number;
  kabupaten?: number;
  district?: number;
  village?: number;
  dimensions: Record<Dimension, number>;
  score: number;
  status: number;
}

/** Resolves a header row to the wide layout, or says what it lacks. */
export function wideLayoutFromHeader(header: SheetHeader, options: IndeksDesaLayoutOptions = {}): { layout: WideLayout } | { error: string } {
  const missing: string[] = [];
  const find = (spellings: readonly string[], required: boolean): number | undefined => {
    const key = header.firstOf(spellings);
    if (key === undefined && required) missing.push(spellings[0]!.replaceAll('_', ' '));
    return key === undefined ? undefined : header.indexOf(key);
  };
  const code = find(CODE, true);
  const dimensions = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) {
    const at = find(DIMENSION_SPELLINGS[d], true);
    if (at !== undefined) dimensions[d] = at;
  }
  const score = find(SCORE, true);
  const statusColumns = header.keys.flatMap((key, i) => {
    const match = STATUS.exec(key);
    return match && i < header.width ? [{ at: i, year: match[1] === undefined ? null : Number(match[1]) }] : [];
  });
  if (statusColumns.length === 0) missing.push('INDEKS DESA (ID <year>) or STATUS');
  if (missing.length > 0) return { error: `wide layout lacks ${missing.join(', ')}` };

  const years = [...new Set(statusColumns.map((c) => c.year).filter((y): y is number => y !== null))];
  if (years.length > 1) return { error: `several status years in one header (${years.join(', ')}); expected one` };
  // One status column per sheet: with several, a year-less STATUS beside a dated one is ambiguous.
  if (statusColumns.length > 1) return { error: `several status columns (${statusColumns.map((c) => header.label(c.at)).join(', ')}); expected one` };
  const sheetYear = years[0];
  if (sheetYear !== undefined && options.year !== undefined && sheetYear !== options.year) {
    return { error: `the status column ${header.label(statusColumns[0]!.at)} says ${sheetYear}, but the year asked for is ${options.year}` };
  }
  return {
    layout: {
      year: sheetYear ?? options.year ?? DEFAULT_INDEKS_DESA_YEAR,
      code: code!,
      province: find(PROVINCE, false),
      kabupaten: find(KABUPATEN, false),
      district: find(DISTRICT, false),
      village: find(VILLAGE, false),
      dimensions,
      score: score!,
      status: statusColumns[0]!.at,
    },
  };
}

/** The rows under one wide header, mapped to records (or malformed rows naming their column). */
export class WideMapper implements RowSink {
  constructor(
    private readonly layout: WideLayout,
    private readonly header: SheetHeader,
    private readonly dialect: SheetDialect,
    private readonly out: { records: IndeksDesaRecord[]; malformed: IndeksDesaMalformedRow[] },
  ) {}

  row(row: SheetRow): void {
    const mapped = this.map(row);
    if ('reason' in mapped) this.out.malformed.push(mapped);
    else this.out.records.push(mapped);
  }

  unreadable(line: number, message: string): void {
    this.out.malformed.push({ source: { format: 'indeks-desa-wide', file: this.header.source, line }, villageCode: null, reason: message });
  }

  map(row: SheetRow): IndeksDesaRecord | IndeksDesaMalformedRow {
    const { layout, header } = this;
    const source = { format: 'indeks-desa-wide' as const, file: header.source, line: row.line };
    const codeLabel = header.label(layout.code);
    const code = readVillageCode(row.at(layout.code), codeLabel);
    if (row.problem !== null) return { source, villageCode: 'value' in code ? code.value : null, reason: row.problem };

    const errors: { column: string; message: string }[] = [];
    if ('error' in code) errors.push({ column: codeLabel, message: code.error });
    const dimensions = emptyDimensions();
    for (const d of DIMENSIONS) {
      const label = header.label(layout.dimensions[d]);
      const n = readNumber(row.at(layout.dimensions[d]), label, this.dialect.decimalComma);
      if ('error' in n) errors.push({ column: label, message: n.error });
      else dimensions[d] = n.value;
    }
    const scoreLabel = header.label(layout.score);
    const score = readNumber(row.at(layout.score), scoreLabel, this.dialect.decimalComma);
    if ('error' in score) errors.push({ column: scoreLabel, message: score.error });
    if (errors.length > 0 || 'error' in code || 'error' in score) {
      return {
        source: { ...source, column: errors[0]!.column },
        villageCode: 'value' in code ? code.value : textOrNull(row.at(layout.code)),
        reason: errors.map((e) => e.message).join('; '),
      };
    }

    const statusText = textOrNull(row.at(layout.status));
    return {
      source,
      villageCode: code.value,
      names: namesOf(row.at(layout.province), row.at(layout.kabupaten), row.at(layout.district), row.at(layout.village)),
      year: layout.year,
      dimensions,
      score: score.value,
      status: statusFromText(statusText),
      statusText,
    };
  }
}
