import type pg from 'pg';
import { IndexFamilyId, type IndexFamily } from '../index-family/index-family';
import type { WriteOptions, WriteReport } from '../index-family/write-report';
import { recordFamily, writeFamily, type ChangePublisher, type Transactional } from '../index-family/write-store';
import type { IndeksDesaRecord, IndeksDesaRetraction, IndeksDesaWrite } from './indeks-desa-record';
import { DIMENSIONS, isScoreMismatch, scoreFromDimensions, scoreToTarget, statusFromScore, targetMinScore, targetStatus, type Dimension } from './indeks-desa.rules';
import { DIMENSION_COLUMNS } from './indeks-desa.rows';
import { validateRecord, validateYear } from './indeks-desa.validation';

/**
 * The Indeks Desa as an index family of the shared write path: its columns, what it derives
 * (status, target, the score mismatch) and its checks. Importers and the mutations call
 * `recordIndeksDesa`, which takes and reports exactly what IDM's `recordAssessments` does.
 */


/** A validated record's dimensions: all six present. */
const dimensionsOf = (record: Pick<IndeksDesaRecord, 'dimensions'>) => record.dimensions as Record<Dimension, number>;

/** What a record stores: the published score, or Σ/635×100 where none was published. */
function storedScore(record: IndeksDesaRecord): number {
  return record.score ?? scoreFromDimensions(dimensionsOf(record));
}

export const INDEKS_DESA_FAMILY: IndexFamily<IndeksDesaRecord, NonNullable<IndeksDesaRetraction['expected']>> = {
  id: IndexFamilyId.INDEKS_DESA,
  name: 'Indeks Desa',
  scale: { min: 0, max: 100, decimals: 2 },
  statusFromScore,
  validate: validateRecord,
  validateYear,
  table: 'indeks_desa_assessment',
  yearTable: 'indeks_desa_year',
  columns: [
    ...DIMENSIONS.map((d) => ({ name: DIMENSION_COLUMNS[d], type: 'float8', compared: true })),
    { name: 'score', type: 'float8', compared: true },
    { name: 'status', type: 'idm_status', compared: true },
    { name: 'derived_status', type: 'idm_status', compared: false },
    { name: 'score_mismatch', type: 'boolean', compared: false },
    { name: 'target_status', type: 'idm_status', compared: false },
    { name: 'target_min_score', type: 'float8', compared: false },
    { name: 'score_to_target', type: 'float8', compared: false },
  ],
  values(record) {
    const score = storedScore(record);
    const derivedStatus = statusFromScore(score);
    // As for IDM, the target follows the official status where there is one.
    const basis = record.status ?? derivedStatus;
    const dimensions = dimensionsOf(record);
    return {
      ...Object.fromEntries(DIMENSIONS.map((d) => [DIMENSION_COLUMNS[d], dimensions[d]])),
      score,
      status: record.status,
      derived_status: derivedStatus,
      score_mismatch: record.score !== null && isScoreMismatch(record.score, dimensions),
      target_status: targetStatus(basis),
      target_min_score: targetMinScore(basis),
      score_to_target: scoreToTarget(score, basis),
    };
  },
  mismatches(record) {
    const found: { field: string; message: string }[] = [];
    const dimensions = dimensionsOf(record);
    const computed = scoreFromDimensions(dimensions);
    if (record.score !== null && isScoreMismatch(record.score, dimensions)) {
      found.push({ field: 'score', message: `published score ${record.score} differs from Σ dimensions / 635 × 100 = ${computed} by more than 0.01; stored as published` });
    }
    const derived = statusFromScore(storedScore(record));
    if (record.status !== null && record.status !== derived) {
      found.push({ field: 'status', message: `published status ${record.status} differs from ${derived}, which score ${storedScore(record)} gives; stored as published` });
    }
    return found;
  },
  // Subscribers to indeksDesaUpdated get the six dimensions of each change as it was written.
  changeDetail: Object.fromEntries(DIMENSIONS.map((d) => [d, DIMENSION_COLUMNS[d]])),
  expectedColumns: [...DIMENSIONS.map((d) => DIMENSION_COLUMNS[d]), 'score', 'status'],
  differs: (e, row) =>
    DIMENSIONS.some((d) => e.dimensions[d] !== row[DIMENSION_COLUMNS[d]]) || (e.score !== null && e.score !== row.score) || (e.status ?? null) !== row.status,
};

/** Indeks Desa writes through the shared write path, inside the caller's transaction. */
export function writeIndeksDesa(client: pg.ClientBase, writes: readonly IndeksDesaWrite[], options: WriteOptions): Promise<WriteReport> {
  return writeFamily(client, INDEKS_DESA_FAMILY, writes, options);
}

/**
 * The one path every Indeks Desa write takes (import:indeks-desa, the mutations): one transaction,
 * rolled back for a dry run, then the announcement of the new change-log rows. The same options and
 * report as IDM's `recordAssessments`.
 */
export function recordIndeksDesa(db: Transactional, writes: readonly IndeksDesaWrite[], options: WriteOptions & { publisher?: ChangePublisher }): Promise<WriteReport> {
  return recordFamily(db, INDEKS_DESA_FAMILY, writes, options);
}
