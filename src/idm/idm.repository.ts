import { selectList, type Queryable } from '../db/sql';
import { AssessmentReads, FAMILY_ROW } from '../index-family/family-reads';
import { IdmMovement, IdmStatus } from './idm-status';
import { movementSql, roundScore, SCORE_DECIMALS, type YearCount } from './idm.rules';
import type { AssessmentRow, IndicatorRow, SummaryFrame, SummaryRow, SummaryScope } from './idm.rows';

export type { SummaryScope } from './idm.rows';

/** What a summary is grouped by: a register level, a program, a program locus, or the whole nation. */

/** Row key → column of an assessment: the repository's select list and the planner's objects share it. */
export const ASSESSMENT_ROW = { ...FAMILY_ROW, iks: 'iks', ike: 'ike', ikl: 'ikl', note: 'note' } as const;

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

const INDICATOR_COLUMNS = selectList(INDICATOR_ROW, 'i');

const STATUSES = Object.values(IdmStatus);

/** Batched reads of IDM as plain rows; summaries are one GROUP BY per batch of regions. */
export class IdmRepository {
  constructor(private readonly sql: Queryable) {
    this.reads = new AssessmentReads(sql, 'idm_assessment', ASSESSMENT_ROW);
  }

  private readonly reads: AssessmentReads<AssessmentRow>;

  /** The assessment of each village in `year`, or its latest when `year` is null. */
  assessments(villageCodes: readonly string[], year: number | null): Promise<AssessmentRow[]> {
    return this.reads.assessments(villageCodes, year);
  }

  /** Every assessment of each village, oldest first. */
  history(villageCodes: readonly string[]): Promise<AssessmentRow[]> {
    return this.reads.history(villageCodes);
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
   * none was published; "moved" compares with the same desa's previous assessed year. `programId`
   * narrows a register scope to one program's enrolled villages. Means are rounded to the source's
   * precision (idm.rules.ts).
   */
  async summaries(scope: SummaryScope, keys: readonly string[], year: number, programId?: number): Promise<(SummaryRow & { key: string })[]> {
    const { values, key, join, where } = scopeFilter(scope, keys, year, programId);
    const moved = movementSql('p.status', CURRENT_STATUS);
    const rows = await this.sql.query<Record<string, number | string | null>>(
      `select ${key} as key, count(*)::int as assessed,
              ${STATUSES.map((s) => `count(*) filter (where ${CURRENT_STATUS} = '${s}')::int as "${s}"`).join(', ')},
              avg(a.score) as score, avg(a.iks) as iks, avg(a.ike) as ike, avg(a.ikl) as ikl,
              count(*) filter (where ${moved} = '${IdmMovement.UP}')::int as "movedUp",
              count(*) filter (where ${moved} = '${IdmMovement.DOWN}')::int as "movedDown"
       from idm_assessment a ${join}
       ${previousAssessmentJoin('a', 'p')}
       where ${where.join(' and ')}
       group by 1`,
      values,
    );
    return rows.map((r) => {
      const assessed = Number(r.assessed);
      return {
        key: String(r.key),
        frame: { scope, key: String(r.key), programId },
        year,
        assessed,
        byStatus: STATUSES.map((status) => ({ status, count: Number(r[status]), share: assessed ? roundScore(Number(r[status]) / assessed) : 0 })),
        mean: r.score === null ? null : { score: roundScore(Number(r.score)), iks: roundScore(Number(r.iks)), ike: roundScore(Number(r.ike)), ikl: roundScore(Number(r.ikl)) },
        movedUp: Number(r.movedUp),
        movedDown: Number(r.movedDown),
      };
    });
  }

  /**
   * Histograms of the scores of `year` for each key of `scope`: `bins` equal bins from the lowest to
   * the highest score of the scope (the highest falls in the last bin). Keys with no assessed desa
   * get no row.
   */
  async histograms(scope: SummaryScope, keys: readonly string[], year: number, bins: number, programId?: number): Promise<{ key: string; lo: number; hi: number; bin: number; count: number }[]> {
    const { values, key, join, where } = scopeFilter(scope, keys, year, programId);
    values.push(bins);
    const n = `$${values.length}`;
    return this.sql.query(
      `with s as (select ${key} as key, a.score from idm_assessment a ${join} where ${where.join(' and ')}),
            r as (select key, min(score) as lo, max(score) as hi from s group by key)
       select s.key, r.lo, r.hi, case when r.hi = r.lo then 1 else least(width_bucket(s.score, r.lo, r.hi, ${n}::int), ${n}::int) end as bin, count(*)::int as count
       from s join r on r.key = s.key
       group by s.key, r.lo, r.hi, 4`,
      values,
    );
  }

  /**
   * The children of each parent key (provinces of the nation, kabupaten of a province, kecamatan of
   * a kabupaten) with assessed desa in `year`, ranked by mean score or by the share of `statuses`:
   * `rank` 1 is the highest value (equal values share a rank); `direction` picks the top or the
   * bottom `first`.
   */
  async rankings(parentKeys: readonly string[], request: RankingRequest): Promise<(RankingRow & { parentKey: string })[]> {
    const { parent, year, by, statuses, direction, first, programId } = request;
    const child = CHILD_OF[parent];
    const values: unknown[] = [year];
    const where = ['a.year = $1'];
    let parentKey = `'*'`;
    if (parent !== 'root') {
      values.push(parentKeys);
      parentKey = `a.${parent}`;
      where.push(`a.${parent} = any($${values.length}::text[])`);
    }
    let join = '';
    if (programId !== undefined) {
      values.push(programId);
      join = 'join program_village pv on pv.village_code = a.village_code';
      where.push(`pv.program_id = $${values.length}`);
    }
    if (by === 'STATUS_SHARE') values.push(statuses);
    const value =
      by === 'MEAN_SCORE'
        ? `round(avg(a.score)::numeric, ${SCORE_DECIMALS})::float8`
        : `round((count(*) filter (where ${CURRENT_STATUS} = any($${values.length}::idm_status[])))::numeric / count(*), ${SCORE_DECIMALS})::float8`;
    values.push(first);
    return this.sql.query(
      `with g as (
         select ${parentKey} as "parentKey", a.${child.column} as code, count(*)::int as assessed, ${value} as value
         from idm_assessment a ${join} where ${where.join(' and ')} group by 1, 2
       ), r as (
         select g.*, rank() over (partition by g."parentKey" order by g.value desc)::int as rank,
                row_number() over (partition by g."parentKey" order by g.value ${direction === 'TOP' ? 'desc' : 'asc'}, g.code) as n
         from g
       )
       select r."parentKey", r.rank, r.code, t.name, r.value, r.assessed from r join ${child.table} t on t.code = r.code
       where r.n <= $${values.length} order by r."parentKey", r.n`,
      values,
    );
  }

  /** The assessment before `year` of each "villageCode|year" key (its previous assessed year), if any. */
  previousAssessments(keys: readonly string[]): Promise<{ key: string; year: number; score: number; status: IdmStatus }[]> {
    return this.sql.query(
      `select k.key, p.year, p.score, p.status from unnest($1::text[]) as k(key)
       cross join lateral (
         select p.year, p.score, coalesce(p.status, p.derived_status) as status from idm_assessment p
         where p.village_code = split_part(k.key, '|', 1) and p.year < split_part(k.key, '|', 2)::int
         order by p.year desc limit 1
       ) p`,
      [keys],
    );
  }
}

/** Which register level lies below each rankable parent, and its table. */
const CHILD_OF = {
  root: { column: 'province_code', table: 'province' },
  province_code: { column: 'kabupaten_code', table: 'kabupaten' },
  kabupaten_code: { column: 'district_code', table: 'district' },
} as const;

export type RankingParent = keyof typeof CHILD_OF;

export interface RankingRequest {
  parent: RankingParent;
  year: number;
  by: 'MEAN_SCORE' | 'STATUS_SHARE';
  /** The statuses whose share is ranked (ignored for MEAN_SCORE). */
  statuses: IdmStatus[];
  direction: 'TOP' | 'BOTTOM';
  first: number;
  programId?: number;
}

export interface RankingRow {
  rank: number;
  code: string;
  name: string;
  value: number;
  assessed: number;
}

/** A desa's status in an assessment row aliased `a`: the official one, or the derived one where none was published. */
export const CURRENT_STATUS = 'coalesce(a.status, a.derived_status)';

/**
 * Joins, as `alias`, the status (official or derived) of the previous assessed year of the desa of
 * assessment `of`: `alias.status` is null for a first assessment. Served by the (village_code, year)
 * unique index.
 */
export function previousAssessmentJoin(of: string, alias: string): string {
  return `left join lateral (
         select coalesce(x.status, x.derived_status) as status from idm_assessment x
         where x.village_code = ${of}.village_code and x.year < ${of}.year order by x.year desc limit 1
       ) ${alias} on true`;
}

/** The alias under which a village list joins each assessment's previous assessed year (see region.repository.ts). */
export const PREVIOUS_FOR_MOVEMENT = 'prev_m';

/**
 * A condition in SQL: the assessment aliased `a` moved as one of `movements` (UP, DOWN, SAME, NEW)
 * against its desa's previous assessed year, joined as PREVIOUS_FOR_MOVEMENT, by the movement rule
 * of idm.rules.ts, as IdmAssessment.change reports it.
 */
export function movementCondition(movements: readonly string[]): string {
  const listed = [...new Set(movements)].map((m) => `'${m}'`).join(', ');
  return `${movementSql(`${PREVIOUS_FOR_MOVEMENT}.status`, CURRENT_STATUS)} in (${listed})`;
}

/** The grouping key, joins, conditions and parameters of assessments of `year` in each key of `scope`. */
function scopeFilter(scope: SummaryScope, keys: readonly string[], year: number, programId?: number): { values: unknown[]; key: string; join: string; where: string[] } {
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
  return { values, key, join, where };
}

/** The summary of a scope with no assessed desa. */
export function emptySummary(frame: SummaryFrame, year: number | null): SummaryRow {
  return { frame, year, assessed: 0, byStatus: STATUSES.map((status) => ({ status, count: 0, share: 0 })), mean: null, movedUp: 0, movedDown: 0 };
}
