import type { LevelSummaryRow } from '../index-family/level.rows';
import type { IdmIndex, IdmMovement, IdmStatus } from './idm-status';

export type { SummaryFrame, SummaryScope } from '../index-family/level.rows';

/** The plain rows that the repository reads and the GraphQL types resolve from: no decorators, no I/O. */

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

/** A summary of IDM: the shared level summary with IDM's means. */
export type SummaryRow = LevelSummaryRow<{ score: number; iks: number; ike: number; ikl: number }>;
