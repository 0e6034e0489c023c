import { selectList, type Queryable, type RowColumns } from '../db/sql';
import { BadUserInputError } from '../errors';
import { IndexFamilyId, yearProblem } from './index-family';

/** A year argument of a family's reads, else BAD_USER_INPUT naming the argument, the value and, where it is one, the other family. */
export function checkFamilyYear(family: IndexFamilyId, year: number, argument = 'year'): number {
  const problem = yearProblem(family, year, new Date(), argument);
  if (problem) throw new BadUserInputError(problem, { argument, value: year });
  return year;
}

/** The tables of one assessment per desa-year, by family: what reads across families (the status track) union. */
export const ASSESSMENT_TABLES: Readonly<Record<IndexFamilyId, string>> = Object.freeze({
  [IndexFamilyId.IDM]: 'idm_assessment',
  [IndexFamilyId.INDEKS_DESA]: 'indeks_desa_assessment',
});

/**
 * Row key → column of what every family's assessment table has; each family's row adds its values
 * (the repository's select list and the planner's objects share these maps).
 */
export const FAMILY_ROW = {
  id: (alias: string) => `${alias}.id::text`,
  villageCode: 'village_code',
  year: 'year',
  score: 'score',
  status: 'status',
  derivedStatus: 'derived_status',
  statusMismatch: 'status_mismatch',
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

/** Batched reads of a family's assessments by village, written once for every family. */
export class AssessmentReads<Row> {
  private readonly columns: string;

  constructor(
    private readonly sql: Queryable,
    private readonly table: string,
    row: RowColumns,
  ) {
    this.columns = selectList(row, 'a');
  }

  /** The assessment of each village in `year`, or its latest when `year` is null. */
  assessments(villageCodes: readonly string[], year: number | null): Promise<Row[]> {
    return year === null
      ? this.sql.query(`select distinct on (a.village_code) ${this.columns} from ${this.table} a where a.village_code = any($1::text[]) order by a.village_code, a.year desc`, [villageCodes])
      : this.sql.query(`select ${this.columns} from ${this.table} a where a.village_code = any($1::text[]) and a.year = $2`, [villageCodes, year]);
  }

  /** Every assessment of each village, oldest first. */
  history(villageCodes: readonly string[]): Promise<Row[]> {
    return this.sql.query(`select ${this.columns} from ${this.table} a where a.village_code = any($1::text[]) order by a.village_code, a.year`, [villageCodes]);
  }
}
