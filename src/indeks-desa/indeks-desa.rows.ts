import { FAMILY_ROW } from '../index-family/family-reads';
import type { IndexStatus } from '../index-family/index-status';
import type { Dimension } from './indeks-desa.rules';

/** Column of each dimension in indeks_desa_assessment, by its key in records, rows and GraphQL. */
export const DIMENSION_COLUMNS = {
  layananDasar: 'layanan_dasar',
  sosial: 'sosial',
  ekonomi: 'ekonomi',
  lingkungan: 'lingkungan',
  aksesibilitas: 'aksesibilitas',
  tataKelola: 'tata_kelola',
} as const satisfies Record<Dimension, string>;

/** Row key → column of an Indeks Desa assessment: the repository's select list and the planner's objects share it. */
export const INDEKS_DESA_ROW = { ...FAMILY_ROW, ...DIMENSION_COLUMNS, scoreMismatch: 'score_mismatch' } as const;

/** One stored Indeks Desa assessment as read. */
export interface IndeksDesaRow {
  id: string;
  villageCode: string;
  year: number;
  layananDasar: number;
  sosial: number;
  ekonomi: number;
  lingkungan: number;
  aksesibilitas: number;
  tataKelola: number;
  score: number;
  status: IndexStatus | null;
  derivedStatus: IndexStatus;
  statusMismatch: boolean;
  scoreMismatch: boolean;
  targetStatus: IndexStatus;
  targetMinScore: number;
  scoreToTarget: number;
  publishedCode: string;
  sourceFormat: string;
  sourceFile: string;
  sourceLine: number;
  recordedBy: string;
  recordedAt: Date;
}
