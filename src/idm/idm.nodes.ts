import type { NodeKind } from '../graphql/global-id';
import { familyAssessmentId, familyAssessmentNodeKind } from '../index-family/family.nodes';
import { IndexFamilyId } from '../index-family/index-family';
import type { AssessmentRow } from './idm.rows';

/**
 * Global ids of IDM assessments: `IdmAssessment:64.02.08.2005:2024` (see index-family/family.nodes.ts);
 * its indicators are parts of it, replaced with it, and have none of their own.
 */

export function assessmentId(row: Pick<AssessmentRow, 'villageCode' | 'year'>): string {
  return familyAssessmentId('IdmAssessment', row);
}

export const idmNodeKinds: NodeKind[] = [familyAssessmentNodeKind('IdmAssessment', IndexFamilyId.IDM, (context, year) => context.loaders.idm.assessment(year))];
