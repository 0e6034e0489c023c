import type { Queryable } from '../db/sql';
import type { PageRequest } from '../graphql/connection';
import { IDM_LEVEL } from '../idm/idm.level';
import { INDEKS_DESA_LEVEL } from '../indeks-desa/indeks-desa.level';
import { movementSql } from '../index-family/index-status';
import type { FamilyLevel } from '../index-family/level-family';
import { currentStatus, previousAssessmentJoin } from '../index-family/level.repository';
import { param, VILLAGE_ROW, villageConditions, villageSource, type VillageParent, type VillageQuery } from '../region/region.repository';
import type { VillageRow } from '../region/region.types';
import { selectList } from '../db/sql';
import type { BBox } from '../geo/geometry';
import { withinBox } from '../geo/shape.repository';

/**
 * The village list's SQL: the register's conditions (region.repository.ts) and, for each index
 * family the query looks at, a join to its assessment of one year with conditions on its values.
 * Written once over the family descriptors; each family has its own aliases, so a list may filter
 * by IDM 2024 and the Indeks Desa 2025 at once.
 */

/** Conditions on a village's value of one family in one year (year null: none published yet, so no village matches). */
export interface IndexCondition {
  year: number | null;
  statuses?: string[];
  minScore?: number;
  maxScore?: number;
  movements?: string[];
  statusMismatch?: boolean;
}

/** The register's conditions and those on each family's values. */
export interface VillageListQuery extends VillageQuery {
  idm?: IndexCondition;
  indeksDesa?: IndexCondition;
  /** Only villages whose shape's `center` lies in this box (a map's viewport). */
  within?: BBox;
}

/** The families a list can look at: the query key, the descriptor, the assessment's alias and its previous year's. */
export const LIST_FAMILIES = {
  idm: { level: IDM_LEVEL, alias: 'a', previous: 'prev_m' },
  indeksDesa: { level: INDEKS_DESA_LEVEL, alias: 'b', previous: 'prev_b' },
} as const satisfies Record<string, { level: FamilyLevel; alias: string; previous: string }>;

export type ListFamily = keyof typeof LIST_FAMILIES;

/** Order of a village list; a score order needs its family's condition (for its year) and breaks ties by code. */
export type VillageOrder = 'CODE' | 'IDM_SCORE_ASC' | 'IDM_SCORE_DESC' | 'INDEKS_DESA_SCORE_ASC' | 'INDEKS_DESA_SCORE_DESC';

/** The family a score order sorts by, or null for CODE. */
export function orderFamily(order: VillageOrder): ListFamily | null {
  return order === 'CODE' ? null : order.startsWith('IDM_') ? 'idm' : 'indeksDesa';
}

/** The joins to each family the query looks at (and, for a movement condition, to the desa's previous assessed year). */
export function indexJoins(query: VillageListQuery, values: unknown[]): string {
  const joins: string[] = [];
  for (const key of Object.keys(LIST_FAMILIES) as ListFamily[]) {
    const condition = query[key];
    if (!condition) continue;
    const { level, alias, previous } = LIST_FAMILIES[key];
    joins.push(`join ${level.table} ${alias} on ${alias}.village_code = v.code and ${alias}.year = ${param(values, condition.year)}::int`);
    // A movement filter compares with the desa's previous assessed year: one index probe per desa.
    if (condition.movements?.length) joins.push(previousAssessmentJoin(level.previousTables, alias, previous));
  }
  return joins.join(' ');
}

/** The register's conditions and those on each family's values. */
export function listConditions(query: VillageListQuery, values: unknown[]): string[] {
  const where = villageConditions(query, values);
  if (query.within) where.push(withinBox(query.within, values));
  for (const key of Object.keys(LIST_FAMILIES) as ListFamily[]) {
    const condition = query[key];
    if (!condition) continue;
    const { alias, previous } = LIST_FAMILIES[key];
    if (condition.statuses?.length) where.push(`${currentStatus(alias)} = any(${param(values, condition.statuses)}::idm_status[])`);
    if (condition.minScore !== undefined) where.push(`${alias}.score >= ${param(values, condition.minScore)}`);
    if (condition.maxScore !== undefined) where.push(`${alias}.score <= ${param(values, condition.maxScore)}`);
    if (condition.movements?.length) {
      const listed = [...new Set(condition.movements)].map((m) => `'${m}'`).join(', ');
      where.push(`${movementSql(`${previous}.status`, currentStatus(alias))} in (${listed})`);
    }
    if (condition.statusMismatch !== undefined) where.push(`${alias}.status_mismatch = ${param(values, condition.statusMismatch)}`);
  }
  return where;
}

/** `from`/`where` of the list's villages under the parent key `parentKey`, joined to the families it looks at. */
export function listSource(parent: VillageParent, query: VillageListQuery, values: unknown[], parentKey = 'p.key'): { from: string; where: string[] } {
  return villageSource(parent, indexJoins(query, values), parentKey);
}

/** The score a row is sorted by (selected as "sortScore"), or null for CODE. */
export function sortScore(order: VillageOrder): string | null {
  const family = orderFamily(order);
  return family === null ? null : `${LIST_FAMILIES[family].alias}.score`;
}

/**
 * Keyset condition and ORDER BY for a page; the cursor key of a score order is "score|code".
 * `outerOrderBy` orders the page's rows again outside the subquery that cut it, by its output columns.
 */
export function ordering(order: VillageOrder, after: string | null, values: unknown[]): { where: string[]; orderBy: string; outerOrderBy: (alias: string) => string } {
  const score = sortScore(order);
  if (score === null) return { where: after === null ? [] : [`v.code > ${param(values, after)}`], orderBy: 'v.code', outerOrderBy: (alias) => `${alias}.code` };
  const ascending = order.endsWith('_ASC');
  const dir = ascending ? 'asc' : 'desc';
  const orderBy = `${score} ${dir}, v.code`;
  const outerOrderBy = (alias: string) => `${alias}."sortScore" ${dir}, ${alias}.code`;
  if (after === null) return { where: [], orderBy, outerOrderBy };
  const [value, code] = after.split('|');
  const s = param(values, Number(value));
  const c = param(values, code);
  return { where: [`(${score} ${ascending ? '>' : '<'} ${s} or (${score} = ${s} and v.code > ${c}))`], orderBy, outerOrderBy };
}

/** The cursor key of a village row under an order. */
export function villageSortKey(row: { code: string; sortScore?: number }, order: VillageOrder): string {
  return order === 'CODE' ? row.code : `${row.sortScore}|${row.code}`;
}

const VILLAGE_COLUMNS = selectList(VILLAGE_ROW, 'v');

/** Batched pages and counts of village lists: one statement per batch of parents, whatever the page size. */
export class VillageListRepository {
  constructor(private readonly sql: Queryable) {}

  /**
   * One page of villages for every parent key, in one statement: a lateral subquery per key walks
   * the code (or score) index and stops after `first + 1` rows.
   */
  villagePages(parent: VillageParent, keys: readonly string[], query: VillageListQuery, page: PageRequest, order: VillageOrder): Promise<(VillageRow & { parentKey: string; sortScore?: number })[]> {
    const values: unknown[] = [keys];
    const source = listSource(parent, query, values);
    const sort = ordering(order, page.after, values);
    const where = [...source.where, ...listConditions(query, values), ...sort.where];
    const limit = param(values, page.first + 1);
    const score = sortScore(order);
    return this.sql.query(
      `select p.key as "parentKey", v.* from unnest($1::text[]) with ordinality as p(key, n)
       cross join lateral (
         select ${VILLAGE_COLUMNS}${score ? `, ${score} as "sortScore"` : ''} from ${source.from}
         ${where.length ? `where ${where.join(' and ')}` : ''}
         order by ${sort.orderBy} limit ${limit}
       ) v
       order by p.n, ${sort.outerOrderBy('v')}`,
      values,
    );
  }

  /** Number of villages under each parent key matching `query`. */
  villageCounts(parent: VillageParent, keys: readonly string[], query: VillageListQuery): Promise<{ parentKey: string; count: number }[]> {
    const values: unknown[] = [keys];
    const source = listSource(parent, query, values);
    const where = [...source.where, ...listConditions(query, values)];
    return this.sql.query(
      `select p.key as "parentKey", c.count from unnest($1::text[]) as p(key)
       cross join lateral (
         select count(*)::int as count from ${source.from}
         ${where.length ? `where ${where.join(' and ')}` : ''}
       ) c`,
      values,
    );
  }
}
