import { registerEnumType } from 'type-graphql';
import type pg from 'pg';
import type { IndexStatus } from './index-status';
import { RejectReason, type RecordRejection } from './reject-reason';

/**
 * An index family: a way Kemendes PDTT measures desa. IDM (Permendesa PDTT 2/2016) ran to the 2024
 * round; the Indeks Desa (Permendesa PDTT 9/2024) replaced it from 2025. Both give one of the five
 * shared statuses (index-status.ts). What differs per family (its values, thresholds, years, table)
 * is described by an `IndexFamily`; what they share (the write path, the change log, the status
 * scale) is written once here and takes the descriptor as a parameter.
 */
export enum IndexFamilyId {
  IDM = 'IDM',
  INDEKS_DESA = 'INDEKS_DESA',
}

registerEnumType(IndexFamilyId, {
  name: 'IndexFamily',
  description: 'Which index a value belongs to. Scores of the two do not compare (0–1 against 0–100); statuses share names and order.',
  valuesConfig: {
    IDM: { description: 'Indeks Desa Membangun (Permendesa PDTT 2/2016): IKS, IKE and IKL, a score in [0, 1]; 2015 to 2024.' },
    INDEKS_DESA: { description: 'Indeks Desa (Permendesa PDTT 9/2024): six dimensions, a score on 0–100; from 2025.' },
  },
});

/** The years each family covers: IDM's last round was 2024, the Indeks Desa's first 2025. */
export const FAMILY_YEARS: Readonly<Record<IndexFamilyId, { first: number; last: number | null }>> = Object.freeze({
  [IndexFamilyId.IDM]: { first: 2015, last: 2024 },
  // Open-ended: a round is prepared the year before it is published, so next year is the last allowed.
  [IndexFamilyId.INDEKS_DESA]: { first: 2025, last: null },
});

/** How people name a family in messages. */
export const FAMILY_NAMES: Readonly<Record<IndexFamilyId, string>> = Object.freeze({ [IndexFamilyId.IDM]: 'IDM', [IndexFamilyId.INDEKS_DESA]: 'Indeks Desa' });

/** Where each family is written, for messages that send a user to the other family. */
const FAMILY_WRITE_PATHS: Readonly<Record<IndexFamilyId, string>> = Object.freeze({
  [IndexFamilyId.IDM]: 'recordIdmAssessments or npm run import:idm',
  [IndexFamilyId.INDEKS_DESA]: 'recordIndeksDesa or npm run import:indeks-desa',
});

/** The last year a family accepts: its own last round, or next calendar year for an open family. */
export function familyLastYear(family: IndexFamilyId, now: Date = new Date()): number {
  return FAMILY_YEARS[family].last ?? now.getUTCFullYear() + 1;
}

/** True for a whole year of the family's range. */
export function isFamilyYear(family: IndexFamilyId, year: number, now: Date = new Date()): boolean {
  return Number.isInteger(year) && year >= FAMILY_YEARS[family].first && year <= familyLastYear(family, now);
}

/** The other family whose range holds `year`, if any: a 2025 IDM value is an Indeks Desa value. */
export function familyOfYear(year: number, now: Date = new Date()): IndexFamilyId | null {
  return (Object.values(IndexFamilyId) as IndexFamilyId[]).find((f) => isFamilyYear(f, year, now)) ?? null;
}

/**
 * Why `year` is not a year of `family`, in a sentence that names the other family when the year is
 * one of its years (IDM 2025 → "2025 is a year of the Indeks Desa …"); null when it is a year of it.
 */
export function yearProblem(family: IndexFamilyId, year: number, now: Date = new Date(), argument = 'year'): string | null {
  if (isFamilyYear(family, year, now)) return null;
  const range = `${FAMILY_YEARS[family].first} to ${familyLastYear(family, now)}`;
  const other = familyOfYear(year, now);
  if (other !== null) {
    const transition = other === IndexFamilyId.INDEKS_DESA ? 'the Indeks Desa, which replaced IDM from 2025' : 'IDM, which the Indeks Desa replaced from 2025';
    return `${argument} ${year} is not a year of ${FAMILY_NAMES[family]} (${range}): ${year} is a year of ${transition}; write it with ${FAMILY_WRITE_PATHS[other]}`;
  }
  return `${argument} ${year} is not a year of ${FAMILY_NAMES[family]}: give a whole year from ${range}`;
}

/** The year rule of the write path: OTHER_FAMILY_YEAR for a year of the other family, MALFORMED for no year of either. */
export function yearRejection(family: IndexFamilyId, year: number, now: Date = new Date()): RecordRejection | null {
  const message = yearProblem(family, year, now);
  if (message === null) return null;
  return { reason: familyOfYear(year, now) === null ? RejectReason.MALFORMED : RejectReason.OTHER_FAMILY_YEAR, field: 'year', message: `${message}.` };
}

/** One value column of a family's assessment table, as the shared write path stages and stores it. */
export interface FamilyColumn {
  /** Column name, in the assessment table and the staging table. */
  name: string;
  /** PostgreSQL type of the staged array (`float8`, `idm_status`, `text`). */
  type: string;
  /** Part of what "the same value" means: a re-import whose compared columns are equal writes nothing. */
  compared: boolean;
  /** The value inserted, over the staging row (a cast from its staged type). @default `<name>` */
  insert?: string;
  /** The new value on conflict, over `excluded` and the stored row `a`. @default `excluded.<name>` */
  update?: string;
  /** How a compared column is compared, stored against incoming, where its type has no equality (json). @default `a.<name>` and `update` */
  compareAs?: { stored: string; incoming: string };
}

/**
 * What the shared write path (write-plan.ts, write-store.ts) needs to know of a family. `R` is the
 * family's record, `X` what a retraction may expect to find stored.
 */
export interface IndexFamily<R extends { year: number }, X> {
  id: IndexFamilyId;
  /** "IDM", "Indeks Desa": for messages. */
  name: string;
  /** The score scale, for messages and histograms: IDM [0, 1] to 4 decimals, Indeks Desa [0, 100] to 2. */
  scale: { min: number; max: number; decimals: number };
  /** Status by the family's thresholds. */
  statusFromScore(score: number): IndexStatus;
  /** The checks one record can answer alone (year first), or null when it can be stored. */
  validate(record: R, now: Date): RecordRejection | null;
  /** The year rule alone, which retractions share. */
  validateYear(year: number, now: Date): RecordRejection | null;
  /** The table of one assessment per desa-year, and the one counting desa per year. */
  table: string;
  yearTable: string;
  /** The value columns, after the shared ones (village, parents, year, published code, provenance). */
  columns: readonly FamilyColumn[];
  /** An accepted record's values of those columns, by name (derived status and targets included), placed on `villageCode`. */
  values(record: R, villageCode: string): Record<string, unknown>;
  /** Published values the family's rules disagree with: stored as published, and listed in the report. */
  mismatches?(record: R): { field: string; message: string }[];
  /**
   * What the change log keeps of a written value beside score and status, for the family's
   * subscribers: JSON keys to columns of `table` (Indeks Desa: its six dimensions). None for IDM.
   */
  changeDetail?: Readonly<Record<string, string>>;
  /** Stored columns a retraction compares with its expected value. */
  expectedColumns: readonly string[];
  /** True when the stored row (those columns, by name) no longer holds the value a retraction expects. */
  differs(expected: X, stored: Record<string, unknown>): boolean;
  /** What else the family keeps for a written assessment (IDM: its indicators), in the same transaction. */
  afterWrite?(client: pg.ClientBase, written: { id: string; record: R }[]): Promise<void>;
}
