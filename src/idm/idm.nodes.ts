import { globalId, type NodeKind } from '../graphql/global-id';
import { regionKey } from '../region/region.nodes';
import { isAssessmentYear } from './idm.rules';
import type { AssessmentRow } from './idm.rows';

/**
 * Global ids of IDM assessments (see src/graphql/global-id.ts): one per desa and year,
 * `IdmAssessment:64.02.08.2005:2024`. A rewritten value keeps its id (it is the same desa-year);
 * its indicators are parts of it, replaced with it, and have none of their own.
 */

export function assessmentId(row: Pick<AssessmentRow, 'villageCode' | 'year'>): string {
  return globalId('IdmAssessment', row.villageCode, row.year);
}

export const idmNodeKinds: NodeKind[] = [
  {
    kind: 'IdmAssessment',
    load: (keys, context) =>
      Promise.all(
        keys.map(async ([key, yearKey, ...rest]) => {
          const code = key === undefined || rest.length > 0 ? undefined : regionKey('Village', key);
          const year = yearKey !== undefined && /^\d{4}$/.test(yearKey) ? Number(yearKey) : undefined;
          if (code === undefined || year === undefined || !isAssessmentYear(year)) return null;
          // Batched with every assessment of that year the operation reads.
          const row = await context.loaders.idm.assessment(year).load(code);
          return row && row.villageCode === code ? { type: 'IdmAssessment', value: row } : null;
        }),
      ),
  },
];
