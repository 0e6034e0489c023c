import type { FieldPlan, PlannerConfig } from '../graphql/planner';
import { BoundaryDetail } from './geo.enums';
import { DETAIL_COLUMNS, SHAPE_META } from './shape.repository';

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

export const geoPlans: PlannerConfig = {
  objects: {},
  extensions: { Province: SHAPE_FIELDS, Kabupaten: SHAPE_FIELDS, District: SHAPE_FIELDS, Village: SHAPE_FIELDS },
  roots: {},
};
