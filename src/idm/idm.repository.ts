import type { Sql } from '../db/sql';
import { IdmMovement, IdmStatus } from './idm-status';
import { movementSql, type YearCount } from './idm.rules';
import type { AssessmentRow, IndicatorRow, SummaryRow } from './idm.types';

/** What a summary is grouped by: a register level, a program, a program locus, or the whole nation. */
export type SummaryScope = 'root' | 'province_code' | 'kabupaten_code' | 'district_code' | 'program' | 'locus';

const ASSESSMENT_COLUMNS = `a.id::text as id, a.village_code as "villageCode", a.year, a.iks, a.ike, a.ikl, a.score, a.status,
  a.derived_status as "derivedStatus", a.status_mismatch as "statusMismatch", a.target_status as "targetStatus",
  a.target_min_score as "targetMinScore", a.score_to_target as "scoreToTarget", a.published_code as "publishedCode", a.note,
  a.source_format as "sourceFormat", a.source_file as "sourceFile", a.source_line as "sourceLine", a.recorded_by as "recordedBy",
  a.recorded_at as "recordedAt"`;

const STATUSES = Object.values(IdmStatus);

/** Batched reads of IDM as plain rows; summaries are one GROUP BY per batch of regions. */
export class IdmRepository {
  constructor(private readonly sql: Sql) {}

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
      `select i.assessment_id::text as "assessmentId", i.index, i.number, i.name, i.score, i.description, i.activity,
              json_build_object('pusat', i.actor_pusat, 'provinsi', i.actor_provinsi, 'kabupaten', i.actor_kabupaten,
                                'desa', i.actor_desa, 'csr', i.actor_csr, 'lainnya', i.actor_lainnya) as actors,
              i.potential_gain as "potentialGain"
       from idm_indicator i where i.assessment_id = any($1::bigint[]) order by i.assessment_id, i.index, i.number`,
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
