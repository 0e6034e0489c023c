import type { Context } from '../graphql/context';
import { pageRequest, toConnection, type PageArgs } from '../graphql/connection';
import { jsonList, type FieldArgs, type ObjectPlan, type PlannerConfig, type PlanScope, type RelationPlan, type Render } from '../graphql/planner';
import { readCode, type RegionLevel } from './region-code';
import { districtQuery, kabupatenQuery } from './region-filter';
import { codeNamedSql, DISTRICT_ROW, districtConditions, KABUPATEN_ROW, kabupatenConditions, PROVINCE_ROW, VILLAGE_ROW, type DistrictQuery, type KabupatenQuery } from './region.repository';
import type { DistrictFilter, DistrictRow, KabupatenFilter, KabupatenRow } from './region.types';

/**
 * How the register is read by the planner (see src/graphql/planner.ts): each level's row, its
 * links up and down as SQL over the parent row, and the root queries. Every statement here walks
 * the same indexes as region.repository.ts, whose SQL builders it shares. Village lists are the
 * village list's (src/village-list/village-list.plan.ts).
 */

/** One child object found by its code, or null. */
function one(table: string, child: string, code: string, render: Render): string {
  return `(select ${render(child)} from ${table} ${child} where ${child}.code = ${code})`;
}

const compactCode = { kind: 'column', sql: (alias: string) => `replace(${alias}.code, '.', '')` } as const;
/** Planned rows are national (the planner plans no program's navigation): the id is the code's. */
const id = { kind: 'resolver', reads: ['code'] } as const;

function up(type: 'Province' | 'Kabupaten' | 'District', table: string, column: string): RelationPlan {
  return { kind: 'relation', type, sql: (_q, parent, child, _args, render) => one(table, child, `${parent}.${column}`, render) };
}

const province: ObjectPlan = {
  columns: PROVINCE_ROW,
  fields: {
    id,
    compactCode,
    kabupatens: {
      kind: 'relation',
      type: 'Kabupaten',
      sql: (_q, parent, child, _args, render) => jsonList(render(child), `${child}.code`, `kabupaten ${child} where ${child}.province_code = ${parent}.code`),
    },
    villageCounts: { kind: 'resolver', reads: ['code'] },
  },
};

const kabupaten: ObjectPlan = {
  columns: KABUPATEN_ROW,
  fields: {
    id,
    compactCode,
    province: up('Province', 'province', 'province_code'),
    districts: {
      kind: 'relation',
      type: 'District',
      sql: (_q, parent, child, _args, render) => jsonList(render(child), `${child}.code`, `district ${child} where ${child}.kabupaten_code = ${parent}.code`),
    },
    villageCounts: { kind: 'resolver', reads: ['code'] },
  },
};

const district: ObjectPlan = {
  columns: DISTRICT_ROW,
  fields: {
    id,
    compactCode,
    kabupaten: up('Kabupaten', 'kabupaten', 'kabupaten_code'),
    province: up('Province', 'province', 'province_code'),
    villageCounts: { kind: 'resolver', reads: ['code'] },
  },
};

const village: ObjectPlan = {
  columns: VILLAGE_ROW,
  fields: {
    id,
    compactCode,
    district: up('District', 'district', 'district_code'),
    kabupaten: up('Kabupaten', 'kabupaten', 'kabupaten_code'),
    province: up('Province', 'province', 'province_code'),
  },
};

/**
 * A root field finding one row of `table` by the code argument, read as the resolver reads it: the
 * Kemendagri code when the register holds it (for a village, also a code it was published under),
 * else the BPS code (codeNamedSql).
 */
function byCode(type: 'Province' | 'Kabupaten' | 'District' | 'Village', table: string, level: RegionLevel): RelationPlan {
  return { kind: 'relation', type, sql: (q, _parent, child, args, render) => one(table, child, codeNamedSql(level, readCode(args.code as string, level), q.values), render) };
}

/** How a root list of a small level reads its filter: parsed as its resolver parses it, then as SQL. */
interface LevelList<Q> {
  table: string;
  alias: 'k' | 'd';
  query(filter: unknown): Q;
  conditions(query: Q, values: unknown[]): string[];
}

const KABUPATEN_LIST: LevelList<KabupatenQuery> = {
  table: 'kabupaten',
  alias: 'k',
  query: (filter) => kabupatenQuery(filter as KabupatenFilter | undefined),
  conditions: kabupatenConditions,
};

const DISTRICT_LIST: LevelList<DistrictQuery> = {
  table: 'district',
  alias: 'd',
  query: (filter) => districtQuery(filter as DistrictFilter | undefined),
  conditions: districtConditions,
};

/**
 * A root page of a small level (kabupaten, kecamatan) in code order: `first + 1` rows under the
 * level's conditions. The page and the filter are checked in the resolver's order, so a malformed
 * code is refused whatever `first` asks; `first: 0` then returns before any parameter is added,
 * since a parameter the statement does not use has no type PostgreSQL can infer.
 */
function codePage<Q>(list: LevelList<Q>, q: PlanScope, child: string, args: FieldArgs, render: Render): string {
  const page = pageRequest(args as PageArgs);
  const query = list.query(args.filter);
  if (page.first === 0) return `'[]'::json`;
  const { table, alias } = list;
  const where = list.conditions(query, q.values);
  if (page.after !== null) where.push(`${alias}.code > ${q.param(page.after)}`);
  const rows = `(select ${alias}.* from ${table} ${alias} ${where.length ? `where ${where.join(' and ')}` : ''} order by ${alias}.code limit ${q.param(page.first + 1)}) ${child}`;
  return jsonList(render(child), `${child}.code`, rows);
}

const roots: Record<string, RelationPlan> = {
  province: byCode('Province', 'province', 'province'),
  provinces: {
    kind: 'relation',
    type: 'Province',
    sql: (_q, _parent, child, _args, render) => jsonList(render(child), `${child}.code`, `province ${child}`),
  },
  kabupaten: byCode('Kabupaten', 'kabupaten', 'kabupaten'),
  kabupatens: {
    kind: 'relation',
    type: 'Kabupaten',
    through: ['edges', 'node'],
    childReads: ['code'],
    sql: (q, _parent, child, args, render) => codePage(KABUPATEN_LIST, q, child, args, render),
    finish: (rows, _source, args, context: Context) => {
      const query = kabupatenQuery(args.filter as KabupatenFilter | undefined);
      return toConnection(rows as KabupatenRow[], pageRequest(args as PageArgs), (r) => r.code, () => context.loaders.region.repository.kabupatenCount(query));
    },
  },
  districts: {
    kind: 'relation',
    type: 'District',
    through: ['edges', 'node'],
    childReads: ['code'],
    sql: (q, _parent, child, args, render) => codePage(DISTRICT_LIST, q, child, args, render),
    finish: (rows, _source, args, context: Context) => {
      const query = districtQuery(args.filter as DistrictFilter | undefined);
      return toConnection(rows as DistrictRow[], pageRequest(args as PageArgs), (r) => r.code, () => context.loaders.region.repository.districtCount(query));
    },
  },
  district: byCode('District', 'district', 'district'),
  village: byCode('Village', 'village', 'village'),
};

export const regionPlans: PlannerConfig = {
  objects: { Province: province, Kabupaten: kabupaten, District: district, Village: village },
  roots,
};
