import { jsonList, type FieldPlan, type ObjectPlan, type PlannerConfig, type RelationPlan } from '../graphql/planner';
import type { RegionLevel } from '../region/region-code';
import { BoundaryDetail } from './geo.enums';
import { checkNearestArgs, checkPoint, type NearestVillagesArgs } from './geo.types';
import { AT_COLUMNS, DETAIL_COLUMNS, nearestVillagesSql, regionCodesAtSql, SHAPE_META } from './shape.repository';

/**
 * The shape fields in the planner's one statement (src/graphql/planner.ts): each a lookup of the
 * region's row in region_shape by its primary key, on every register type.
 */

function ofShape(sql: (s: string) => string): (alias: string) => string {
  // region_shape.code is COLLATE "C" as the register's codes are, so region_shape_pkey serves the lookup.
  return (alias) => `(select ${sql('s')} from region_shape s where s.code = ${alias}.code)`;
}

const SHAPE_FIELDS: Record<string, FieldPlan> = {
  boundary: { kind: 'column', sql: (alias, args) => ofShape((s) => `${s}.${DETAIL_COLUMNS[(args.detail as BoundaryDetail | undefined) ?? BoundaryDetail.MEDIUM]}`)(alias) },
  bbox: { kind: 'column', sql: ofShape(SHAPE_META.bbox) },
  center: { kind: 'column', sql: ofShape(SHAPE_META.center) },
  areaKm2: { kind: 'column', sql: ofShape(SHAPE_META.areaKm2) },
};

/** A register row found by a code column of the parent row (null when the column is). */
function byCodeColumn(type: 'Province' | 'Kabupaten' | 'District' | 'Village', table: string, column: string): RelationPlan {
  return { kind: 'relation', type, sql: (_q, parent, child, _args, render) => `(select ${render(child)} from ${table} ${child} where ${child}.code = ${parent}.${column})` };
}

const TABLES: Record<RegionLevel, { type: 'Province' | 'Kabupaten' | 'District' | 'Village'; table: string }> = {
  province: { type: 'Province', table: 'province' },
  kabupaten: { type: 'Kabupaten', table: 'kabupaten' },
  district: { type: 'District', table: 'district' },
  village: { type: 'Village', table: 'village' },
};

/** The row of regionCodesAtSql: one code column per level, each region read from the register. */
const regionAt: ObjectPlan = {
  columns: {},
  fields: Object.fromEntries((Object.keys(TABLES) as RegionLevel[]).map((level) => [level, byCodeColumn(TABLES[level].type, TABLES[level].table, AT_COLUMNS[level])])),
};

const villageDistance: ObjectPlan = {
  columns: { distanceKm: '"distanceKm"', code: 'code' },
  fields: { village: byCodeColumn('Village', 'village', 'code') },
};

export const geoPlans: PlannerConfig = {
  objects: { RegionAt: regionAt, VillageDistance: villageDistance },
  extensions: { Province: SHAPE_FIELDS, Kabupaten: SHAPE_FIELDS, District: SHAPE_FIELDS, Village: SHAPE_FIELDS },
  roots: {
    // The point lookup and the regions it finds, with whatever the query selects of them, in one statement.
    regionAt: {
      kind: 'relation',
      type: 'RegionAt',
      sql: (q, _parent, child, args, render) => {
        checkPoint(args.lat as number, args.lng as number);
        return `(select ${render(child)} from ${regionCodesAtSql(`${q.param(args.lng)}::float8`, `${q.param(args.lat)}::float8`)} ${child})`;
      },
    },
    nearestVillages: {
      kind: 'relation',
      type: 'VillageDistance',
      sql: (q, _parent, child, args, render) => {
        const a = args as unknown as NearestVillagesArgs;
        checkNearestArgs(a);
        const from = nearestVillagesSql(`${q.param(a.lng)}::float8`, `${q.param(a.lat)}::float8`, `${q.param(a.first)}::int`, `${q.param(a.withinKm ?? Number.MAX_VALUE)}::float8`);
        return jsonList(render(child), `${child}."distanceKm", ${child}.code`, `${from} ${child}`);
      },
    },
  },
};
