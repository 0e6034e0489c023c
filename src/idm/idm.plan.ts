import { jsonList, type FieldPlan, type ObjectPlan, type PlannerConfig, type RelationPlan } from '../graphql/planner';
import { ASSESSMENT_ROW, INDICATOR_ROW } from './idm.repository';
import { checkYear } from './idm-year';
import { historyWithChanges } from './idm.resolver';
import type { AssessmentRow } from './idm.rows';

/**
 * How IDM is read by the planner (see src/graphql/planner.ts): a desa's assessment of a year or its
 * latest, its history, the indicators of an assessment. Summaries stay with their batched resolvers.
 */

/** An object type made of columns of its parent's row (no table of its own). */
function embedded(type: string): RelationPlan {
  return { kind: 'relation', type, sql: (_q, parent, _child, _args, render) => render(parent) };
}

/** Summaries and rankings are found by the region's code. */
const summary = { kind: 'resolver', reads: ['code'] } as const;

const villageFields: Record<string, FieldPlan> = {
  idm: {
    kind: 'relation',
    type: 'IdmAssessment',
    sql: (q, parent, child, args, render) => {
      const year = args.year == null ? null : checkYear(args.year as number);
      // The (village_code, year) unique index serves both: one year, or the newest first.
      return year === null
        ? `(select ${render(child)} from idm_assessment ${child} where ${child}.village_code = ${parent}.code order by ${child}.year desc limit 1)`
        : `(select ${render(child)} from idm_assessment ${child} where ${child}.village_code = ${parent}.code and ${child}.year = ${q.param(year)})`;
    },
  },
  idmHistory: {
    kind: 'relation',
    type: 'IdmAssessment',
    sql: (_q, parent, child, _args, render) => jsonList(render(child), `${child}.year`, `idm_assessment ${child} where ${child}.village_code = ${parent}.code`),
    // The change against the year before is computed from these.
    childReads: ['score', 'status', 'derivedStatus'],
    finish: (rows) => historyWithChanges(rows as AssessmentRow[]),
  },
};

const assessment: ObjectPlan = {
  columns: ASSESSMENT_ROW,
  fields: {
    id: { kind: 'resolver', reads: ['villageCode', 'year'] },
    village: {
      kind: 'relation',
      type: 'Village',
      sql: (_q, parent, child, _args, render) => `(select ${render(child)} from village ${child} where ${child}.code = ${parent}.village_code)`,
    },
    source: embedded('IdmSource'),
    provenance: embedded('IdmProvenance'),
    // Set on history rows by idmHistory's finish; elsewhere loaded against the previous assessed year.
    change: { kind: 'resolver', reads: ['villageCode', 'year', 'score', 'status', 'derivedStatus'] },
    indicators: {
      kind: 'relation',
      type: 'IdmIndicator',
      sql: (q, parent, child, args, render) => {
        const index = args.index == null ? '' : ` and ${child}.index = ${q.param(args.index)}`;
        return jsonList(render(child), `${child}.index, ${child}.number`, `idm_indicator ${child} where ${child}.assessment_id = ${parent}.id${index}`);
      },
    },
  },
};

const source: ObjectPlan = {
  columns: { format: 'source_format', file: 'source_file', line: 'source_line', publishedCode: 'published_code', note: 'note' },
  fields: {},
};

const provenance: ObjectPlan = {
  columns: { format: 'source_format', file: 'source_file', line: 'source_line', recordedBy: 'recorded_by', recordedAt: 'recorded_at' },
  fields: {},
};

const indicator: ObjectPlan = {
  columns: INDICATOR_ROW,
  fields: { actors: embedded('IdmActors') },
};

const actors: ObjectPlan = {
  columns: { pusat: 'actor_pusat', provinsi: 'actor_provinsi', kabupaten: 'actor_kabupaten', desa: 'actor_desa', csr: 'actor_csr', lainnya: 'actor_lainnya' },
  fields: {},
};

export const idmPlans: PlannerConfig = {
  extensions: {
    Village: villageFields,
    Province: { idmSummary: summary, idmRanking: summary },
    Kabupaten: { idmSummary: summary, idmRanking: summary },
    District: { idmSummary: summary },
  },
  objects: {
    IdmAssessment: assessment,
    IdmSource: source,
    IdmProvenance: provenance,
    IdmIndicator: indicator,
    IdmActors: actors,
  },
  roots: {},
};
