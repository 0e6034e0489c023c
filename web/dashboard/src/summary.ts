import type { IdmStatus } from './generated/graphql';

/**
 * A summary as the views read it, whichever family it sums up: both families' documents alias
 * their fields alike (operations.graphql, indeks-desa.graphql), so each family's answer is one of these.
 */

/** Means of the score and of the family's components (IDM: iks ike ikl; Indeks Desa: the six dimensions), by key. */
export type Means = { score: number } & Record<string, number>;

export interface StatusCount {
  status: IdmStatus;
  count: number;
  share: number;
}

export interface Summary {
  year: number | null;
  assessed: number;
  /** Assessed ÷ the register's desa in scope. */
  coverage: number | null;
  movedUp: number;
  movedDown: number;
  top: number | null;
  byStatus: StatusCount[];
  mean: Means | null;
  meanVsParent: Means | null;
  meanVsNational: { score: number } | null;
}

export interface Bin {
  from: number;
  to: number;
  count: number;
  status: IdmStatus;
}

export interface OfficialCounts {
  year: number;
  source: string;
  total: number;
  byStatus: StatusCount[];
}

export interface Previous {
  year: number | null;
  assessed: number;
  mean: Means | null;
  top: number | null;
}

export interface Ranked {
  rank: number;
  code: string;
  name: string;
  value: number;
  assessed: number;
}

export interface ChildSummary {
  assessed: number;
  mean: { score: number } | null;
  top: number | null;
  byStatus: { status: IdmStatus; count: number }[];
}
