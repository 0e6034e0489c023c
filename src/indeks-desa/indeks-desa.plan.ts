import { jsonList, type PlannerConfig, type RelationPlan } from '../graphql/planner';
import { checkFamilyYear } from '../index-family/family-reads';
import { IndexFamilyId } from '../index-family/index-family';
import { DIMENSION_COLUMNS, INDEKS_DESA_ROW } from './indeks-desa.rows';

/** How the planner reads a desa's Indeks Desa inside the village list's statement, as idm.plan.ts does for IDM. */

/** An object type made of columns of its parent's row. */
const embedded = (type: string): RelationPlan => ({ kind: 'relation', type, sql: (_q, parent, _child, _args, render) => render(parent) });

export const indeksDesaPlans: PlannerConfig = {
  extensions: {
    Village: {
      indeksDesa: {
        kind: 'relation',
        type: 'IndeksDesaAssessment',
        sql: (q, parent, child, args, render) => {
          const year = args.year == null ? null : checkFamilyYear(IndexFamilyId.INDEKS_DESA, args.year as number);
          const from = `indeks_desa_assessment ${child} where ${child}.village_code = ${parent}.code`;
          return year === null ? `(select ${render(child)} from ${from} order by ${child}.year desc limit 1)` : `(select ${render(child)} from ${from} and ${child}.year = ${q.param(year)})`;
        },
      },
      indeksDesaHistory: {
        kind: 'relation',
        type: 'IndeksDesaAssessment',
        sql: (_q, parent, child, _args, render) => jsonList(render(child), `${child}.year`, `indeks_desa_assessment ${child} where ${child}.village_code = ${parent}.code`),
      },
    },
  },
  objects: {
    IndeksDesaAssessment: {
      columns: INDEKS_DESA_ROW,
      fields: {
        id: { kind: 'resolver', reads: ['villageCode', 'year'] },
        dimensions: embedded('IndeksDesaDimensions'),
        // IdmProvenance's plan (idm.plan.ts) reads the same provenance columns.
        provenance: embedded('IdmProvenance'),
        village: {
          kind: 'relation',
          type: 'Village',
          sql: (_q, parent, child, _args, render) => `(select ${render(child)} from village ${child} where ${child}.code = ${parent}.village_code)`,
        },
      },
    },
    IndeksDesaDimensions: {
      columns: DIMENSION_COLUMNS,
      fields: {},
    },
  },
  roots: {},
};
