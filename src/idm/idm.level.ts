import { IndexFamilyId } from '../index-family/index-family';
import type { FamilyLevel } from '../index-family/level-family';
import { OFFICIAL_COUNTS, roundScore, SCORE_DECIMALS, statusFromScore } from './idm.rules';

/** IDM for the shared level reads (src/index-family/level.repository.ts). */
export const IDM_LEVEL: FamilyLevel = {
  id: IndexFamilyId.IDM,
  table: 'idm_assessment',
  yearTable: 'idm_year',
  means: { score: 'score', iks: 'iks', ike: 'ike', ikl: 'ikl' },
  round: roundScore,
  // Shares were always rounded as IDM scores are: to 4 decimals.
  roundShare: roundScore,
  decimals: SCORE_DECIMALS,
  statusFromScore,
  // As IDM histograms always were: the scope's own range, where IDM scores crowd.
  histogramRange: 'scope',
  // IDM's years all precede the Indeks Desa's: its previous year is always an IDM year.
  previousTables: ['idm_assessment'],
  officialCounts: OFFICIAL_COUNTS,
};
