import { IndexStatus, movement, IndexMovement } from '../../src/index-family/index-status';
import { familyOfYear, IndexFamilyId, yearRejection } from '../../src/index-family/index-family';
import { RejectReason } from '../../src/index-family/reject-reason';
import type { IndeksDesaRecord } from '../../src/indeks-desa/indeks-desa-record';
import {
  DIMENSION_MAX,
  isScoreMismatch,
  minScore,
  scoreFromDimensions,
  scoreToTarget,
  statusFromScore,
  targetMinScore,
  targetStatus,
  TOTAL_POINTS,
} from '../../src/indeks-desa/indeks-desa.rules';
import { validateRecord } from '../../src/indeks-desa/indeks-desa.validation';

const dims = (layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number) => ({ layananDasar, sosial, ekonomi, lingkungan, aksesibilitas, tataKelola });
const now = new Date('2026-11-28T12:00:00Z');
const record = (overrides: Partial<IndeksDesaRecord> = {}): IndeksDesaRecord => ({
  source: { format: 'graphql', file: 'test', line: 1 },
  villageCode: '1807142001',
  names: {},
  year: 2025,
  dimensions: dims(123, 73, 122, 42, 38, 71),
  score: 73.86,
  status: IndexStatus.MAJU,
  statusText: 'MAJU',
  ...overrides,
});

describe('Indeks Desa score', () => {
  it('is the sum of the six dimensions over 635, × 100, to 2 decimals', () => {
    expect(TOTAL_POINTS).toBe(635);
    expect(Object.values(DIMENSION_MAX)).toEqual([170, 85, 160, 90, 50, 80]);
    expect(scoreFromDimensions(dims(123, 73, 122, 42, 38, 71))).toBe(73.86); // 469 / 635
    expect(scoreFromDimensions(dims(95, 45, 108, 34, 38, 69))).toBe(61.26); // 389 / 635
    expect(scoreFromDimensions(dims(170, 85, 160, 90, 50, 80))).toBe(100);
    expect(scoreFromDimensions(dims(0, 0, 0, 0, 0, 0))).toBe(0);
  });

  it('flags a published score more than 0.01 away from the sum, and not one rounding step', () => {
    const d = dims(123, 73, 122, 42, 38, 71);
    expect([73.86, 73.85, 73.87, 73.84, 73.88, 70].map((s) => isScoreMismatch(s, d))).toEqual([false, false, false, true, true, true]);
  });
});

describe('Indeks Desa status', () => {
  it('follows the thresholds, a bound belonging to the status below', () => {
    const cases: [number, IndexStatus][] = [
      [0, IndexStatus.SANGAT_TERTINGGAL],
      [49.48, IndexStatus.SANGAT_TERTINGGAL],
      [49.49, IndexStatus.TERTINGGAL],
      [57.38, IndexStatus.TERTINGGAL],
      [57.39, IndexStatus.BERKEMBANG],
      [69.34, IndexStatus.BERKEMBANG],
      [69.35, IndexStatus.MAJU],
      [79.62, IndexStatus.MAJU],
      [79.63, IndexStatus.MANDIRI],
      [100, IndexStatus.MANDIRI],
    ];
    expect(cases.map(([score]) => statusFromScore(score))).toEqual(cases.map(([, status]) => status));
    expect(() => statusFromScore(Number.NaN)).toThrow(RangeError);
  });

  it('targets the next status up at its lower bound; Mandiri stays Mandiri', () => {
    expect([IndexStatus.SANGAT_TERTINGGAL, IndexStatus.TERTINGGAL, IndexStatus.BERKEMBANG, IndexStatus.MAJU, IndexStatus.MANDIRI].map((s) => [targetStatus(s), targetMinScore(s)])).toEqual([
      [IndexStatus.TERTINGGAL, 49.49],
      [IndexStatus.BERKEMBANG, 57.39],
      [IndexStatus.MAJU, 69.35],
      [IndexStatus.MANDIRI, 79.63],
      [IndexStatus.MANDIRI, 79.63],
    ]);
    expect(minScore(IndexStatus.SANGAT_TERTINGGAL)).toBe(0);
    expect(scoreToTarget(73.86, IndexStatus.MAJU)).toBe(5.77);
    expect(scoreToTarget(61.26, IndexStatus.BERKEMBANG)).toBe(8.09);
    expect(scoreToTarget(85.5, IndexStatus.MANDIRI)).toBe(-5.87);
  });

  it('moves across families by the shared order (IDM 2024 BERKEMBANG → Indeks Desa 2025 MAJU is UP)', () => {
    expect(movement(IndexStatus.BERKEMBANG, IndexStatus.MAJU)).toBe(IndexMovement.UP);
    expect(movement(IndexStatus.MANDIRI, IndexStatus.MAJU)).toBe(IndexMovement.DOWN);
  });
});

describe('Indeks Desa validation', () => {
  it('accepts a published row, and one without score or status', () => {
    expect(validateRecord(record(), now)).toBeNull();
    expect(validateRecord(record({ score: null, status: null, statusText: null }), now)).toBeNull();
  });

  it.each([
    ['sosial', 85.5, RejectReason.SCORE_OUT_OF_RANGE, 'sosial 85.5 is outside 0..85, its maximum points.'],
    ['tataKelola', -1, RejectReason.SCORE_OUT_OF_RANGE, 'tataKelola -1 is outside 0..80, its maximum points.'],
    ['ekonomi', null, RejectReason.MALFORMED, 'ekonomi is missing: the Indeks Desa needs all six dimensions.'],
  ] as const)('refuses %s = %s, naming the dimension', (field, value, reason, message) => {
    const r = record();
    expect(validateRecord({ ...r, dimensions: { ...r.dimensions, [field]: value } }, now)).toEqual({ reason, field, message });
  });

  it('refuses a score off the 0–100 scale and an unknown status', () => {
    expect(validateRecord(record({ score: 0.7386 * 1000 }), now)).toMatchObject({ reason: RejectReason.SCORE_OUT_OF_RANGE, field: 'score' });
    expect(validateRecord(record({ status: null, statusText: 'LUAR BIASA' }), now)).toMatchObject({ reason: RejectReason.UNKNOWN_STATUS, field: 'status' });
  });

  it('keeps the years apart: 2025 to next year for the Indeks Desa, IDM to 2024, each naming the other', () => {
    expect([2014, 2015, 2024, 2025, 2027, 2028].map((y) => familyOfYear(y, now))).toEqual([null, IndexFamilyId.IDM, IndexFamilyId.IDM, IndexFamilyId.INDEKS_DESA, IndexFamilyId.INDEKS_DESA, null]);
    expect(validateRecord(record({ year: 2024 }), now)).toEqual({
      reason: RejectReason.OTHER_FAMILY_YEAR,
      field: 'year',
      message: 'year 2024 is not a year of Indeks Desa (2025 to 2027): 2024 is a year of IDM, which the Indeks Desa replaced from 2025; write it with recordIdmAssessments or npm run import:idm.',
    });
    expect(yearRejection(IndexFamilyId.IDM, 2025, now)).toMatchObject({ reason: RejectReason.OTHER_FAMILY_YEAR, message: expect.stringContaining('2025 is a year of the Indeks Desa') });
    expect(yearRejection(IndexFamilyId.INDEKS_DESA, 2028, now)).toMatchObject({ reason: RejectReason.MALFORMED, message: 'year 2028 is not a year of Indeks Desa: give a whole year from 2025 to 2027.' });
  });
});
