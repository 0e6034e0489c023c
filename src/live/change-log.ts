import type { Queryable } from '../db/sql';
import type { IndexFamilyId } from '../index-family/index-family';
import type { IndexMovement as IdmMovement, IndexStatus as IdmStatus } from '../index-family/index-status';
import { codePrefix } from '../region/region-code';
import type { KabupatenKind, VillageKind } from '../region/region.enums';
import type { DistrictRow, KabupatenRow, ProvinceRow, VillageRow } from '../region/region.types';

/**
 * The change log of every index family (table idm_change, one sequence with a `family` column) read as events. Every write path appends to it in the same
 * transaction as the change, under a transaction-level advisory lock, so ids grow in commit order:
 * "every event after id N" never misses one that commits later. The id is the cursor clients hold.
 */
export interface ChangeEvent {
  /** The change-log id, as a decimal string (bigint). */
  id: string;
  /** The index family the change belongs to. */
  family: IndexFamilyId;
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
   * The family's values of the new value beside score and status, as written (Indeks Desa: the six
   * dimensions by name); null for IDM, for retractions and for changes logged before it was kept.
   */
  detail: Record<string, number> | null;
  /**
   * The desa and its parents as they are when the event is read: every subscriber's fresh loaders
   * are primed with them, so resolving `village { ... province { name } }` for thousands of
   * subscribers costs no query per subscriber.
   */
  region: { village: VillageRow; district: DistrictRow; kabupaten: KabupatenRow; province: ProvinceRow };
}

/**
 * Changes with id > `afterId`, oldest first, at most `limit`; with `family`, only that family's (a
 * resume of indeksDesaUpdated across a national IDM import reads none of the import's rows whole).
 */
export async function readChanges(sql: Queryable, afterId: string, limit: number, family?: IndexFamilyId): Promise<ChangeEvent[]> {
  return (await read(sql, null, `c.id > $2::bigint and ($4::index_family is null or c.family = $4) order by c.id limit $3`, [afterId, limit, family ?? null])) as ChangeEvent[];
}

/** The changes with these ids (decimal strings), in id order; ids the log does not hold are absent. */
export async function readChangesById(sql: Queryable, ids: readonly string[]): Promise<ChangeEvent[]> {
  return (await read(sql, null, `c.id = any($2::bigint[]) order by c.id`, [ids])) as ChangeEvent[];
}

/**
 * Every change with id > `afterId`, oldest first, at most `limit`: those of the `whole` families
 * as whole events, the others as scopes (no register rows), for a hub whose subscribers want only
 * some families' changes while its summary watches still need every change's scope.
 */
export function readChangesOf(sql: Queryable, afterId: string, limit: number, whole: ReadonlySet<IndexFamilyId>): Promise<(ChangeEvent | ChangeScope)[]> {
  return read(sql, [...whole], `c.id > $2::bigint order by c.id limit $3`, [afterId, limit]);
}

/**
 * Changes selected by `where` (its parameters from $2 on), as whole events for the `whole` families
 * ($1; null: every family) and as scopes for the others.
 */
async function read(sql: Queryable, whole: IndexFamilyId[] | null, where: string, values: unknown[]): Promise<(ChangeEvent | ChangeScope)[]> {
  const rows = await sql.query<Omit<ChangeEvent, 'districtCode' | 'kabupatenCode' | 'provinceCode' | 'region'> & Record<string, string | null>>(
    `select c.id::text as id, c.family, c.village_code as "villageCode", c.year, c.previous_score as "previousScore", c.previous_status as "previousStatus",
            c.score, c.status, c.movement, c.source_format as "sourceFormat", c.source_file as "sourceFile", c.source_line as "sourceLine",
            c.recorded_by as "recordedBy", c.reason, c.recorded_at as "recordedAt", c.detail,
            coalesce((select array_agg(pv.program_id order by pv.program_id) from program_village pv where pv.village_code = c.village_code), '{}') as "programIds",
            v.name as "villageName", v.kind as "villageKind", d.name as "districtName", k.name as "kabupatenName", k.kind as "kabupatenKind", p.name as "provinceName"
     from idm_change c
     left join village v on v.code = c.village_code and ($1::index_family[] is null or c.family = any($1::index_family[]))
     left join district d on d.code = v.district_code left join kabupaten k on k.code = v.kabupaten_code left join province p on p.code = v.province_code
     where ${where}`,
    [whole, ...values],
  );
  return rows.map(({ villageName, villageKind, districtName, kabupatenName, kabupatenKind, provinceName, ...r }) => {
    // Kemendagri codes carry their parents, so region filters need no join.
    const districtCode = codePrefix(r.villageCode, 3);
    const kabupatenCode = codePrefix(r.villageCode, 2);
    const provinceCode = codePrefix(r.villageCode, 1);
    // A village always exists (the log references it): no name means the row was read as a scope.
    if (villageName == null) return { id: r.id, family: r.family, year: r.year, villageCode: r.villageCode, programIds: r.programIds, districtCode, kabupatenCode, provinceCode };
    return {
      ...r,
      districtCode,
      kabupatenCode,
      provinceCode,
      region: {
        village: { code: r.villageCode, name: villageName, kind: villageKind as VillageKind, districtCode, kabupatenCode, provinceCode },
        district: { code: districtCode, name: districtName!, kabupatenCode, provinceCode },
        kabupaten: { code: kabupatenCode, name: kabupatenName!, kind: kabupatenKind as KabupatenKind, provinceCode },
        province: { code: provinceCode, name: provinceName! },
      },
    };
  });
}

/** What a summary watch needs of a change: where and which year (see LiveHub). */
export type ChangeScope = Pick<ChangeEvent, 'id' | 'family' | 'year' | 'villageCode' | 'districtCode' | 'kabupatenCode' | 'provinceCode' | 'programIds'>;

/** Changes with id > `afterId` as scopes only: no join to the register, for a hub that only watches summaries. */
export async function readChangeScopes(sql: Queryable, afterId: string, limit: number): Promise<ChangeScope[]> {
  const rows = await sql.query<{ id: string; family: IndexFamilyId; year: number; villageCode: string; programIds: number[] }>(
    `select c.id::text as id, c.family, c.year, c.village_code as "villageCode",
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
