import type { Queryable } from '../db/sql';
import type { IdmMovement } from '../idm/idm-status';
import type { IdmStatus } from '../idm/idm-status';
import { codePrefix } from '../region/region-code';
import type { KabupatenKind, VillageKind } from '../region/region.enums';
import type { DistrictRow, KabupatenRow, ProvinceRow, VillageRow } from '../region/region.types';

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
  /** Null for a retraction (movement RETRACTED). */
  score: number | null;
  status: IdmStatus | null;
  movement: IdmMovement;
  sourceFormat: string;
  sourceFile: string;
  sourceLine: number | null;
  recordedBy: string;
  /** Why a value was retracted; null for writes. */
  reason: string | null;
  recordedAt: Date;
  /**
   * The desa and its parents as they are when the event is read: every subscriber's fresh loaders
   * are primed with them, so resolving `village { ... province { name } }` for thousands of
   * subscribers costs no query per subscriber.
   */
  region: { village: VillageRow; district: DistrictRow; kabupaten: KabupatenRow; province: ProvinceRow };
}

/** Changes with id > `afterId`, oldest first, at most `limit`. */
export function readChanges(sql: Queryable, afterId: string, limit: number): Promise<ChangeEvent[]> {
  return queryChanges(sql, `c.id > $1::bigint order by c.id limit $2`, [afterId, limit]);
}

/** The changes with these ids (decimal strings), in id order; ids the log does not hold are absent. */
export function readChangesById(sql: Queryable, ids: readonly string[]): Promise<ChangeEvent[]> {
  return queryChanges(sql, `c.id = any($1::bigint[]) order by c.id`, [ids]);
}

async function queryChanges(sql: Queryable, where: string, values: unknown[]): Promise<ChangeEvent[]> {
  const rows = await sql.query<Omit<ChangeEvent, 'districtCode' | 'kabupatenCode' | 'provinceCode' | 'region'> & Record<string, string>>(
    `select c.id::text as id, c.village_code as "villageCode", c.year, c.previous_score as "previousScore", c.previous_status as "previousStatus",
            c.score, c.status, c.movement, c.source_format as "sourceFormat", c.source_file as "sourceFile", c.source_line as "sourceLine",
            c.recorded_by as "recordedBy", c.reason, c.recorded_at as "recordedAt",
            coalesce((select array_agg(pv.program_id order by pv.program_id) from program_village pv where pv.village_code = c.village_code), '{}') as "programIds",
            v.name as "villageName", v.kind as "villageKind", d.name as "districtName", k.name as "kabupatenName", k.kind as "kabupatenKind", p.name as "provinceName"
     from idm_change c
     join village v on v.code = c.village_code join district d on d.code = v.district_code
     join kabupaten k on k.code = v.kabupaten_code join province p on p.code = v.province_code
     where ${where}`,
    values,
  );
  return rows.map(({ villageName, villageKind, districtName, kabupatenName, kabupatenKind, provinceName, ...r }) => {
    // Kemendagri codes carry their parents, so region filters need no join.
    const districtCode = codePrefix(r.villageCode, 3);
    const kabupatenCode = codePrefix(r.villageCode, 2);
    const provinceCode = codePrefix(r.villageCode, 1);
    return {
      ...r,
      districtCode,
      kabupatenCode,
      provinceCode,
      region: {
        village: { code: r.villageCode, name: villageName!, kind: villageKind as VillageKind, districtCode, kabupatenCode, provinceCode },
        district: { code: districtCode, name: districtName!, kabupatenCode, provinceCode },
        kabupaten: { code: kabupatenCode, name: kabupatenName!, kind: kabupatenKind as KabupatenKind, provinceCode },
        province: { code: provinceCode, name: provinceName! },
      },
    };
  });
}

/** What a summary watch needs of a change: where and which year (see LiveHub). */
export type ChangeScope = Pick<ChangeEvent, 'id' | 'year' | 'villageCode' | 'districtCode' | 'kabupatenCode' | 'provinceCode' | 'programIds'>;

/** Changes with id > `afterId` as scopes only: no join to the register, for a hub that only watches summaries. */
export async function readChangeScopes(sql: Queryable, afterId: string, limit: number): Promise<ChangeScope[]> {
  const rows = await sql.query<{ id: string; year: number; villageCode: string; programIds: number[] }>(
    `select c.id::text as id, c.year, c.village_code as "villageCode",
            coalesce((select array_agg(pv.program_id) from program_village pv where pv.village_code = c.village_code), '{}') as "programIds"
     from idm_change c where c.id > $1::bigint order by c.id limit $2`,
    [afterId, limit],
  );
  return rows.map((r) => ({
    ...r,
    districtCode: codePrefix(r.villageCode, 3),
    kabupatenCode: codePrefix(r.villageCode, 2),
    provinceCode: codePrefix(r.villageCode, 1),
  }));
}

export async function latestChangeId(sql: Queryable): Promise<string> {
  const [row] = await sql.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from idm_change`);
  return row!.id;
}
