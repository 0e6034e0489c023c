import type { IndexFamilyId } from './index-family';
import type { IndexStatus } from './index-status';

/** The plain rows the level reads return and the GraphQL types of every family resolve from. */

/** Which level a summary is computed for (a register level, a program or one of its loci). */
export type SummaryScope = 'root' | 'province_code' | 'kabupaten_code' | 'district_code' | 'program' | 'locus';

/** What a summary counts: the assessments of one key of a scope, within a program when `programId` is set. */
export interface SummaryFrame {
  scope: SummaryScope;
  key: string;
  programId?: number;
}

/** A summary of one family in one year; `M` is the family's mean (score and its components). */
export interface LevelSummaryRow<M extends Record<string, number> = Record<string, number>> {
  /** What it counts, for the fields that compare it with its parent and the nation. */
  frame: SummaryFrame;
  /** Null when no year was asked for and none is published yet. */
  year: number | null;
  assessed: number;
  byStatus: { status: IndexStatus; count: number; share: number }[];
  mean: M | null;
  /** Against each desa's previous assessed year (see FamilyLevel.previousTables). */
  movedUp: number;
  movedDown: number;
}

/** One histogram: its range and the count of each bin (index 0 = lowest). */
export interface HistogramRow {
  lo: number;
  hi: number;
  counts: number[];
}

/** Which register level lies below each rankable parent. */
export type RankingParent = 'root' | 'province_code' | 'kabupaten_code';

export interface RankingRequest {
  parent: RankingParent;
  year: number;
  by: 'MEAN_SCORE' | 'STATUS_SHARE';
  /** The statuses whose share is ranked (ignored for MEAN_SCORE). */
  statuses: IndexStatus[];
  direction: 'TOP' | 'BOTTOM';
  first: number;
  programId?: number;
}

export interface RankingRow {
  rank: number;
  code: string;
  name: string;
  value: number;
  assessed: number;
}

/** A family and one of its years: one end of a status movement, or a scope's published year. */
export interface FamilyYear {
  family: IndexFamilyId;
  year: number;
}

/** Desa compared between two ends and how their status moved (by rank: the five names are shared). */
export interface MovementRow {
  compared: number;
  up: number;
  down: number;
  same: number;
}

/** Desa of one family assessed in one year within one key of a scope. */
export interface ScopeYearCount {
  key: string;
  family: IndexFamilyId;
  year: number;
  assessed: number;
}
