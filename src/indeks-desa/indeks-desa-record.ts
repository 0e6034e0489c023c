import type { IndexStatus } from '../index-family/index-status';

/**
 * One desa-year of the Indeks Desa (Permendesa PDTT 9/2024) as read from a published sheet or typed
 * into the mutation, before validation and before its code is matched to the register. The
 * importers produce these; `recordIndeksDesa` (indeks-desa.writer.ts) validates, matches and writes
 * them. Values are as published: nothing is recomputed here.
 */

/** The six dimensions as published (points, not shares); null where the source leaves a cell empty. */
export interface IndeksDesaDimensions {
  /** Layanan Dasar, 0–170. */
  layananDasar: number | null;
  /** Sosial, 0–85. */
  sosial: number | null;
  /** Ekonomi, 0–160. */
  ekonomi: number | null;
  /** Lingkungan, 0–90. */
  lingkungan: number | null;
  /** Aksesibilitas, 0–50. */
  aksesibilitas: number | null;
  /** Tata Kelola Pemerintahan Desa, 0–80. */
  tataKelola: number | null;
}

/** Where records come from: the two sheet layouts dinas share, or the GraphQL mutation. */
export type IndeksDesaFormat = 'indeks-desa-wide' | 'indeks-desa-long' | 'graphql';

export interface IndeksDesaSource {
  format: IndeksDesaFormat;
  /** File path, or the mutation's name. */
  file: string;
  /** 1-based line of a file (for the long layout: the desa's first row); for a mutation, 1 + the item's position. */
  line: number;
  /** The header of the column a value came from, where one column holds it (the wide layout); for reject messages. */
  column?: string;
}

export interface IndeksDesaRecord {
  source: IndeksDesaSource;
  /** The village code as published: 10 digits, or dotted ("18.07.01.2001"); may be unknown to the register. */
  villageCode: string;
  /** Published names, for matching a code the register does not know. As published. */
  names: { province?: string; kabupaten?: string; district?: string; village?: string };
  year: number;
  dimensions: IndeksDesaDimensions;
  /** Published Skor Indeks Desa (0–100, 2 decimals); null when not published (then Σ/635×100 is stored). */
  score: number | null;
  /** Official status as published, or null when empty or not recognised (see `statusFromText`). */
  status: IndexStatus | null;
  /** The published status text, kept for reject messages when it is not recognised. */
  statusText: string | null;
}

/**
 * Taking back one desa-year of the Indeks Desa: written through the same path as records (matched,
 * scoped and logged the same way), as IdmRetraction is for IDM.
 */
export interface IndeksDesaRetraction {
  kind: 'retraction';
  source: IndeksDesaSource;
  villageCode: string;
  names: IndeksDesaRecord['names'];
  year: number;
  /** Why, in a sentence; kept in the change log. */
  reason: string;
  /**
   * The value being taken back, when known (a file's rows): a stored value that differs was written
   * since by something else and is left alone (VALUE_DIFFERS).
   */
  expected: Pick<IndeksDesaRecord, 'dimensions' | 'score' | 'status'> | null;
}

/** What the write path takes: records to store and retractions to apply. */
export type IndeksDesaWrite = IndeksDesaRecord | IndeksDesaRetraction;

/** A row an importer could not turn into a record: counted and written to the rejects file. */
export interface IndeksDesaMalformedRow {
  source: IndeksDesaSource;
  villageCode: string | null;
  reason: string;
}
