import type { Queryable } from '../db/sql';
import { IndexFamilyId } from './index-family';
import { IndexMovement, IndexStatus, movementSql, statusRankSql } from './index-status';
import { FAMILY_TABLES, FAMILY_YEAR_TABLES, type FamilyLevel } from './level-family';
import type { FamilyYear, LevelSummaryRow, MovementRow, RankingRequest, RankingRow, ScopeYearCount, SummaryFrame, SummaryScope } from './level.rows';

/**
 * The level reads of every index family as plain rows: summaries, histograms, rankings, movement
 * between two ends, and the counts behind coverage and the per-scope published year. Each method
 * takes the keys of a whole batch and issues one statement; the family descriptor names the table
 * and the columns, so the SQL is written once.
 */

const STATUSES = Object.values(IndexStatus);

/** A desa's status in an assessment row aliased `alias`: the official one, or the derived one where none was published. */
export function currentStatus(alias = 'a'): string {
  return `coalesce(${alias}.status, ${alias}.derived_status)`;
}

/**
 * Joins, as `alias`, the status (official or derived) of the previous assessed year, in any of
 * `tables`, of the desa of assessment `of`: `alias.status` is null for a first assessment. Served
 * by each table's (village_code, year) unique index; the families' years never overlap.
 */
export function previousAssessmentJoin(tables: readonly string[], of: string, alias: string): string {
  if (tables.length === 1) {
    return `left join lateral (
         select coalesce(x.status, x.derived_status) as status from ${tables[0]} x
         where x.village_code = ${of}.village_code and x.year < ${of}.year order by x.year desc limit 1
       ) ${alias} on true`;
  }
  const parts = tables.map(
    (t) => `(select x.year, coalesce(x.status, x.derived_status) as status from ${t} x where x.village_code = ${of}.village_code and x.year < ${of}.year order by x.year desc limit 1)`,
  );
  return `left join lateral (select y.status from (${parts.join(' union all ')}) y order by y.year desc limit 1) ${alias} on true`;
}

/**
 * The grouping key, joins, conditions and parameters of assessments (aliased `alias`, the desa's
 * code in `code`) in each key of `scope`, of `year` when given.
 */
export function scopeFilter(
  scope: SummaryScope,
  keys: readonly string[],
  year: number | null,
  programId?: number,
  alias = 'a',
  code = 'village_code',
): { values: unknown[]; key: string; join: string; where: string[] } {
  const values: unknown[] = [];
  const where: string[] = [];
  if (year !== null) {
    values.push(year);
    where.push(`${alias}.year = $${values.length}`);
  }
  let key: string;
  let join = '';
  const keysParam = () => {
    values.push(keys);
    return `$${values.length}`;
  };
  switch (scope) {
    case 'root':
      key = `'*'`;
      break;
    case 'program':
      key = 'pv.program_id::text';
      join = `join program_village pv on pv.village_code = ${alias}.${code}`;
      where.push(`pv.program_id = any(${keysParam()}::int[])`);
      break;
    case 'locus':
      key = 'pv.locus_id::text';
      join = `join program_village pv on pv.village_code = ${alias}.${code}`;
      where.push(`pv.locus_id = any(${keysParam()}::int[])`);
      break;
    default:
      key = `${alias}.${scope}`;
      where.push(`${alias}.${scope} = any(${keysParam()}::text[])`);
  }
  if (programId !== undefined && scope !== 'program' && scope !== 'locus') {
    values.push(programId);
    join = `join program_village pv on pv.village_code = ${alias}.${code}`;
    where.push(`pv.program_id = $${values.length}`);
  }
  if (where.length === 0) where.push('true');
  return { values, key, join, where };
}

/** The summary of a scope with no assessed desa. */
export function emptyLevelSummary<M extends Record<string, number>>(frame: SummaryFrame, year: number | null): LevelSummaryRow<M> {
  return { frame, year, assessed: 0, byStatus: STATUSES.map((status) => ({ status, count: 0, share: 0 })), mean: null, movedUp: 0, movedDown: 0 };
}

/** Which register level lies below each rankable parent, and its table. */
const CHILD_OF = {
  root: { column: 'province_code', table: 'province' },
  province_code: { column: 'kabupaten_code', table: 'kabupaten' },
  kabupaten_code: { column: 'district_code', table: 'district' },
} as const;

export class LevelRepository {
  constructor(private readonly sql: Queryable) {}

  /**
   * Summaries of `year` for each key of `scope`. Status is the official one, or the derived one where
   * none was published; "moved" compares with the same desa's previous assessed year in the family's
   * `previousTables`. `programId` narrows a register scope to one program's enrolled villages. Means
   * are rounded to the family's precision. `movement: false` leaves movedUp and movedDown at 0 and
   * skips the previous year's lookup per desa, which is three quarters of a national summary's time
   * (400 against 105 ms over IDM 2024): a map's colours need only counts, shares and means.
   */
  async summaries<M extends Record<string, number>>(
    family: FamilyLevel,
    scope: SummaryScope,
    keys: readonly string[],
    year: number,
    programId?: number,
    { movement = true }: { movement?: boolean } = {},
  ): Promise<(LevelSummaryRow<M> & { key: string })[]> {
    const { values, key, join, where } = scopeFilter(scope, keys, year, programId);
    const current = currentStatus();
    const moved = movementSql('p.status', current);
    const means = Object.entries(family.means);
    const rows = await this.sql.query<Record<string, number | string | null>>(
      `select ${key} as key, count(*)::int as assessed,
              ${STATUSES.map((s) => `count(*) filter (where ${current} = '${s}')::int as "${s}"`).join(', ')},
              ${means.map(([name, column]) => `avg(a.${column}) as "${name}"`).join(', ')},
              ${movement ? `count(*) filter (where ${moved} = '${IndexMovement.UP}')::int` : '0'} as "movedUp",
              ${movement ? `count(*) filter (where ${moved} = '${IndexMovement.DOWN}')::int` : '0'} as "movedDown"
       from ${family.table} a ${join}
       ${movement ? previousAssessmentJoin(family.previousTables, 'a', 'p') : ''}
       where ${where.join(' and ')}
       group by 1`,
      values,
    );
    return rows.map((r) => {
      const assessed = Number(r.assessed);
      const mean = r.score === null ? null : (Object.fromEntries(means.map(([name]) => [name, family.round(Number(r[name]))])) as M);
      return {
        key: String(r.key),
        frame: { scope, key: String(r.key), programId },
        year,
        assessed,
        byStatus: STATUSES.map((status) => ({ status, count: Number(r[status]), share: assessed ? family.roundShare(Number(r[status]) / assessed) : 0 })),
        mean,
        movedUp: Number(r.movedUp),
        movedDown: Number(r.movedDown),
      };
    });
  }

  /**
   * Histograms of the scores of `year` for each key of `scope`: `bins` equal bins over the family's
   * histogram range (the scope's lowest to highest score, or the whole scale); the top of the range
   * falls in the last bin. Keys with no assessed desa get no row.
   */
  async histograms(
    family: FamilyLevel,
    scope: SummaryScope,
    keys: readonly string[],
    year: number,
    bins: number,
    programId?: number,
  ): Promise<{ key: string; lo: number; hi: number; bin: number; count: number }[]> {
    const { values, key, join, where } = scopeFilter(scope, keys, year, programId);
    values.push(bins);
    const n = `$${values.length}`;
    const range =
      family.histogramRange === 'scope'
        ? 'select key, min(score) as lo, max(score) as hi from s group by key'
        : `select distinct key, ${family.histogramRange.min}::float8 as lo, ${family.histogramRange.max}::float8 as hi from s`;
    return this.sql.query(
      `with s as (select ${key} as key, a.score from ${family.table} a ${join} where ${where.join(' and ')}),
            r as (${range})
       select s.key, r.lo, r.hi, case when r.hi = r.lo then 1 else greatest(1, least(width_bucket(s.score, r.lo, r.hi, ${n}::int), ${n}::int)) end as bin, count(*)::int as count
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
  async rankings(family: FamilyLevel, parentKeys: readonly string[], request: RankingRequest): Promise<(RankingRow & { parentKey: string })[]> {
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
        ? `round(avg(a.score)::numeric, ${family.decimals})::float8`
        : `round((count(*) filter (where ${currentStatus()} = any($${values.length}::idm_status[])))::numeric / count(*), 4)::float8`;
    values.push(first);
    return this.sql.query(
      `with g as (
         select ${parentKey} as "parentKey", a.${child.column} as code, count(*)::int as assessed, ${value} as value
         from ${family.table} a ${join} where ${where.join(' and ')} group by 1, 2
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

  /**
   * How the status of each desa of `to` (a family's year, in each key of `scope`) moved against
   * `from`: the same desa's value of another family-year, or, when null, its previous assessed year
   * in the family's `previousTables`. Statuses compare by rank, so IDM 2024 → Indeks Desa 2025
   * counts as every dinas reports it. Only desa with both ends are compared.
   */
  async movements(family: FamilyLevel, scope: SummaryScope, keys: readonly string[], year: number, from: FamilyYear | null, programId?: number): Promise<(MovementRow & { key: string })[]> {
    const { values, key, join, where } = scopeFilter(scope, keys, year, programId);
    let before: string;
    if (from === null) {
      before = previousAssessmentJoin(family.previousTables, 'a', 'p');
    } else {
      values.push(from.year);
      before = `left join lateral (select coalesce(x.status, x.derived_status) as status from ${FAMILY_TABLES[from.family]} x
                where x.village_code = a.village_code and x.year = $${values.length}) p on true`;
    }
    const [was, now] = [statusRankSql('p.status'), statusRankSql(currentStatus())];
    return this.sql.query(
      `select ${key} as key, count(p.status)::int as compared,
              count(*) filter (where ${now} > ${was})::int as up,
              count(*) filter (where ${now} < ${was})::int as down,
              count(*) filter (where ${now} = ${was})::int as same
       from ${family.table} a ${join} ${before}
       where ${where.join(' and ')} group by 1`,
      values,
    );
  }

  /**
   * Desa assessed per family and year in each key of `scope`, in one grouped statement over both
   * families' (year, region) indexes; the nation's come from the year tables the write path keeps.
   */
  async scopeYearCounts(scope: SummaryScope, keys: readonly string[], programId?: number): Promise<ScopeYearCount[]> {
    const families = Object.values(IndexFamilyId) as IndexFamilyId[];
    if (scope === 'root' && programId === undefined) {
      return this.sql.query(
        families.map((f) => `select '*' as key, '${f}' as family, year, assessed from ${FAMILY_YEAR_TABLES[f]} where assessed > 0`).join(' union all ') + ' order by year',
      );
    }
    const { values, key, join, where } = scopeFilter(scope, keys, null, programId);
    // Only the years the write path counts, so each year probes the (year, region) index.
    const parts = families.map(
      (f) =>
        `select ${key} as key, '${f}' as family, a.year from ${FAMILY_TABLES[f]} a ${join}
         where a.year in (select year from ${FAMILY_YEAR_TABLES[f]} where assessed > 0) and ${where.join(' and ')}`,
    );
    return this.sql.query(`select key, family, year, count(*)::int as assessed from (${parts.join(' union all ')}) s group by 1, 2, 3 order by 3`, values);
  }

  /** Desa and desa adat of the register in each key of `scope` (kelurahan are not assessed). */
  async registerDesa(scope: SummaryScope, keys: readonly string[], programId?: number): Promise<{ key: string; count: number }[]> {
    const { values, key, join, where } = scopeFilter(scope, keys, null, programId, 'v', 'code');
    return this.sql.query(
      `select ${key} as key, count(*)::int as count from village v ${join} where v.kind <> 'KELURAHAN' and ${where.join(' and ')} group by 1`,
      values,
    );
  }
}
