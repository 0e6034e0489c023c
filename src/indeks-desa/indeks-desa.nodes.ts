import type { NodeKind } from '../graphql/global-id';
import { familyAssessmentId, familyAssessmentNodeKind } from '../index-family/family.nodes';
import { IndexFamilyId } from '../index-family/index-family';
import type { IndeksDesaRow } from './indeks-desa.rows';

/** Global ids of Indeks Desa assessments: `IndeksDesaAssessment:18.07.14.2001:2025` (see index-family/family.nodes.ts). */
export function indeksDesaId(row: Pick<IndeksDesaRow, 'villageCode' | 'year'>): string {
  return familyAssessmentId('IndeksDesaAssessment', row);
}

export const indeksDesaNodeKinds: NodeKind[] = [
  familyAssessmentNodeKind('IndeksDesaAssessment', IndexFamilyId.INDEKS_DESA, (context, year) => context.loaders.indeksDesa.assessment(year)),
];
