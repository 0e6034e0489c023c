import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { jsonList, type PlannerConfig } from '../graphql/planner';
import { VillageType, type VillageRow } from '../region/region.types';
import { StatusTrackEntryType } from './family.types';
import { trackRows } from './status-track.loaders';

/**
 * A desa's status track: every assessed year of every family in order (IDM 2021–2024, then the
 * Indeks Desa 2025), so a desa page shows the transition without pretending the scores compare.
 */

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
