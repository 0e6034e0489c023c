import type DataLoader from 'dataloader';
import type { Queryable } from '../db/sql';
import { groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import { ASSESSMENT_TABLES } from './family-reads';
import type { IndexFamilyId } from './index-family';
import type { IndexStatus } from './index-status';

/** One year of a desa's status track (see status-track.ts). */
export interface StatusTrackRow {
  villageCode: string;
  year: number;
  index: IndexFamilyId;
  status: IndexStatus;
  score: number;
}

/** The rows of the track, over every family's table, for the villages `villages` (an SQL expression yielding codes). */
export function trackRows(where: (table: string) => string): string {
  return (Object.entries(ASSESSMENT_TABLES) as [IndexFamilyId, string][])
    .map(([family, table]) => `select t.village_code, t.year, '${family}'::index_family as index, coalesce(t.status, t.derived_status) as status, t.score from ${table} t where ${where('t')}`)
    .join(' union all ');
}

export class StatusTrackLoaders {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly sql: Queryable,
  ) {}

  get track(): DataLoader<string, StatusTrackRow[]> {
    return this.registry.get('statusTrack', async (codes: readonly string[]) => {
      const rows = await this.sql.query<StatusTrackRow>(
        `select village_code as "villageCode", year, index, status, score from (${trackRows((t) => `${t}.village_code = any($1::text[])`)}) r order by village_code, year, index`,
        [codes],
      );
      return groupByKeys(codes, rows, (r) => r.villageCode);
    });
  }
}

declare module '../graphql/context' {
  interface Loaders {
    statusTrack: StatusTrackLoaders;
  }
}
