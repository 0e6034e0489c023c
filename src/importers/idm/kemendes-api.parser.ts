import { readFile } from 'node:fs/promises';
import { IdmIndex, statusFromText } from '../../idm/idm-status';
import type { IdmIndicatorRecord, IdmRecord, IdmSource, ParseResult } from '../../idm/idm-record';

/**
 * Parser for responses of the Kemendes IDM API (`/open/api/desa/rumusan/{kode_desa}/{tahun}`), as saved
 * to files or as received live. One response is one desa-year: one record with its 50 indicators.
 *
 * The response is read as published: indices come from the subtotal rows, the score and status from
 * SUMMARIES, and nothing is recomputed (a published IKS can differ from the sum of its indicators).
 */

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a parsed JSON document is a Kemendes API response: the data shape (mapData, or IDENTITAS at
 * the top when someone saved only mapData) or the API's documented error shape `{error: true, message}`,
 * which is worth recognising so that it is reported with its message rather than as an unknown file.
 */
export function isKemendesApiResponse(json: unknown): boolean {
  if (!isObject(json)) return false;
  if (isObject(json.mapData) || Array.isArray(json.IDENTITAS)) return true;
  return json.error === true && typeof json.message === 'string';
}

/** Text as published, trimmed; null for null, "", "-" and the `false` the API puts in 3 of 24,000 rows. */
function optionalText(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' || text === '-' ? null : text;
}

/** A number that the API sends either as a JSON number or as a string ("0.8156", "0.00952381"). */
function optionalNumber(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text === '-') return null;
  // Accept a decimal comma, as the spreadsheets do; refuse anything else (undefined = unreadable).
  if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

const SUBTOTAL = /^\s*(IKS|IKE|IKL|IDM|STATUS\s+IDM)\b/i;
const INDEX_BY_LABEL: Readonly<Record<string, IdmIndex>> = { IKS: IdmIndex.IKS, IKE: IdmIndex.IKE, IKL: IdmIndex.IKL };

interface RowsRead {
  indicators: IdmIndicatorRecord[];
  /** Indicator rows with neither SKOR nor NILAI: what a mirror (this API's /rumusan) sends for indicators it does not know. */
  unscored: number;
  indices: Partial<Record<IdmIndex, number | null>>;
  idmScore: number | null;
  statusText: string | null;
  /** Year of the subtotal rows ("IKS 2024"), a fallback when SUMMARIES.TAHUN is missing. */
  year: number | null;
}

/**
 * Walks ROW in order. Indicator rows (NO set) wait until the next subtotal row names their index,
 * so each indicator belongs to the subtotal that follows it whatever the number of rows per index.
 */
function readRows(rows: unknown[]): RowsRead | { error: string } {
  const read: RowsRead = { indicators: [], unscored: 0, indices: {}, idmScore: null, statusText: null, year: null };
  let pending: { row: JsonObject; at: number }[] = [];
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at];
    if (!isObject(row)) return { error: `ROW[${at}] is not an object` };
    const label = typeof row.INDIKATOR === 'string' ? row.INDIKATOR.trim() : '';
    if (row.NO !== null && row.NO !== undefined) {
      pending.push({ row, at });
      continue;
    }
    const match = SUBTOTAL.exec(label);
    // A row without NO that is not a known subtotal (a heading in some future version) carries nothing to keep.
    if (match === null) continue;
    const kind = match[1].toUpperCase().replace(/\s+/g, ' ');
    const year = /\b(\d{4})\b/.exec(label)?.[1];
    if (year !== undefined) read.year ??= Number(year);
    if (kind === 'STATUS IDM') {
      read.statusText = optionalText(row.SKOR);
      continue;
    }
    const score = optionalNumber(row.SKOR);
    if (score === undefined) return { error: `ROW[${at}] ${label}: SKOR ${JSON.stringify(row.SKOR)} is not a number` };
    if (kind === 'IDM') {
      read.idmScore = score;
      continue;
    }
    const index = INDEX_BY_LABEL[kind];
    if (index === undefined) continue; // unreachable: SUBTOTAL only matches the labels handled here
    if (index in read.indices) return { error: `ROW[${at}]: a second ${index} subtotal row` };
    read.indices[index] = score;
    for (const { row: indicatorRow, at: indicatorAt } of pending) {
      if (indicatorRow.SKOR === null && indicatorRow.NILAI === null) {
        read.unscored++;
        continue;
      }
      const indicator = readIndicator(indicatorRow, index);
      if ('error' in indicator) return { error: `ROW[${indicatorAt}] (${index} ${String(indicatorRow.NO)}): ${indicator.error}` };
      read.indicators.push(indicator);
    }
    pending = [];
  }
  if (pending.length > 0) {
    // Without a following subtotal these rows have no index; importing them under a guessed one would be wrong.
    return { error: `${pending.length} indicator row(s) after the last IKS/IKE/IKL subtotal row (from ROW[${pending[0].at}])` };
  }
  if (read.unscored > 0 && read.indicators.length > 0) {
    // All or none: a record with some indicators would pass for a complete one.
    return { error: `${read.unscored} indicator row(s) without SKOR beside ${read.indicators.length} with one` };
  }
  return read;
}

function readIndicator(row: JsonObject, index: IdmIndex): IdmIndicatorRecord | { error: string } {
  const number = optionalNumber(row.NO);
  if (number === null || number === undefined || !Number.isInteger(number) || number < 1) {
    return { error: `NO ${JSON.stringify(row.NO)} is not an indicator number` };
  }
  const name = optionalText(row.INDIKATOR);
  if (name === null) return { error: 'INDIKATOR is empty' };
  const score = optionalNumber(row.SKOR);
  if (score === null || score === undefined) return { error: `SKOR ${JSON.stringify(row.SKOR)} is not a number` };
  const potentialGain = optionalNumber(row.NILAI);
  if (potentialGain === undefined) return { error: `NILAI ${JSON.stringify(row.NILAI)} is not a number` };
  return {
    index,
    number,
    name,
    score,
    description: optionalText(row.KETERANGAN),
    activity: optionalText(row.KEGIATAN),
    actors: {
      pusat: optionalText(row.PUSAT),
      provinsi: optionalText(row.PROV),
      kabupaten: optionalText(row.KAB),
      desa: optionalText(row.DESA),
      csr: optionalText(row.CSR),
      lainnya: optionalText(row.LAINNYA),
    },
    potentialGain,
  };
}

/**
 * Parses one API response (already JSON-decoded) into one record. Pure, so a live sync can reuse it on
 * an HTTP body. An error response or a response that cannot be read gives one MalformedRow, never a throw.
 */
export function parseKemendesApiResponse(json: unknown, source: { file: string }): ParseResult {
  const where: IdmSource = { format: 'kemendes-api', file: source.file, line: 1 };
  const fail = (reason: string, villageCode: string | null = null): ParseResult => ({
    records: [],
    malformed: [{ source: where, villageCode, reason }],
  });

  if (!isObject(json)) return fail('not a Kemendes API response (expected a JSON object)');
  // Some savers keep only mapData; accept it at the top level too.
  const mapData = isObject(json.mapData) ? json.mapData : Array.isArray(json.IDENTITAS) ? json : null;
  if (json.error === true || mapData === null) {
    const message = typeof json.message === 'string' && json.message.trim() !== '' ? json.message.trim() : null;
    return fail(message !== null ? `API error: ${message}` : json.error === true ? 'API error without a message' : 'response has no mapData');
  }

  const identity = Array.isArray(mapData.IDENTITAS) ? mapData.IDENTITAS[0] : undefined;
  if (!isObject(identity)) return fail('mapData.IDENTITAS[0] is missing');
  const rawCode = optionalText(identity.id_desa);
  if (rawCode === null) return fail('IDENTITAS[0].id_desa is missing');
  const villageCode = rawCode.replace(/[\s.]/g, '');
  if (!/^\d{10}$/.test(villageCode)) return fail(`IDENTITAS[0].id_desa ${JSON.stringify(rawCode)} is not a 10-digit code`, rawCode);

  const summaries = isObject(mapData.SUMMARIES) ? mapData.SUMMARIES : {};
  if (!Array.isArray(mapData.ROW)) return fail('mapData.ROW is missing', villageCode);
  const rows = readRows(mapData.ROW);
  if ('error' in rows) return fail(rows.error, villageCode);

  const tahun = optionalNumber(summaries.TAHUN);
  const year = tahun ?? rows.year;
  if (year === null || year === undefined || !Number.isInteger(year)) {
    return fail(`no year: SUMMARIES.TAHUN ${JSON.stringify(summaries.TAHUN)} and no "IDM <year>" row`, villageCode);
  }

  const numberField = (name: string): number | null | { error: string } => {
    const value = optionalNumber(summaries[name]);
    return value === undefined ? { error: `SUMMARIES.${name} ${JSON.stringify(summaries[name])} is not a number` } : value;
  };
  const score = numberField('SKOR_SAAT_INI');
  const targetMinScore = numberField('SKOR_MINIMAL');
  const scoreToTarget = numberField('PENAMBAHAN');
  for (const value of [score, targetMinScore, scoreToTarget]) {
    if (typeof value === 'object' && value !== null) return fail(value.error, villageCode);
  }
  const asNumber = (value: number | null | { error: string }): number | null => (typeof value === 'number' ? value : null);
  // SUMMARIES is authoritative; the IDM / STATUS IDM rows say the same and stand in when it lacks a field.
  const statusText = optionalText(summaries.STATUS) ?? rows.statusText;
  const targetStatusText = optionalText(summaries.TARGET_STATUS);

  const names: IdmRecord['names'] = {};
  const province = optionalText(identity.nama_provinsi);
  const kabupaten = optionalText(identity.nama_kab_kota);
  const district = optionalText(identity.nama_kecamatan);
  const village = optionalText(identity.nama_desa);
  if (province !== null) names.province = province;
  if (kabupaten !== null) names.kabupaten = kabupaten;
  if (district !== null) names.district = district;
  if (village !== null) names.village = village;

  const record: IdmRecord = {
    source: where,
    villageCode,
    names,
    year,
    iks: rows.indices.IKS ?? null,
    ike: rows.indices.IKE ?? null,
    ikl: rows.indices.IKL ?? null,
    score: asNumber(score) ?? rows.idmScore,
    status: statusFromText(statusText),
    statusText,
    targetStatus: statusFromText(targetStatusText),
    targetMinScore: asNumber(targetMinScore),
    scoreToTarget: asNumber(scoreToTarget),
    // None when the response names its indicators without scores (a mirror that does not know them).
    ...(rows.unscored > 0 ? {} : { indicators: rows.indicators }),
    // The whole response, so the write path can keep what its columns do not (see idm/rumusan.ts).
    ...(isObject(json.mapData) ? { published: json } : {}),
  };
  return { records: [record], malformed: [] };
}

/**
 * Reads and parses one saved API response. Throws only when the file cannot be read; a file that is not
 * valid JSON is one MalformedRow, like any other unreadable response.
 */
export async function parseKemendesApiFile(file: string): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the file (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      records: [],
      malformed: [{ source: { format: 'kemendes-api', file, line: 1 }, villageCode: null, reason: `invalid JSON: ${(error as Error).message}` }],
    };
  }
  return parseKemendesApiResponse(json, { file });
}
