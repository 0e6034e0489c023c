/**
 * The arithmetic of the Indeks Desa Membangun (IDM), Permendesa PDTT No. 2/2016.
 *
 * Pure functions only: importers, resolvers and tests share them so that a status, a target or an
 * indicator's potential gain is computed one way everywhere. Checked against all 480 Kemendes API
 * files in /work/shared/data/kemendes-api (see tests/unit/idm.rules.test.ts).
 */
import { IdmIndex, IdmStatus } from './idm-status';
import { nextStatus, statusOnScale, statusRank } from '../index-family/index-status';
import { FAMILY_YEARS, IndexFamilyId, familyLastYear, isFamilyYear } from '../index-family/index-family';

// Shared by every family; re-exported so IDM's callers read them where they always did.
export { STATUS_ORDER, compareStatus, movement, movementSql, statusRank, statusRankSql } from '../index-family/index-status';

/** IDM's first year: Permendesa PDTT 2/2016 took effect for the 2015/2016 assessment. */
export const FIRST_YEAR = FAMILY_YEARS[IndexFamilyId.IDM].first;

/**
 * The latest year an IDM assessment may be for: 2024, IDM's last round. From 2025 Kemendes measures
 * desa with the Indeks Desa (src/indeks-desa), so a 2025 value is refused as the other family's.
 */
export function lastYear(now: Date = new Date()): number {
  return familyLastYear(IndexFamilyId.IDM, now);
}

/** True for a whole year from FIRST_YEAR to `lastYear(now)`. */
export function isAssessmentYear(year: number, now: Date = new Date()): boolean {
  return isFamilyYear(IndexFamilyId.IDM, year, now);
}

/** Desa assessed in one year. */
export interface YearCount {
  year: number;
  assessed: number;
}

/**
 * A year is published when it holds assessments for at least `minShare` of the register's desa
 * (desa and desa adat): a national round, not a handful of early or mistyped records.
 */
export function isPublishedYear(count: YearCount, registerDesa: number, minShare: number): boolean {
  return registerDesa > 0 && count.assessed >= minShare * registerDesa;
}

/** The newest published year, which lists, filters and summaries use where a year is omitted; null before any. */
export function latestPublishedYear(counts: readonly YearCount[], registerDesa: number, minShare: number): number | null {
  let latest: number | null = null;
  for (const count of counts) if (isPublishedYear(count, registerDesa, minShare) && (latest === null || count.year > latest)) latest = count.year;
  return latest;
}

/**
 * Decimals of published IDM values (scores, indices, SKOR_MINIMAL). Means and differences computed
 * here are rounded to the same precision: more digits would only be binary noise
 * (0.7555000000000001) and a false claim of precision the source does not have.
 */
export const SCORE_DECIMALS = 4;

const SCORE_SCALE = 10 ** SCORE_DECIMALS;

/** A computed mean, share or difference at the precision of the source (SCORE_DECIMALS). */
export function roundScore(value: number): number {
  // `+ 0` turns -0 (a tiny negative difference rounded away) into 0.
  return Math.round(value * SCORE_SCALE) / SCORE_SCALE + 0;
}

/** Highest score of one indicator: the regulation scores every indicator 0–5. */
export const MAX_INDICATOR_SCORE = 5;

/**
 * Number of indicators per index (Permendesa PDTT 2/2016): 35 social, 12 economic, 3 ecological.
 * Each index divides by 5 × this count, so a wrong count silently skews every score.
 */
export const INDICATOR_COUNT: Readonly<Record<IdmIndex, number>> = Object.freeze({
  [IdmIndex.IKS]: 35,
  [IdmIndex.IKE]: 12,
  [IdmIndex.IKL]: 3,
});

/**
 * Inclusive upper bound of the IDM score for each status (Permendesa PDTT 2/2016): a score equal to a
 * bound still belongs to the lower status (the 2024 decree lists 0.5989 as Tertinggal). Mandiri has no
 * upper bound, written as +Infinity so every status has one.
 */
export const STATUS_THRESHOLDS: Readonly<Record<IdmStatus, number>> = Object.freeze({
  [IdmStatus.SANGAT_TERTINGGAL]: 0.4907,
  [IdmStatus.TERTINGGAL]: 0.5989,
  [IdmStatus.BERKEMBANG]: 0.7072,
  [IdmStatus.MAJU]: 0.8155,
  [IdmStatus.MANDIRI]: Number.POSITIVE_INFINITY,
});

/**
 * Lower bound of each status as Kemendes publishes it (SKOR_MINIMAL: "0.4908", "0.5990", "0.7073",
 * "0.8156"): the bound below plus 0.0001, because published scores have 4 decimals.
 */
const MIN_SCORE: Readonly<Record<IdmStatus, number>> = Object.freeze({
  [IdmStatus.SANGAT_TERTINGGAL]: 0,
  [IdmStatus.TERTINGGAL]: 0.4908,
  [IdmStatus.BERKEMBANG]: 0.599,
  [IdmStatus.MAJU]: 0.7073,
  [IdmStatus.MANDIRI]: 0.8156,
});

/**
 * Slack for binary floating point when comparing with a bound: a mean computed as (a + b + c) / 3 can
 * land a few ulps above 0.4907 although it is 0.4907 in decimal. Far below the 1e-14 precision of
 * published scores, so it never moves a genuine score across a bound.
 */
const BOUND_EPSILON = 1e-9;

/**
 * Status of an IDM score by the regulation's thresholds (Permendesa PDTT 2/2016): 0.4907 is Sangat
 * Tertinggal, 0.4908 Tertinggal, and so on. This is the derived status; the official one is fixed by
 * decree and can differ (6213062003 in 2024: 0.741 but Berkembang), so callers store both.
 * @throws RangeError for NaN or an infinite score, which would otherwise fall through to Mandiri.
 */
export function statusFromScore(score: number): IdmStatus {
  return statusOnScale(score, STATUS_THRESHOLDS, BOUND_EPSILON, 'IDM');
}

/**
 * The status a desa aims for next year (TARGET_STATUS): one step up. Mandiri is the top, so a Mandiri
 * desa's target is to stay Mandiri.
 */
export function targetStatus(status: IdmStatus): IdmStatus {
  return nextStatus(status);
}

/** Lowest published score of a status (0 for Sangat Tertinggal, then 0.4908, 0.5990, 0.7073, 0.8156). */
export function minScore(status: IdmStatus): number {
  statusRank(status);
  return MIN_SCORE[status];
}

/** SKOR_MINIMAL: the lowest score of the target status; 0.8156 for Mandiri, which targets itself. */
export function targetMinScore(status: IdmStatus): number {
  return minScore(targetStatus(status));
}

/**
 * PENAMBAHAN: how much the IDM must rise to reach the target, skor minimal − score. Kemendes derives it
 * from the official status, not the score's, so pass the official status; it is negative for Mandiri
 * (already above its own minimum) and for a desa officially below what its score earns.
 */
export function scoreToTarget(score: number, status: IdmStatus): number {
  return targetMinScore(status) - score;
}

/**
 * NILAI of one indicator: the IDM a desa would gain if that indicator rose to 5. One indicator point is
 * worth 1 / (5 × indicators in its index) of the index, and each index is a third of the IDM.
 * Kemendes publishes it rounded to 8 decimals.
 * @throws RangeError for a score outside 0–5.
 */
export function potentialGain(index: IdmIndex, indicatorScore: number): number {
  assertIndicatorScore(index, indicatorScore);
  return (MAX_INDICATOR_SCORE - indicatorScore) / (MAX_INDICATOR_SCORE * indicatorCount(index)) / 3;
}

/**
 * An index (IKS, IKE or IKL) from its indicator scores: Σ score / (5 × n), Permendesa PDTT 2/2016.
 * Requires exactly n scores, since a missing indicator would otherwise count as a silent zero.
 * @throws RangeError for the wrong number of scores or a score outside 0–5.
 */
export function indexFromScores(index: IdmIndex, scores: readonly number[]): number {
  const count = indicatorCount(index);
  if (scores.length !== count) {
    throw new RangeError(`${index} needs ${count} indicator scores, got ${scores.length}`);
  }
  let sum = 0;
  for (const score of scores) {
    assertIndicatorScore(index, score);
    sum += score;
  }
  return sum / (MAX_INDICATOR_SCORE * count);
}

/** IDM = (IKS + IKE + IKL) / 3: the three resiliences weigh equally (Permendesa PDTT 2/2016). */
export function idmFromIndices(iks: number, ike: number, ikl: number): number {
  return (iks + ike + ikl) / 3;
}

function indicatorCount(index: IdmIndex): number {
  const count = INDICATOR_COUNT[index] as number | undefined;
  if (count === undefined) throw new RangeError(`${String(index)} is not an IDM index`);
  return count;
}

function assertIndicatorScore(index: IdmIndex, score: number): void {
  if (!Number.isFinite(score) || score < 0 || score > MAX_INDICATOR_SCORE) {
    throw new RangeError(`${index} indicator score ${score} is outside [0, ${MAX_INDICATOR_SCORE}]`);
  }
}

/**
 * The national recaps of the IDM decrees (../shared/DOMAIN.md, "IDM"): desa per status and the desa
 * each decree covers. Served beside what is loaded, so coverage can be read against them.
 */
export const OFFICIAL_COUNTS: Readonly<Record<number, { byStatus: Readonly<Record<IdmStatus, number>>; total: number; source: string }>> = Object.freeze({
  2021: { byStatus: counts(3_269, 15_321, 38_083, 12_635, 5_649), total: 74_957, source: 'Kepmendes PDTT, status IDM 2021' },
  2022: { byStatus: counts(6_238, 20_249, 33_902, 9_584, 4_982), total: 74_955, source: 'Kepmendes PDTT, status IDM 2022' },
  2023: { byStatus: counts(11_456, 23_035, 28_766, 7_154, 4_850), total: 75_261, source: 'Kepmendes PDTT, status IDM 2023' },
  // 4 desa have no status in 2024: the total is 4 more than the sum.
  2024: { byStatus: counts(17_203, 23_063, 24_532, 6_100, 4_363), total: 75_265, source: 'Kepmendes PDTT, status IDM 2024' },
});

/** Counts as the recaps print them: Mandiri first, Sangat Tertinggal last. */
function counts(mandiri: number, maju: number, berkembang: number, tertinggal: number, sangatTertinggal: number): Record<IdmStatus, number> {
  return {
    [IdmStatus.MANDIRI]: mandiri,
    [IdmStatus.MAJU]: maju,
    [IdmStatus.BERKEMBANG]: berkembang,
    [IdmStatus.TERTINGGAL]: tertinggal,
    [IdmStatus.SANGAT_TERTINGGAL]: sangatTertinggal,
  };
}
