import type { MatchRule, MatchWarning, RegisterVillage } from '../region/register-matcher';
import type { IndexStatus } from './index-status';
import type { RejectReason } from './reject-reason';

/**
 * What a write of any family reports, and the errors of its all-or-nothing and scoped modes: the
 * importers and the mutations of both families read the same report.
 */

/** Where a write came from, in every family: a file layout or a mutation, a file, a 1-based line. */
export interface WriteSource {
  format: string;
  file: string;
  line: number;
  /** The column a value came from, where the layout has one per value. */
  column?: string;
}

/** Where a write sits, as a person would look for it: `input[2]` of a mutation, `file.csv:17` of a file. */
export function describeSource(source: WriteSource): string {
  return source.format === 'graphql' ? `input[${source.line - 1}]` : `${source.file}:${source.line}`;
}

/** What every family's records and retractions have in common. */
export interface FamilyWriteBase {
  source: WriteSource;
  villageCode: string;
  names: { province?: string; kabupaten?: string; district?: string; village?: string };
  year: number;
}

/** Taking back one desa-year, in any family; `expected` is the family's own. */
export interface FamilyRetraction<X> extends FamilyWriteBase {
  kind: 'retraction';
  reason: string;
  expected: X | null;
}

export function isRetraction<W extends FamilyWriteBase>(write: W | FamilyRetraction<unknown>): write is FamilyRetraction<unknown> {
  return (write as FamilyRetraction<unknown>).kind === 'retraction';
}

export interface Reject {
  /** Position of the write in the input (0-based), for the mutations' error messages. */
  index: number;
  source: WriteSource;
  villageCode: string | null;
  year: number | null;
  reason: RejectReason;
  field: string | null;
  message: string;
}

/** A record written to another desa than its published code says, and why. */
export interface Remap {
  index: number;
  source: WriteSource;
  year: number;
  /** The code as published (with or without dots). */
  publishedCode: string;
  /** "KAB / KEC / DESA" as published. */
  publishedNames: string;
  villageCode: string;
  /** "Kabupaten / Kecamatan / Desa" of the register. */
  registerNames: string;
  rule: MatchRule;
}

/** A record written where its code says although a published name disagrees. */
export interface Warning extends Omit<Remap, 'rule'> {
  reason: MatchWarning;
  message: string;
}

/** A published value the family's own rule disagrees with: stored as published, flagged, and listed here. */
export interface Mismatch {
  index: number;
  source: WriteSource;
  villageCode: string;
  year: number;
  /** The published field that disagrees (`score`, `status`). */
  field: string;
  message: string;
}

export interface WriteReport {
  received: number;
  /** Writes that passed every check and were written, replaced, retracted or found unchanged. */
  accepted: number;
  inserted: number;
  updated: number;
  unchanged: number;
  retracted: number;
  /** Each retracted desa-year with the value taken back. */
  retractions: { index: number; villageCode: string; year: number; previous: { score: number; status: IndexStatus } }[];
  /** Accepted records placed on another desa than their published code (see `remaps`). */
  remapped: number;
  remaps: Remap[];
  warnings: Warning[];
  warnedByReason: Partial<Record<MatchWarning, number>>;
  /** Accepted records whose published score or status differs from what the rules give (Indeks Desa). */
  mismatches: Mismatch[];
  rejects: Reject[];
  rejectedByReason: Partial<Record<RejectReason, number>>;
  /** Change-log rows written (one per inserted, updated or retracted desa-year). */
  changes: number;
  /** First and last change-log id written, when any. */
  changeIds: { first: string; last: string } | null;
  dryRun: boolean;
}

export interface WriteOptions {
  /** Who writes, stored with every value and change: `token:<subject>` or `cli:<command>:<os user>`. */
  actor: string;
  /** Validate and count, then roll back. */
  dryRun?: boolean;
  /** Refuse the whole batch when any write is rejected (the mutations' contract). */
  allOrNothing?: boolean;
  /** Province and kabupaten codes the writer may touch (an OPERATOR token's); unset for anywhere. */
  scope?: readonly string[];
  /** The clock the year rule reads. @default now */
  now?: Date;
}

/** Raised in all-or-nothing mode; carries every reject so the caller can name them. */
export class RejectedBatchError extends Error {
  constructor(readonly rejects: Reject[]) {
    super(`${rejects.length} write(s) rejected`);
  }
}

/** Raised when a write of the batch lands outside the writer's scope; nothing of the batch is written. */
export class OutOfScopeError extends Error {
  constructor(
    readonly outside: { index: number; village: RegisterVillage }[],
    readonly scope: readonly string[],
  ) {
    super(`${outside.length} desa outside the scope ${scope.join(', ')}`);
  }
}
