import type { IndeksDesaMalformedRow, IndeksDesaRecord } from '../../indeks-desa/indeks-desa-record';
import { statusFromText } from '../../index-family/index-status';
import { headerKey, namesOf, readNumber, readVillageCode, textOrNull } from '../sheet/cells';
import type { RowSink, SheetDialect } from '../sheet/sheet-reader';
import type { SheetHeader, SheetRow } from '../sheet/sheet-row';
import { DEFAULT_INDEKS_DESA_YEAR, dimensionOf, emptyDimensions, type Dimension } from './dimension-columns';
import type { IndeksDesaLayoutOptions } from './wide.mapper';

/**
 * The long Indeks Desa sheet, one row per desa and item (the Bappenas "Database PIT" sheet):
 * `region_code, province, regency, item, units, value`, items `Status Indeks Desa`, `Layanan Dasar`,
 * `Sosial`, `Ekonomi`, `Lingkungan`, `Aksesibilitas`, `Tata Kelola Pemerintah`, `Skor`. The rows of
 * a desa are gathered by region_code wherever they are in the sheet; its record carries the line of
 * its first row. Items that are none of these (sub-dimensions, other indicators) are passed over.
 */

const REGION_CODE = ['REGION_CODE', 'KODE_DESA', 'KODE_WILAYAH'];
const ITEM = ['ITEM', 'INDIKATOR'];
const VALUE = ['VALUE', 'NILAI'];
const PROVINCE = ['PROVINCE', 'PROVINSI'];
const KABUPATEN = ['REGENCY', 'KABUPATEN_KOTA', 'KABUPATEN'];
const DISTRICT = ['DISTRICT', 'KECAMATAN'];
const VILLAGE = ['VILLAGE', 'DESA'];
/** A year column, where a sheet holds more than one round. */
const YEAR = ['YEAR', 'TAHUN'];

const STATUS_ITEMS = ['STATUS_INDEKS_DESA', 'STATUS_ID', 'STATUS'];
const SCORE_ITEMS = ['SKOR', 'SKOR_INDEKS_DESA', 'INDEKS_DESA'];

interface LongLayout {
  /** The year of rows without a year column. */
  year: number;
  code: number;
  item: number;
  value: number;
  yearColumn?: number;
  province?: number;
  kabupaten?: number;
  district?: number;
  village?: number;
}

export function longLayoutFromHeader(header: SheetHeader, options: IndeksDesaLayoutOptions = {}): { layout: LongLayout } | { error: string } {
  const missing: string[] = [];
  const find = (spellings: readonly string[], required: boolean): number | undefined => {
    const key = header.firstOf(spellings);
    if (key === undefined && required) missing.push(spellings[0]!.toLowerCase());
    return key === undefined ? undefined : header.indexOf(key);
  };
  const code = find(REGION_CODE, true);
  const item = find(ITEM, true);
  const value = find(VALUE, true);
  if (missing.length > 0) return { error: `long layout lacks ${missing.join(', ')}` };
  return {
    layout: {
      year: options.year ?? DEFAULT_INDEKS_DESA_YEAR,
      code: code!,
      item: item!,
      value: value!,
      yearColumn: find(YEAR, false),
      province: find(PROVINCE, false),
      kabupaten: find(KABUPATEN, false),
      district: find(DISTRICT, false),
      village: find(VILLAGE, false),
    },
  };
}

type Field = Dimension | 'score' | 'status';

function fieldOf(item: string): Field | undefined {
  const key = headerKey(item);
  if (STATUS_ITEMS.includes(key)) return 'status';
  if (SCORE_ITEMS.includes(key)) return 'score';
  return dimensionOf(key);
}

/** One desa-year being gathered from its rows. */
interface Gathering {
  code: string;
  year: number;
  line: number;
  names: IndeksDesaRecord['names'];
  /** Each field's text as given, with the line and item it came from. */
  fields: Map<Field, { text: string; line: number; item: string }>;
  errors: { item: string; message: string }[];
}

/** Gathers the rows under one long header; `finish` turns each desa into a record or a malformed row. */
export class LongMapper implements RowSink {
  private readonly desa = new Map<string, Gathering>();

  constructor(
    private readonly layout: LongLayout,
    private readonly header: SheetHeader,
    private readonly dialect: SheetDialect,
    private readonly out: { records: IndeksDesaRecord[]; malformed: IndeksDesaMalformedRow[] },
  ) {}

  private source(line: number, column?: string): IndeksDesaMalformedRow['source'] {
    return column === undefined ? { format: 'indeks-desa-long', file: this.header.source, line } : { format: 'indeks-desa-long', file: this.header.source, line, column };
  }

  row(row: SheetRow): void {
    const { layout, header } = this;
    const code = readVillageCode(row.at(layout.code), header.label(layout.code));
    if (row.problem !== null || 'error' in code) {
      const villageCode = 'value' in code ? code.value : textOrNull(row.at(layout.code));
      this.out.malformed.push({ source: this.source(row.line, header.label(layout.code)), villageCode, reason: row.problem ?? (code as { error: string }).error });
      return;
    }
    const item = row.at(layout.item).trim();
    const field = fieldOf(item);
    if (field === undefined) return; // another item of a larger sheet

    let year = layout.year;
    if (layout.yearColumn !== undefined && row.at(layout.yearColumn).trim() !== '') {
      const text = row.at(layout.yearColumn).trim();
      if (!/^\d{4}$/.test(text)) {
        this.out.malformed.push({ source: this.source(row.line, header.label(layout.yearColumn)), villageCode: code.value, reason: `${header.label(layout.yearColumn)} ${JSON.stringify(text)} is not a year` });
        return;
      }
      year = Number(text);
    }

    const key = `${code.value}|${year}`;
    let desa = this.desa.get(key);
    if (desa === undefined) {
      desa = {
        code: code.value,
        year,
        line: row.line,
        names: namesOf(row.at(layout.province), row.at(layout.kabupaten), row.at(layout.district), row.at(layout.village)),
        fields: new Map(),
        errors: [],
      };
      this.desa.set(key, desa);
    }
    const text = row.at(layout.value).trim();
    const earlier = desa.fields.get(field);
    if (earlier === undefined) desa.fields.set(field, { text, line: row.line, item });
    else if (earlier.text !== text) {
      desa.errors.push({ item, message: `${item} given twice with different values (line ${earlier.line}: ${JSON.stringify(earlier.text)}, line ${row.line}: ${JSON.stringify(text)})` });
    }
  }

  unreadable(line: number, message: string): void {
    this.out.malformed.push({ source: this.source(line), villageCode: null, reason: message });
  }

  /** Every gathered desa, in the order of its first row. */
  finish(): void {
    for (const desa of this.desa.values()) {
      const mapped = this.map(desa);
      if ('reason' in mapped) this.out.malformed.push(mapped);
      else this.out.records.push(mapped);
    }
    this.desa.clear();
  }

  private map(desa: Gathering): IndeksDesaRecord | IndeksDesaMalformedRow {
    const errors = [...desa.errors];
    const dimensions = emptyDimensions();
    let score: number | null = null;
    for (const [field, given] of desa.fields) {
      if (field === 'status') continue;
      const n = readNumber(given.text, `${given.item} (line ${given.line})`, this.dialect.decimalComma);
      if ('error' in n) errors.push({ item: given.item, message: n.error });
      else if (field === 'score') score = n.value;
      else dimensions[field] = n.value;
    }
    if (errors.length > 0) {
      return { source: this.source(desa.line, errors[0]!.item), villageCode: desa.code, reason: errors.map((e) => e.message).join('; ') };
    }
    const statusText = textOrNull(desa.fields.get('status')?.text ?? '');
    return {
      source: this.source(desa.line),
      villageCode: desa.code,
      names: desa.names,
      year: desa.year,
      dimensions,
      score,
      status: statusFromText(statusText),
      statusText,
    };
  }
}
