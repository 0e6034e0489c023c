import { selectList, type Queryable } from '../db/sql';
import { IdmMovement, IdmStatus } from './idm-status';
import { movementSql, type YearCount } from './idm.rules';
import type { AssessmentRow, IndicatorRow, SummaryRow } from './idm.types';

/** What a summary is grouped by: a register level, a program, a program locus, or the whole nation. */
export type SummaryScope = 'root' | 'province_code' | 'kabupaten_code' | 'district_code' | 'program' | 'locus';

/** Row key → column of an assessment: the repository's select list and the planner's objects share it. */
export const ASSESSMENT_ROW = {
  id: (alias: string) => `${alias}.id::text`,
  villageCode: 'village_code',
  year: 'year',
  iks: 'iks',
  ike: 'ike',
  ikl: 'ikl',
  score: 'score',
  status: 'status',
  derivedStatus: 'derived_status',
  statusMismatch: 'status_mismatch',
  targetStatus: 'target_status',
  targetMinScore: 'target_min_score',
  scoreToTarget: 'score_to_target',
  publishedCode: 'published_code',
  note: 'note',
  sourceFormat: 'source_format',
  sourceFile: 'source_file',
  sourceLine: 'source_line',
  recordedBy: 'recorded_by',
  recordedAt: 'recorded_at',
} as const;

/** Row key → column of an indicator. */
export const INDICATOR_ROW = {
  assessmentId: (alias: string) => `${alias}.assessment_id::text`,
  index: 'index',
  number: 'number',
  name: 'name',
  score: 'score',
  description: 'description',
  activity: 'activity',
  actors: (alias: string) =>
    `json_build_object('pusat', ${alias}.actor_pusat, 'provinsi', ${alias}.actor_provinsi, 'kabupaten', ${alias}.actor_kabupaten,
                       'desa', ${alias}.actor_desa, 'csr', ${alias}.actor_csr, 'lainnya', ${alias}.actor_lainnya)`,
  potentialGain: 'potential_gain',
} as const;

const ASSESSMENT_COLUMNS = selectList(ASSESSMENT_ROW, 'a');
const INDICATOR_COLUMNS = selectList(INDICATOR_ROW, 'i');

const STATUSES = Object.values(IdmStatus);

/** Batched reads of IDM as plain rows; summaries are one GROUP BY per batch of regions. */
export class IdmRepository {
  constructor(private readonly sql: Queryable) {}

  /** The assessment of each village in `year`, or its latest when `year` is null. */
  assessments(villageCodes: readonly string[], year: number | null): Promise<AssessmentRow[]> {
    return year === null
      ? this.sql.query(
          `select distinct on (a.village_code) ${ASSESSMENT_COLUMNS} from idm_assessment a
           where a.village_code = any($1::text[]) order by a.village_code, a.year desc`,
          [villageCodes],
        )
      : this.sql.query(`select ${ASSESSMENT_COLUMNS} from idm_assessment a where a.village_code = any($1::text[]) and a.year = $2`, [villageCodes, year]);
  }

  /** Every assessment of each village, oldest first. */
  history(villageCodes: readonly string[]): Promise<AssessmentRow[]> {
    return this.sql.query(`select ${ASSESSMENT_COLUMNS} from idm_assessment a where a.village_code = any($1::text[]) order by a.village_code, a.year`, [villageCodes]);
  }

  indicators(assessmentIds: readonly string[]): Promise<IndicatorRow[]> {
    return this.sql.query(
      `select ${INDICATOR_COLUMNS} from idm_indicator i where i.assessment_id = any($1::bigint[]) order by i.assessment_id, i.index, i.number`,
      [assessmentIds],
    );
  }

  /** Desa assessed per year, oldest first: a few rows the write path keeps (idm_year). */
  yearCounts(): Promise<YearCount[]> {
    return this.sql.query(`select year, assessed from idm_year order by year`);
  }

  /** Desa and desa adat in the register (~15 ms: counted over the whole village table). */
  async registerDesa(): Promise<number> {
    const [row] = await this.sql.query<{ count: number }>(`select count(*)::int as count from village where kind <> 'KELURAHAN'`);
    return row!.count;
  }

  /**
   * Summaries of `year` for each key of `scope`. Status is the official one, or the derived one where
   * none was published; "moved" compares with the same desa's previous year. `programId` narrows a
   * register scope to one program's enrolled villages.
   */
  async summaries(scope: SummaryScope, keys: readonly string[], year: number, programId?: number): Promise<(SummaryRow & { key: string })[]> {
    const values: unknown[] = scope === 'root' ? [year] : [year, keys];
    let key: string;
    let join = '';
    const where = ['a.year = $1'];
    switch (scope) {
      case 'root':
        key = `'*'`;
        break;
      case 'program':
        key = 'pv.program_id::text';
        join = 'join program_village pv on pv.village_code = a.village_code';
        where.push('pv.program_id = any($2::int[])');
        break;
      case 'locus':
        key = 'pv.locus_id::text';
        join = 'join program_village pv on pv.village_code = a.village_code';
        where.push('pv.locus_id = any($2::int[])');
        break;
      default:
        key = `a.${scope}`;
        where.push(`a.${scope} = any($2::text[])`);
    }
    if (programId !== undefined && scope !== 'program' && scope !== 'locus') {
      values.push(programId);
      join = 'join program_village pv on pv.village_code = a.village_code';
      where.push(`pv.program_id = $${values.length}`);
    }
    const moved = movementSql('coalesce(p.status, p.derived_status)', 'coalesce(a.status, a.derived_status)');
    const rows = await this.sql.query<Record<string, number | string | null>>(
      `select ${key} as key, count(*)::int as assessed,
              ${STATUSES.map((s) => `count(*) filter (where coalesce(a.status, a.derived_status) = '${s}')::int as "${s}"`).join(', ')},
              avg(a.score) as score, avg(a.iks) as iks, avg(a.ike) as ike, avg(a.ikl) as ikl,
              count(*) filter (where ${moved} = '${IdmMovement.UP}')::int as "movedUp",
              count(*) filter (where ${moved} = '${IdmMovement.DOWN}')::int as "movedDown"
       from idm_assessment a ${join}
       left join idm_assessment p on p.village_code = a.village_code and p.year = a.year - 1
       where ${where.join(' and ')}
       group by 1`,
      values,
    );
    return rows.map((r) => ({
      key: String(r.key),
      year,
      assessed: Number(r.assessed),
      byStatus: STATUSES.map((status) => ({ status, count: Number(r[status]) })),
      mean: r.score === null ? null : { score: Number(r.score), iks: Number(r.iks), ike: Number(r.ike), ikl: Number(r.ikl) },
      movedUp: Number(r.movedUp),
      movedDown: Number(r.movedDown),
    }));
  }
}

/** The summary of a scope with no assessed desa (year null: none asked and none published yet). */
export function emptySummary(year: number | null): SummaryRow {
  return { year, assessed: 0, byStatus: STATUSES.map((status) => ({ status, count: 0 })), mean: null, movedUp: 0, movedDown: 0 };
}
