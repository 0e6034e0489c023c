import type DataLoader from 'dataloader';
import type { Context } from '../graphql/context';
import { globalId, type NodeKind } from '../graphql/global-id';
import { regionKey } from '../region/region.nodes';
import { isFamilyYear, type IndexFamilyId } from './index-family';

/**
 * Global ids of assessments, for every family (see src/graphql/global-id.ts): one per desa and
 * year, `IdmAssessment:64.02.08.2005:2024`, `IndeksDesaAssessment:18.07.14.2001:2025`. A rewritten
 * value keeps its id (it is the same desa-year).
 */
export function familyAssessmentId(kind: string, row: { villageCode: string; year: number }): string {
  return globalId(kind, row.villageCode, row.year);
}

/** The node kind of a family's assessments: keys are a desa and a year of that family, read through the family's batched loader. */
export function familyAssessmentNodeKind<Row extends { villageCode: string }>(
  kind: string,
  family: IndexFamilyId,
  loader: (context: Context, year: number) => DataLoader<string, Row | null>,
): NodeKind {
  return {
    kind,
    load: (keys, context) =>
      Promise.all(
        keys.map(async ([key, yearKey, ...rest]) => {
          const code = key === undefined || rest.length > 0 ? undefined : regionKey('Village', key);
          const year = yearKey !== undefined && /^\d{4}$/.test(yearKey) ? Number(yearKey) : undefined;
          if (code === undefined || year === undefined || !isFamilyYear(family, year)) return null;
          // Batched with every assessment of that year the operation reads.
          const row = await loader(context, year).load(code);
          return row && row.villageCode === code ? { type: kind, value: row } : null;
        }),
      ),
  };
}
