/**
 * Validation of one IDM record, shared by the importers and the GraphQL mutation so that a file row and
 * a hand-entered record are accepted or refused by the same rules (Permendesa PDTT 2/2016).
 *
 * Only what one record can tell about itself is checked here. Whether the code is in the register, is a
 * kelurahan or repeats an earlier record needs the register or the batch and is decided by the caller,
 * which reports it with the same RejectReason vocabulary.
 */
import type { IdmRecord } from './idm-record';
import { IdmIndex } from './idm-status';
import { INDICATOR_COUNT, MAX_INDICATOR_SCORE, idmFromIndices } from './idm.rules';
import { IndexFamilyId, yearRejection } from '../index-family/index-family';
import { RejectReason, type RecordRejection } from '../index-family/reject-reason';

// Shared by every family's write path; re-exported where IDM's callers have always read them.
export { RejectReason, type RecordRejection } from '../index-family/reject-reason';

/**
 * Largest accepted |score − mean(IKS, IKE, IKL)|. Published values are rounded to 4 decimals, so the
 * mean of rounded indices can miss the rounded score by up to 0.0001; the 2024 file's worst case is
 * 0.000067. Twice the rounding step still catches a real inconsistency.
 */
export const MEAN_TOLERANCE = 0.0002;

const INDEX_FIELDS = ['iks', 'ike', 'ikl'] as const;
const INDEX_ORDER: readonly IdmIndex[] = [IdmIndex.IKS, IdmIndex.IKE, IdmIndex.IKL];

/**
 * Checks one record and returns the first problem, or null when it can be stored. Checks run from the
 * most basic (year, score) to the most detailed (indicators) so the reported reason is the root cause.
 * A null status with no status text is accepted: the status is then derived from the score.
 */
export function validateRecord(record: IdmRecord, now: Date = new Date()): RecordRejection | null {
  const { year, score } = record;
  const yearProblem = validateYear(year, now);
  if (yearProblem) return yearProblem;

  if (score === null || score === undefined) {
    return reject(RejectReason.NO_SCORE, 'score', 'score is missing: no IDM score was published for this desa and year.');
  }

  for (const field of ['score', ...INDEX_FIELDS] as const) {
    const value = record[field];
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value)) {
      return reject(RejectReason.SCORE_OUT_OF_RANGE, field, `${field} ${value} is not a finite number.`);
    }
    if (value < 0 || value > 1) {
      return reject(RejectReason.SCORE_OUT_OF_RANGE, field, `${field} ${value} is outside [0, 1].`);
    }
  }

  const { iks, ike, ikl } = record;
  if (iks === null || ike === null || ikl === null || iks === undefined || ike === undefined || ikl === undefined) {
    const missing = INDEX_FIELDS.find((field) => record[field] === null || record[field] === undefined) ?? 'iks';
    return reject(RejectReason.MALFORMED, missing, `${missing} is missing although score ${score} is present.`);
  }

  const mean = idmFromIndices(iks, ike, ikl);
  const gap = Math.abs(score - mean);
  if (gap > MEAN_TOLERANCE) {
    return reject(
      RejectReason.IDM_NOT_MEAN,
      'score',
      `score ${score} is not the mean of iks ${iks}, ike ${ike} and ikl ${ikl} (${round(mean)}): ` +
        `it differs by ${round(gap)}, more than ${MEAN_TOLERANCE}.`,
    );
  }

  if (record.status === null && record.statusText !== null && record.statusText.trim() !== '') {
    return reject(RejectReason.UNKNOWN_STATUS, 'status', `status "${record.statusText}" is not a known IDM status.`);
  }

  return record.indicators === undefined ? null : validateIndicators(record.indicators);
}

/** The year rule alone, shared with retractions (which carry no values to check). */
export function validateYear(year: number, now: Date = new Date()): RecordRejection | null {
  return yearRejection(IndexFamilyId.IDM, year, now);
}

/**
 * The API's 50 indicators must be complete and numbered 1..n within each index, since NILAI, the index
 * and the desa's improvement plan are all read per (index, number).
 */
function validateIndicators(indicators: NonNullable<IdmRecord['indicators']>): RecordRejection | null {
  const seen = new Map<IdmIndex, Set<number>>(INDEX_ORDER.map((index) => [index, new Set<number>()]));

  for (const [i, indicator] of indicators.entries()) {
    const at = `indicators[${i}]`;
    const numbers = seen.get(indicator.index);
    if (numbers === undefined) {
      return reject(RejectReason.MALFORMED, `${at}.index`, `${at}.index "${String(indicator.index)}" is not IKS, IKE or IKL.`);
    }
    const count = INDICATOR_COUNT[indicator.index];
    if (!Number.isInteger(indicator.number) || indicator.number < 1 || indicator.number > count) {
      return reject(
        RejectReason.MALFORMED,
        `${at}.number`,
        `${at}.number ${indicator.number} is not a whole number from 1 to ${count} for ${indicator.index}.`,
      );
    }
    if (!Number.isFinite(indicator.score) || indicator.score < 0 || indicator.score > MAX_INDICATOR_SCORE) {
      return reject(
        RejectReason.MALFORMED,
        `${at}.score`,
        `${at}.score ${indicator.score} (${indicator.index} ${indicator.number}) is outside [0, ${MAX_INDICATOR_SCORE}].`,
      );
    }
    if (numbers.has(indicator.number)) {
      return reject(RejectReason.MALFORMED, `${at}.number`, `${at} repeats ${indicator.index} indicator ${indicator.number}.`);
    }
    numbers.add(indicator.number);
  }

  // Every number was in 1..n and none repeated, so a short count means some numbers are absent.
  for (const index of INDEX_ORDER) {
    const numbers = seen.get(index) ?? new Set<number>();
    const count = INDICATOR_COUNT[index];
    if (numbers.size !== count) {
      const missing: number[] = [];
      for (let n = 1; n <= count; n += 1) if (!numbers.has(n)) missing.push(n);
      return reject(
        RejectReason.MALFORMED,
        'indicators',
        `indicators have ${numbers.size} of the ${count} ${index} indicators; missing ${index} ${missing.join(', ')}.`,
      );
    }
  }
  return null;
}

function reject(reason: RejectReason, field: string, message: string): RecordRejection {
  return { reason, field, message };
}

/** Enough digits to show the problem without binary noise such as 0.6000000000000001. */
function round(value: number): number {
  return Number(value.toFixed(6));
}
