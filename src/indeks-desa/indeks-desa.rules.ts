/**
 * The arithmetic of the Indeks Desa (Permendesa PDTT 9/2024), the index family that replaced IDM
 * from the 2025 round. Pure functions only: importers, the write path, resolvers and tests share
 * them. Maxima and thresholds as in ../shared/DOMAIN.md ("Indeks Desa"): every published Lampung
 * Timur row fits score = Σ dimensions / 635 × 100 to 2 decimals.
 */
import { IndexStatus, nextStatus, statusOnScale, statusRank } from '../index-family/index-status';
import type { IndeksDesaDimensions } from './indeks-desa-record';

/** The six dimensions, in the order sheets print them. */
export const DIMENSIONS = ['layananDasar', 'sosial', 'ekonomi', 'lingkungan', 'aksesibilitas', 'tataKelola'] as const satisfies readonly (keyof IndeksDesaDimensions)[];
export type Dimension = (typeof DIMENSIONS)[number];

/** Maximum points of each dimension (their sum is the 635 the score divides by). */
export const DIMENSION_MAX: Readonly<Record<Dimension, number>> = Object.freeze({
  layananDasar: 170,
  sosial: 85,
  ekonomi: 160,
  lingkungan: 90,
  aksesibilitas: 50,
  tataKelola: 80,
});

/** Σ of the maxima: 635. */
export const TOTAL_POINTS = DIMENSIONS.reduce((sum, d) => sum + DIMENSION_MAX[d], 0);

/** Published scores have 2 decimals; computed ones are rounded the same. */
export const SCORE_DECIMALS = 2;

/** Largest |published − Σ/635×100| that is not flagged: one rounding step. */
export const SCORE_TOLERANCE = 0.01;

/** A score to 2 decimals, without binary noise (73.86, not 73.86000000000001) or -0. */
export function roundScore(value: number): number {
  return Math.round((value + Number.EPSILON * Math.sign(value)) * 100) / 100 + 0;
}

/** Skor Indeks Desa = Σ dimensions / 635 × 100, to 2 decimals. */
export function scoreFromDimensions(dimensions: Readonly<Record<Dimension, number>>): number {
  const sum = DIMENSIONS.reduce((total, d) => total + dimensions[d], 0);
  return roundScore((sum / TOTAL_POINTS) * 100);
}

/** True when a published score differs from Σ/635×100 by more than SCORE_TOLERANCE (stored as published, flagged). */
export function isScoreMismatch(published: number, dimensions: Readonly<Record<Dimension, number>>): boolean {
  // The 1e-9 keeps a gap of exactly 0.01 (two 2-decimal numbers apart by one step) unflagged despite binary noise.
  return Math.abs(published - scoreFromDimensions(dimensions)) > SCORE_TOLERANCE + 1e-9;
}

/**
 * Inclusive upper bound of the score for each status (Dinas PMD Sumatera Utara, August 2025; dinas
 * tools agree): 49.48 is still Sangat Tertinggal, 49.49 Tertinggal. Mandiri has no upper bound.
 */
export const STATUS_THRESHOLDS: Readonly<Record<IndexStatus, number>> = Object.freeze({
  [IndexStatus.SANGAT_TERTINGGAL]: 49.48,
  [IndexStatus.TERTINGGAL]: 57.38,
  [IndexStatus.BERKEMBANG]: 69.34,
  [IndexStatus.MAJU]: 79.62,
  [IndexStatus.MANDIRI]: Number.POSITIVE_INFINITY,
});

/** Lowest score of each status: the bound below plus one 2-decimal step. */
const MIN_SCORE: Readonly<Record<IndexStatus, number>> = Object.freeze({
  [IndexStatus.SANGAT_TERTINGGAL]: 0,
  [IndexStatus.TERTINGGAL]: 49.49,
  [IndexStatus.BERKEMBANG]: 57.39,
  [IndexStatus.MAJU]: 69.35,
  [IndexStatus.MANDIRI]: 79.63,
});

/** Far below a 2-decimal step, so it absorbs binary noise without moving a published score across a bound. */
const BOUND_EPSILON = 1e-9;

/**
 * The derived status of a score by the thresholds. The official one is fixed by decree
 * (Kepmendes 343/2025) and may differ, so both are stored and a difference is flagged.
 * @throws RangeError for NaN or an infinite score.
 */
export function statusFromScore(score: number): IndexStatus {
  return statusOnScale(score, STATUS_THRESHOLDS, BOUND_EPSILON, 'Indeks Desa');
}

/** The status a desa aims for next: one step up; Mandiri stays Mandiri. */
export function targetStatus(status: IndexStatus): IndexStatus {
  return nextStatus(status);
}

/** Lowest score of a status (0, 49.49, 57.39, 69.35, 79.63). */
export function minScore(status: IndexStatus): number {
  statusRank(status);
  return MIN_SCORE[status];
}

/** The lowest score of the target status; 79.63 for Mandiri, which targets itself. */
export function targetMinScore(status: IndexStatus): number {
  return minScore(targetStatus(status));
}

/** Points to the target: target minimum − score, to 2 decimals; negative for Mandiri. Pass the official status where there is one. */
export function scoreToTarget(score: number, status: IndexStatus): number {
  return roundScore(targetMinScore(status) - score);
}

/**
 * The national recap of Kepmendes 343/2025, which fixed the 2025 statuses (../shared/DOMAIN.md,
 * "Indeks Desa"; as summarised by district and village government sites). Served beside what is
 * loaded, so coverage can be read against it.
 */
export const OFFICIAL_COUNTS: Readonly<Record<number, { byStatus: Readonly<Record<IndexStatus, number>>; total: number; source: string }>> = Object.freeze({
  2025: {
    byStatus: {
      [IndexStatus.MANDIRI]: 20_503,
      [IndexStatus.MAJU]: 23_579,
      [IndexStatus.BERKEMBANG]: 21_813,
      [IndexStatus.TERTINGGAL]: 4_672,
      [IndexStatus.SANGAT_TERTINGGAL]: 4_694,
    },
    total: 75_261,
    source: 'Kepmendes PDTT 343/2025',
  },
});
