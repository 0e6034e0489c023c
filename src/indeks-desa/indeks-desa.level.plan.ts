import type { PlannerConfig } from '../graphql/planner';

/** The Indeks Desa's level fields and the published year are batched resolvers, found by the region's code. */
const byCode = { kind: 'resolver', reads: ['code'] } as const;

export const indeksDesaLevelPlans: PlannerConfig = {
  extensions: {
    Province: { indeksDesaSummary: byCode, indeksDesaRanking: byCode, latestPublishedYear: byCode, publishedYears: byCode },
    Kabupaten: { indeksDesaSummary: byCode, indeksDesaRanking: byCode, latestPublishedYear: byCode, publishedYears: byCode },
    District: { indeksDesaSummary: byCode, latestPublishedYear: byCode },
  },
  objects: {},
  roots: {},
};
