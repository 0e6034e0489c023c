import type { IdmIndex, IdmStatus } from './idm-status';

/**
 * One desa-year of IDM as read from any published source, before validation and before its code
 * is matched to the register. Parsers produce these; the importer validates, matches and writes them.
 * Values are as published: nothing is recomputed here.
 */
export interface IdmRecord {
  /** Where it came from: file path (or URL), 1-based line (CSV/XLSX row; 1 for a JSON file), format. */
  source: IdmSource;
  /** The village code as published, 10 digits without dots (e.g. "6402082005"); may be unknown to the register. */
  villageCode: string;
  /** Published names, for matching a code the register does not know. Upper case as published. */
  names: { province?: string; kabupaten?: string; district?: string; village?: string };
  year: number;
  /** Published indices; null when the source leaves them empty. */
  iks: number | null;
  ike: number | null;
  ikl: number | null;
  /** Published IDM score; null when not published (4 desa in 2024). */
  score: number | null;
  /** Official status as published, or null when empty or not recognised. */
  status: IdmStatus | null;
  /** The published status text, kept for reject messages when it is not recognised. */
  statusText: string | null;
  /** Published target status, skor minimal and penambahan, where the source has them (the API). */
  targetStatus?: IdmStatus | null;
  targetMinScore?: number | null;
  scoreToTarget?: number | null;
  /** The 50 indicators (API only); absent for spreadsheets. */
  indicators?: IdmIndicatorRecord[];
  /**
   * The Kemendes API response this record was read from, as decoded JSON (API only). The write path
   * keeps what it needs to serve the response again unchanged (see rumusan.ts); never read otherwise.
   */
  published?: unknown;
  /** Free note such as KETERANGAN ("Reguler", "Update 2023") or UPDATE ("2022"). */
  note?: string | null;
}

/** Where records come from: a published file layout, or a GraphQL mutation. */
export type IdmFormat = 'spreadsheet-2024' | 'spreadsheet-2023' | 'kemendes-api' | 'graphql';

export interface IdmSource {
  format: IdmFormat;
  /** File path, the URL a sync fetched, or the mutation's name. */
  file: string;
  /** 1-based line of a file; for a mutation, 1 + the item's position in its input list. */
  line: number;
}

/** Where a record sits, as a person would look for it: `input[2]` of a mutation, `file.csv:17` of a file. */
export function describeSource(source: IdmSource): string {
  return source.format === 'graphql' ? `input[${source.line - 1}]` : `${source.file}:${source.line}`;
}

/**
 * Taking back one desa-year: written through the same path as records (matched to the register the
 * same way, checked against the same scope, logged as a change with no current value).
 */
export interface IdmRetraction {
  kind: 'retraction';
  source: IdmSource;
  /** As published or typed, 10 digits with or without dots. */
  villageCode: string;
  names: IdmRecord['names'];
  year: number;
  /** Why, in a sentence; kept in the change log. */
  reason: string;
  /**
   * The value being taken back, when known (the rows of a file, `import:idm --retract`): a stored
   * value that differs was written since by something else and is left alone (VALUE_DIFFERS).
   */
  expected: Pick<IdmRecord, 'iks' | 'ike' | 'ikl' | 'score' | 'status'> | null;
}

/** What the write path takes: records to store and retractions to apply. */
export type IdmWrite = IdmRecord | IdmRetraction;

export function isRetraction(write: IdmWrite): write is IdmRetraction {
  return (write as IdmRetraction).kind === 'retraction';
}

export interface IdmIndicatorRecord {
  index: IdmIndex;
  /** 1-based within its index (NO restarts at 1 in each index). */
  number: number;
  name: string;
  /** 0–5 as published. */
  score: number;
  /** KETERANGAN: description of the state. */
  description: string | null;
  /** KEGIATAN: suggested activity; "-" in the source means none and is stored as null. */
  activity: string | null;
  /** Who can carry it out: PUSAT, PROV, KAB, DESA, CSR, LAINNYA (null when empty). */
  actors: { pusat: string | null; provinsi: string | null; kabupaten: string | null; desa: string | null; csr: string | null; lainnya: string | null };
  /** NILAI as published (a string in the API), parsed to a number; null when absent. */
  potentialGain: number | null;
}

/** A row a parser could not turn into a record: counted and written to the rejects file. */
export interface MalformedRow {
  source: IdmSource;
  villageCode: string | null;
  reason: string;
}

export interface ParseResult {
  records: IdmRecord[];
  malformed: MalformedRow[];
}
