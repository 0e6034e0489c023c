/**
 * Validation of one Indeks Desa record, shared by the importers and the mutation so a sheet row and
 * a typed record are accepted or refused by the same rules. Only what the record tells about itself
 * is checked here; the register, the batch and the store are the write path's (src/index-family).
 */
import { IndexFamilyId, yearRejection } from '../index-family/index-family';
import { RejectReason, type RecordRejection } from '../index-family/reject-reason';
import type { IndeksDesaRecord } from './indeks-desa-record';
import { DIMENSION_MAX, DIMENSIONS } from './indeks-desa.rules';

/** The year rule alone, shared with retractions: 2025 to next year; an IDM year names IDM. */
export function validateYear(year: number, now: Date = new Date()): RecordRejection | null {
  return yearRejection(IndexFamilyId.INDEKS_DESA, year, now);
}

/**
 * The first problem of a record, or null when it can be stored: the year, then each dimension
 * (present, 0..its maximum), then the published score (0–100, may be absent: Σ/635×100 is stored),
 * then the status text. A score that disagrees with its dimensions is not refused: it is stored as
 * published and flagged (scoreMismatch).
 */
export function validateRecord(record: IndeksDesaRecord, now: Date = new Date()): RecordRejection | null {
  const yearProblem = validateYear(record.year, now);
  if (yearProblem) return yearProblem;
  for (const dimension of DIMENSIONS) {
    const value = record.dimensions[dimension];
    const max = DIMENSION_MAX[dimension];
    if (value === null || value === undefined) {
      return { reason: RejectReason.MALFORMED, field: dimension, message: `${dimension} is missing: the Indeks Desa needs all six dimensions.` };
    }
    if (!Number.isFinite(value) || value < 0 || value > max) {
      return { reason: RejectReason.SCORE_OUT_OF_RANGE, field: dimension, message: `${dimension} ${value} is outside 0..${max}, its maximum points.` };
    }
  }
  const { score } = record;
  if (score !== null && score !== undefined && (!Number.isFinite(score) || score < 0 || score > 100)) {
    return { reason: RejectReason.SCORE_OUT_OF_RANGE, field: 'score', message: `score ${score} is outside [0, 100], the Indeks Desa scale.` };
  }
  if (record.status === null && record.statusText !== null && record.statusText.trim() !== '') {
    return { reason: RejectReason.UNKNOWN_STATUS, field: 'status', message: `status "${record.statusText}" is not one of the five statuses.` };
  }
  return null;
}
