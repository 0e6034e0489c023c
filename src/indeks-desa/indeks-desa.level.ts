import { IndexFamilyId } from '../index-family/index-family';
import { roundShare, type FamilyLevel } from '../index-family/level-family';
import { OFFICIAL_COUNTS, roundScore, SCORE_DECIMALS, statusFromScore } from './indeks-desa.rules';

/** The Indeks Desa for the shared level reads (src/index-family/level.repository.ts). */
export const INDEKS_DESA_LEVEL: FamilyLevel = {
  id: IndexFamilyId.INDEKS_DESA,
  table: 'indeks_desa_assessment',
  yearTable: 'indeks_desa_year',
  means: {
    score: 'score',
    layananDasar: 'layanan_dasar',
    sosial: 'sosial',
    ekonomi: 'ekonomi',
    lingkungan: 'lingkungan',
    aksesibilitas: 'aksesibilitas',
    tataKelola: 'tata_kelola',
  },
  round: roundScore,
  roundShare,
  decimals: SCORE_DECIMALS,
  statusFromScore,
  // The whole 0–100 scale, so the thresholds sit at the same place in every scope's histogram.
  histogramRange: { min: 0, max: 100 },
  // A first Indeks Desa year compares with the desa's last IDM year (IDM 2024 → Indeks Desa 2025).
  previousTables: ['indeks_desa_assessment', 'idm_assessment'],
  officialCounts: OFFICIAL_COUNTS,
};
