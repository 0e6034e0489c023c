import { IndexFamilyId } from './index-family';
import type { IndexStatus } from './index-status';

/**
 * What the level reads (summaries, histograms, rankings, movement, coverage, the published year)
 * need to know of a family: its table and the columns a summary averages. One descriptor per family
 * (idm/idm.level.ts, indeks-desa/indeks-desa.level.ts); the SQL in level.repository.ts is written
 * once over it.
 */
export interface FamilyLevel {
  id: IndexFamilyId;
  /** One assessment per desa-year, with village, district, kabupaten and province codes. */
  table: string;
  /** Desa assessed per year, kept by the write path. */
  yearTable: string;
  /** What a summary's mean holds: output name → column (`score` first). */
  means: Readonly<Record<string, string>>;
  /** Means, shares and differences to the family's published precision. */
  round(value: number): number;
  /** Shares (of statuses, of a ranking) to 4 decimals, whatever the scale. */
  roundShare(value: number): number;
  /** Decimals of `round`, for the SQL that ranks. */
  decimals: number;
  /** Status by the family's thresholds: the colour of a histogram bin. */
  statusFromScore(score: number): IndexStatus;
  /**
   * The range a histogram divides into bins: the family's whole scale (Indeks Desa 0–100, so two
   * scopes' histograms line up), or `scope` for the lowest to highest score of the scope (IDM, as
   * it always has).
   */
  histogramRange: { min: number; max: number } | 'scope';
  /**
   * The tables whose previous assessed year a summary's movedUp/movedDown compares with: IDM its
   * own; the Indeks Desa either family's, so the 2025 round compares with IDM 2024.
   */
  previousTables: readonly string[];
  /** Published national counts per year (decrees), served beside what is loaded. */
  officialCounts: Readonly<Record<number, OfficialCount>>;
}

/** A decree's national recap of one year. */
export interface OfficialCount {
  /** Desa per status. */
  byStatus: Readonly<Record<IndexStatus, number>>;
  /** Desa the decree covers (may exceed the sum: IDM 2024 has 4 desa without a status). */
  total: number;
  /** The decree or publication the counts come from. */
  source: string;
}

/** Table of each family: the movement across families joins the other family's table by id. */
export const FAMILY_TABLES: Readonly<Record<IndexFamilyId, string>> = Object.freeze({
  [IndexFamilyId.IDM]: 'idm_assessment',
  [IndexFamilyId.INDEKS_DESA]: 'indeks_desa_assessment',
});

/** Year table of each family, for the national published year. */
export const FAMILY_YEAR_TABLES: Readonly<Record<IndexFamilyId, string>> = Object.freeze({
  [IndexFamilyId.IDM]: 'idm_year',
  [IndexFamilyId.INDEKS_DESA]: 'indeks_desa_year',
});

/** A share to 4 decimals, without binary noise. */
export function roundShare(value: number): number {
  return Math.round((value + Number.EPSILON * Math.sign(value)) * 10_000) / 10_000 + 0;
}
