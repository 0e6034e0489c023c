import type { Sql } from '../db/sql';
import type { IdmMovement } from '../idm/idm.entity';
import type { IdmStatus } from '../idm/idm-status';
import { codePrefix } from '../region/region-code';

/**
 * The IDM change log (table idm_change) read as events. Every write path appends to it in the same
 * transaction as the change, under a transaction-level advisory lock, so ids grow in commit order:
 * "every event after id N" never misses one that commits later. The id is the cursor clients hold.
 */
export interface ChangeEvent {
  /** The change-log id, as a decimal string (bigint). */
  id: string;
  villageCode: string;
  districtCode: string;
  kabupatenCode: string;
  provinceCode: string;
  /** Programs the village is enrolled in when the event is read. */
  programIds: number[];
  year: number;
  previousScore: number | null;
  previousStatus: IdmStatus | null;
  score: number;
  status: IdmStatus;
  movement: IdmMovement;
  sourceFormat: string;
  sourceFile: string;
  recordedAt: Date;
}

/** Changes with id > `afterId`, oldest first, at most `limit`. */
export async function readChanges(sql: Sql, afterId: string, limit: number): Promise<ChangeEvent[]> {
  const rows = await sql.query<Omit<ChangeEvent, 'districtCode' | 'kabupatenCode' | 'provinceCode'>>(
    `select c.id::text as id, c.village_code as "villageCode", c.year, c.previous_score as "previousScore", c.previous_status as "previousStatus",
            c.score, c.status, c.movement, c.source_format as "sourceFormat", c.source_file as "sourceFile", c.recorded_at as "recordedAt",
            coalesce((select array_agg(pv.program_id order by pv.program_id) from program_village pv where pv.village_code = c.village_code), '{}') as "programIds"
     from idm_change c where c.id > $1::bigint order by c.id limit $2`,
    [afterId, limit],
  );
  // Kemendagri codes carry their parents, so region filters need no join.
  return rows.map((r) => ({ ...r, districtCode: codePrefix(r.villageCode, 3), kabupatenCode: codePrefix(r.villageCode, 2), provinceCode: codePrefix(r.villageCode, 1) }));
}

export async function latestChangeId(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from idm_change`);
  return row!.id;
}
