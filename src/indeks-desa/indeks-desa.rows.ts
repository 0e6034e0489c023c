import type { IndexStatus } from '../index-family/index-status';

/** Row key → column of an Indeks Desa assessment: the repository's select list and the planner's objects share it. */
export const INDEKS_DESA_ROW = {
  id: (alias: string) => `${alias}.id::text`,
  villageCode: 'village_code',
  year: 'year',
  layananDasar: 'layanan_dasar',
  sosial: 'sosial',
  ekonomi: 'ekonomi',
  lingkungan: 'lingkungan',
  aksesibilitas: 'aksesibilitas',
  tataKelola: 'tata_kelola',
  score: 'score',
  status: 'status',
  derivedStatus: 'derived_status',
  statusMismatch: 'status_mismatch',
  scoreMismatch: 'score_mismatch',
  targetStatus: 'target_status',
  targetMinScore: 'target_min_score',
  scoreToTarget: 'score_to_target',
  publishedCode: 'published_code',
  sourceFormat: 'source_format',
  sourceFile: 'source_file',
  sourceLine: 'source_line',
  recordedBy: 'recorded_by',
  recordedAt: 'recorded_at',
} as const;

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
