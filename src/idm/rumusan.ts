import { IdmIndex, IdmStatus } from './idm-status';
import { INDICATOR_COUNT, SCORE_DECIMALS } from './idm.rules';
import { PUBLISHED_INDICATOR_NAMES } from './indicator-names';

/**
 * The Kemendes `rumusan` response (`GET /open/api/desa/rumusan/{kode}/{tahun}`) built from what is
 * stored: pure, no I/O. Two uses share one builder:
 *  - a desa-year known from another source (spreadsheet, mutation, a correction after an API import)
 *    is answered with `buildRumusan` alone, in the published shape;
 *  - a desa-year stored from an API response keeps only what `buildRumusan` does not give back
 *    (`rumusanResidue`: the published text of NILAI, padded names, `"-"`, `false`, ROW_CELL where it
 *    differs...), and is answered with `applyResidue(buildRumusan(...), residue)`, which is the
 *    response as published, value for value and key for key.
 * The layout follows the 480 responses in ../shared/data/kemendes-api (DOMAIN.md, "Published formats").
 * Stored residues are patches against what this builder gives: change its output and the responses
 * must be imported again (tests/rumusan.test.ts reads all 480 back after an import).
 */

/** Kemendes' answer for an unknown code or year, byte for byte: `{"status":400,"error":true,"message":"ID Desa tidak ditemukan"}`. */
export const NOT_FOUND_MESSAGE = 'ID Desa tidak ditemukan';

/** The stored values a response is built from. */
export interface RumusanAssessment {
  year: number;
  iks: number;
  ike: number;
  ikl: number;
  score: number;
  /** Official status; null where none was published (then the derived one is shown). */
  status: IdmStatus | null;
  derivedStatus: IdmStatus;
  targetStatus: IdmStatus;
  targetMinScore: number;
  scoreToTarget: number;
}

/** One stored indicator. */
export interface RumusanIndicator {
  index: IdmIndex;
  number: number;
  name: string;
  score: number;
  description: string | null;
  activity: string | null;
  actors: { pusat: string | null; provinsi: string | null; kabupaten: string | null; desa: string | null; csr: string | null; lainnya: string | null };
  potentialGain: number | null;
}

/** Names as a source published them (upper case), any of which may be unknown. */
export interface RumusanNames {
  province?: string | null;
  kabupaten?: string | null;
  district?: string | null;
  village?: string | null;
}

export interface RumusanInput {
  /** Dotted register code of the desa, `72.01.06.2009`. */
  villageCode: string;
  names: RumusanNames;
  assessment: RumusanAssessment;
  /** The stored indicators, or none: then 50 rows with their published names and null scores. */
  indicators: readonly RumusanIndicator[];
}

export interface RumusanRow {
  NO: number | null;
  INDIKATOR: string;
  SKOR: number | string | null;
  KETERANGAN: string | null;
  KEGIATAN: string | null;
  NILAI: string | null;
  PUSAT: string | null;
  PROV: string | null;
  KAB: string | null;
  DESA: string | null;
  CSR: string | null;
  LAINNYA: string | null;
  ROW_CELL: number;
}

export interface RumusanIdentity {
  nama_provinsi: string | null;
  id_prov: string;
  id_kabupaten: string;
  nama_kab_kota: string | null;
  id_kecamatan: string;
  nama_kecamatan: string | null;
  id_desa: string;
  nama_desa: string | null;
}

export interface RumusanResponse {
  status: 200;
  error: false;
  mapData: {
    SUMMARIES: { SKOR_SAAT_INI: number; STATUS: string; TARGET_STATUS: string; SKOR_MINIMAL: string; PENAMBAHAN: number; TAHUN: number };
    ROW: RumusanRow[];
    IDENTITAS: [RumusanIdentity];
  };
}

/** The API's error shape, `{"status":400,"error":true,"message":"…"}`. */
export interface RumusanError {
  status: number;
  error: true;
  message: string;
}

export function rumusanError(status: number, message: string): RumusanError {
  return { status, error: true, message };
}

/** The published ROW_CELL of ROW[0]: the spreadsheet row Kemendes' sheet starts at; each next row adds one. */
const FIRST_ROW_CELL = 10;

/** NILAI is published with 8 decimals, as text ("0.00952381", "0"). */
const NILAI_DECIMALS = 8;

/** SUMMARIES.STATUS and TARGET_STATUS: upper case with spaces ("SANGAT TERTINGGAL"). */
export function statusLabel(status: IdmStatus): string {
  return status.replaceAll('_', ' ');
}

/** The STATUS IDM row's SKOR: title case ("Sangat Tertinggal"). */
export function statusTitle(status: IdmStatus): string {
  return statusLabel(status)
    .toLowerCase()
    .replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/**
 * A register name as Kemendes writes it: upper case, without "Kabupaten" ("Kabupaten Banggai" is
 * "BANGGAI", "Kota Palu" stays "KOTA PALU"). For desa-years whose source published no names.
 */
export function publishedStyleName(registerName: string): string {
  return registerName.replace(/^kabupaten\s+/i, '').toUpperCase();
}

function nilai(gain: number | null): string | null {
  return gain === null ? null : String(Number(gain.toFixed(NILAI_DECIMALS)));
}

function emptyRow(no: number | null, name: string, score: number | string | null): RumusanRow {
  return { NO: no, INDIKATOR: name, SKOR: score, KETERANGAN: null, KEGIATAN: null, NILAI: null, PUSAT: null, PROV: null, KAB: null, DESA: null, CSR: null, LAINNYA: null, ROW_CELL: 0 };
}

function indicatorRow(index: IdmIndex, number: number, indicator: RumusanIndicator | undefined): RumusanRow {
  const name = PUBLISHED_INDICATOR_NAMES[index][number - 1] ?? indicator?.name ?? `${index} ${number}`;
  if (!indicator) return emptyRow(number, name, null);
  const { actors } = indicator;
  return {
    NO: number,
    INDIKATOR: name,
    SKOR: indicator.score,
    KETERANGAN: indicator.description,
    // The API writes "-" for "no activity needed" (the stored null).
    KEGIATAN: indicator.activity ?? '-',
    NILAI: nilai(indicator.potentialGain),
    PUSAT: actors.pusat,
    PROV: actors.provinsi,
    KAB: actors.kabupaten,
    DESA: actors.desa,
    CSR: actors.csr,
    LAINNYA: actors.lainnya,
    ROW_CELL: 0,
  };
}

/** The indices in the order of ROW, each with its subtotal column. */
const INDEX_ROWS: readonly [IdmIndex, 'iks' | 'ike' | 'ikl'][] = [
  [IdmIndex.IKS, 'iks'],
  [IdmIndex.IKE, 'ike'],
  [IdmIndex.IKL, 'ikl'],
];

/**
 * The response in the published layout: 35 IKS rows then "IKS <year>" at ROW[35], 12 IKE rows then
 * "IKE <year>" at ROW[48], 3 IKL rows then "IKL <year>" at ROW[52], "IDM <year>" and
 * "STATUS IDM <year>" (title case); ROW_CELL counts from 10. Indicators are matched by index and
 * number; a missing one is a row with its published name and null values.
 */
export function buildRumusan(input: RumusanInput): RumusanResponse {
  const { assessment: a, names } = input;
  const status = a.status ?? a.derivedStatus;
  const byKey = new Map(input.indicators.map((i) => [`${i.index}|${i.number}`, i]));
  const rows: RumusanRow[] = [];
  for (const [index, column] of INDEX_ROWS) {
    for (let number = 1; number <= INDICATOR_COUNT[index]; number++) rows.push(indicatorRow(index, number, byKey.get(`${index}|${number}`)));
    rows.push(emptyRow(null, `${index} ${a.year}`, a[column]));
  }
  rows.push(emptyRow(null, `IDM ${a.year}`, a.score));
  rows.push(emptyRow(null, `STATUS IDM ${a.year}`, statusTitle(status)));
  rows.forEach((row, at) => (row.ROW_CELL = FIRST_ROW_CELL + at));

  const digits = input.villageCode.replaceAll('.', '');
  return {
    status: 200,
    error: false,
    mapData: {
      SUMMARIES: {
        SKOR_SAAT_INI: a.score,
        STATUS: statusLabel(status),
        TARGET_STATUS: statusLabel(a.targetStatus),
        SKOR_MINIMAL: a.targetMinScore.toFixed(SCORE_DECIMALS),
        PENAMBAHAN: a.scoreToTarget,
        TAHUN: a.year,
      },
      ROW: rows,
      IDENTITAS: [
        {
          nama_provinsi: names.province ?? null,
          id_prov: digits.slice(0, 2),
          id_kabupaten: digits.slice(0, 4),
          nama_kab_kota: names.kabupaten ?? null,
          id_kecamatan: digits.slice(0, 6),
          nama_kecamatan: names.district ?? null,
          id_desa: digits,
          nama_desa: names.village ?? null,
        },
      ],
    },
  };
}

/**
 * What a published response holds beyond `buildRumusan` of its stored values: a sparse patch.
 * `[value]` replaces the built value; an object patches the built object's keys (or the built
 * array's positions) one by one. An object or array is patched only where the published one has
 * the same keys in the same order (or the same length); otherwise it is replaced whole, so applying
 * the patch always gives the published key order. Stored as PostgreSQL `json` (not `jsonb`), which
 * keeps the text and so the key order of a replaced object.
 */
export type RumusanResidue = [unknown] | { [key: string]: RumusanResidue };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameKeys(a: JsonObject, b: JsonObject): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/**
 * The patch that turns `built` into `published`; `{}` when they are the same, key order included
 * (never null: a stored residue, even empty, is what marks a desa-year as served as published).
 */
export function rumusanResidue(built: unknown, published: unknown): RumusanResidue {
  return diff(built, published) ?? {};
}

function diff(built: unknown, published: unknown): RumusanResidue | undefined {
  if (sameJson(built, published)) return undefined;
  let entries: [string, unknown, unknown][] | null = null;
  if (Array.isArray(built) && Array.isArray(published) && built.length === published.length) {
    entries = published.map((value, i) => [String(i), built[i], value]);
  } else if (isObject(built) && isObject(published) && sameKeys(built, published)) {
    entries = Object.keys(published).map((k) => [k, built[k], published[k]]);
  }
  if (entries === null) return [published];
  const patch: { [key: string]: RumusanResidue } = {};
  for (const [key, b, p] of entries) {
    const d = diff(b, p);
    if (d !== undefined) patch[key] = d;
  }
  return patch;
}

/** `built` with `residue` applied: the published response again. Does not modify `built`. */
export function applyResidue(built: unknown, residue: RumusanResidue | null): unknown {
  if (residue === null) return built;
  if (Array.isArray(residue)) return residue[0];
  if (Array.isArray(built)) {
    const copy = built.slice();
    for (const [key, patch] of Object.entries(residue)) copy[Number(key)] = applyResidue(built[Number(key)], patch);
    return copy;
  }
  if (isObject(built)) {
    const copy: JsonObject = { ...built };
    for (const [key, patch] of Object.entries(residue)) copy[key] = applyResidue(built[key], patch);
    return copy;
  }
  // A patch of keys over a leaf cannot come from rumusanResidue; it means the stored values changed under it.
  throw new TypeError('rumusan residue does not fit the built response');
}
