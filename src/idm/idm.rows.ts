import type { IdmIndex, IdmMovement, IdmStatus } from './idm-status';

/** The plain rows that the repository reads and the GraphQL types resolve from: no decorators, no I/O. */

/** Which level a summary is computed for (a register level, a program or one of its loci). */
export type SummaryScope = 'root' | 'province_code' | 'kabupaten_code' | 'district_code' | 'program' | 'locus';

export interface AssessmentRow {
  id: string;
  villageCode: string;
  year: number;
  iks: number;
  ike: number;
  ikl: number;
  score: number;
  status: IdmStatus | null;
  derivedStatus: IdmStatus;
  statusMismatch: boolean;
  targetStatus: IdmStatus;
  targetMinScore: number;
  scoreToTarget: number;
  publishedCode: string;
  note: string | null;
  sourceFormat: string;
  sourceFile: string;
  sourceLine: number;
  recordedBy: string;
  recordedAt: Date;
  /** Set on history entries: the change against the previous assessed year. */
  change?: ChangeRow;
}

export interface ChangeRow {
  scoreDelta: number | null;
  movement: IdmMovement;
  previousYear: number | null;
  previousStatus: IdmStatus | null;
}

export interface IndicatorRow {
  assessmentId: string;
  index: IdmIndex;
  number: number;
  name: string;
  score: number;
  description: string | null;
  activity: string | null;
  actors: { pusat: string | null; provinsi: string | null; kabupaten: string | null; desa: string | null; csr: string | null; lainnya: string | null };
  potentialGain: number;
}

/** What a summary counts: the assessments of one key of a scope, within a program when `programId` is set. */
export interface SummaryFrame {
  scope: SummaryScope;
  key: string;
  programId?: number;
}

export interface SummaryRow {
  /** What it counts, for the fields that compare it with its parent and the nation. */
  frame: SummaryFrame;
  /** Null when no year was asked for and none is published yet. */
  year: number | null;
  assessed: number;
  byStatus: { status: IdmStatus; count: number; share: number }[];
  mean: { score: number; iks: number; ike: number; ikl: number } | null;
  movedUp: number;
  movedDown: number;
}
