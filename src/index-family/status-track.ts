import type DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Queryable } from '../db/sql';
import type { Context } from '../graphql/context';
import { groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import { jsonList, type PlannerConfig } from '../graphql/planner';
import { VillageType, type VillageRow } from '../region/region.types';
import { ASSESSMENT_TABLES } from './family-reads';
import type { IndexFamilyId } from './index-family';
import { StatusTrackEntryType } from './family.types';

/**
 * A desa's status track: every assessed year of every family in order (IDM 2021–2024, then the
 * Indeks Desa 2025), so a desa page shows the transition without pretending the scores compare.
 */

/** The rows of the track, over every family's table, for the villages `villages` (an SQL expression yielding codes). */
function trackRows(where: (table: string) => string): string {
  return (Object.entries(ASSESSMENT_TABLES) as [IndexFamilyId, string][])
    .map(([family, table]) => `select t.village_code, t.year, '${family}'::index_family as index, coalesce(t.status, t.derived_status) as status, t.score from ${table} t where ${where('t')}`)
    .join(' union all ');
}

export class StatusTrackLoaders {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly sql: Queryable,
  ) {}

  get track(): DataLoader<string, (StatusTrackEntryType & { villageCode: string })[]> {
    return this.registry.get('statusTrack', async (codes: readonly string[]) => {
      const rows = await this.sql.query<StatusTrackEntryType & { villageCode: string }>(
        `select village_code as "villageCode", year, index, status, score from (${trackRows((t) => `${t}.village_code = any($1::text[])`)}) r order by village_code, year, index`,
        [codes],
      );
      return groupByKeys(codes, rows, (r) => r.villageCode);
    });
  }
}

@Resolver(() => VillageType)
export class VillageStatusTrackResolver {
  @FieldResolver(() => [StatusTrackEntryType], {
    description: 'Every assessed year of this desa in either index family, oldest first: IDM to 2024, then the Indeks Desa from 2025. Compare statuses across the change, not scores.',
  })
  statusTrack(@Root() village: VillageRow, @Ctx() context: Context): Promise<StatusTrackEntryType[]> {
    return context.loaders.statusTrack.track.load(village.code);
  }
}

/** The planner reads the track inside the village list's statement (see src/graphql/planner.ts). */
export const statusTrackPlans: PlannerConfig = {
  extensions: {
    Village: {
      statusTrack: {
        kind: 'relation',
        type: 'StatusTrackEntry',
        sql: (_q, parent, child, _args, render) => jsonList(render(child), `${child}.year, ${child}.index`, `(${trackRows((t) => `${t}.village_code = ${parent}.code`)}) ${child}`),
      },
    },
  },
  objects: { StatusTrackEntry: { columns: { year: 'year', index: 'index', status: 'status', score: 'score' }, fields: {} } },
  roots: {},
};

declare module '../graphql/context' {
  interface Loaders {
    statusTrack: StatusTrackLoaders;
  }
}
