import type pg from 'pg';
import type { RegionLevel } from '../region/region-code';
import { pgBox, pgPolygon, polygonsOf } from './geometry';
import type { ShapeRecord } from './shape-record';

/**
 * The one write path of region shapes, inside the caller's transaction: records are staged (in
 * chunks, as arrays), then merged in one statement that writes only the regions whose digest
 * differs, and the polygon parts of those regions are replaced. A second import of the same files
 * writes nothing (and so does not move the data version).
 */

/** Records staged per statement: 2,000 desa polygons are a few MB of parameters. */
const CHUNK = 2_000;

export type LevelCounts = Record<RegionLevel, { inserted: number; updated: number; unchanged: number }>;

export function emptyLevelCounts(): LevelCounts {
  const zero = () => ({ inserted: 0, updated: 0, unchanged: 0 });
  return { province: zero(), kabupaten: zero(), district: zero(), village: zero() };
}

export class ShapeWriter {
  private staged = 0;

  private constructor(private readonly client: pg.ClientBase) {}

  /** Opens the staging tables in the transaction of `client` (dropped at its end). */
  static async open(client: pg.ClientBase): Promise<ShapeWriter> {
    await client.query(`create temp table shape_stage (like region_shape excluding defaults) on commit drop`);
    await client.query(`create temp table shape_part_stage (like region_shape_part excluding defaults) on commit drop`);
    return new ShapeWriter(client);
  }

  async stage(records: readonly ShapeRecord[]): Promise<void> {
    for (let at = 0; at < records.length; at += CHUNK) await this.stageChunk(records.slice(at, at + CHUNK));
  }

  private async stageChunk(records: readonly ShapeRecord[]): Promise<void> {
    await this.client.query(
      `insert into shape_stage (code, level, shape_full, shape_medium, shape_low, bbox, center, area_km2, digest, source, imported_at)
       select code, level, f::json, m::json, l::json, b::box, point(x, y), a, d, s, now()
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::float8[], $10::text[], $11::text[])
         as t(code, level, f, m, l, b, x, y, a, d, s)`,
      [
        records.map((r) => r.code),
        records.map((r) => r.level),
        records.map((r) => JSON.stringify(r.geometry)),
        records.map((r) => JSON.stringify(r.medium)),
        records.map((r) => JSON.stringify(r.low)),
        records.map((r) => pgBox(r.bbox)),
        records.map((r) => r.center[0]),
        records.map((r) => r.center[1]),
        records.map((r) => r.areaKm2),
        records.map((r) => r.digest),
        records.map((r) => r.source),
      ],
    );
    const parts: { code: string; level: string; part: number; outer: string; holes: string; bbox: string }[] = [];
    for (const r of records) {
      polygonsOf(r.geometry).forEach((polygon, part) => {
        const outer = polygon[0]!;
        let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
        for (const [x, y] of outer) [west, south, east, north] = [Math.min(west, x!), Math.min(south, y!), Math.max(east, x!), Math.max(north, y!)];
        // A polygon[] literal: each element quoted, as array elements holding commas must be.
        const holes = `{${polygon.slice(1).map((ring) => `"${pgPolygon(ring)}"`).join(',')}}`;
        parts.push({ code: r.code, level: r.level, part, outer: pgPolygon(outer), holes, bbox: pgBox({ west, south, east, north }) });
      });
    }
    await this.client.query(
      `insert into shape_part_stage (code, level, part, outer_ring, holes, bbox)
       select code, level, part, o::polygon, h::polygon[], b::box from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) as t(code, level, part, o, h, b)`,
      [parts.map((p) => p.code), parts.map((p) => p.level), parts.map((p) => p.part), parts.map((p) => p.outer), parts.map((p) => p.holes), parts.map((p) => p.bbox)],
    );
    this.staged += records.length;
  }

  /** Writes what differs from what is stored; counts by level. */
  async merge(): Promise<LevelCounts> {
    const counts = emptyLevelCounts();
    if (this.staged === 0) return counts;
    await this.client.query(`create temp table shape_written (code text collate "C" primary key, level text, inserted boolean) on commit drop`);
    // A statement-level trigger bumps the data version even for no row: a run with nothing new leaves it alone.
    const [{ differs }] = (
      await this.client.query<{ differs: boolean }>(`select exists (select 1 from shape_stage st left join region_shape s on s.code = st.code where s.digest is distinct from st.digest) as differs`)
    ).rows as [{ differs: boolean }];
    if (differs) await this.writeDiffering();
    const { rows } = await this.client.query<{ level: RegionLevel; inserted: string; updated: string; unchanged: string }>(
      `select st.level,
              count(*) filter (where w.inserted)::text as inserted,
              count(*) filter (where not w.inserted)::text as updated,
              count(*) filter (where w.code is null)::text as unchanged
       from shape_stage st left join shape_written w on w.code = st.code
       group by st.level`,
    );
    for (const row of rows) counts[row.level] = { inserted: Number(row.inserted), updated: Number(row.updated), unchanged: Number(row.unchanged) };
    return counts;
  }

  /** Upserts the staged regions whose digest differs, and replaces their polygon parts whole (a region may have more or fewer than before). */
  private async writeDiffering(): Promise<void> {
    await this.client.query(
      `with written as (
         insert into region_shape as s (code, level, shape_full, shape_medium, shape_low, bbox, center, area_km2, digest, source, imported_at)
         select code, level, shape_full, shape_medium, shape_low, bbox, center, area_km2, digest, source, imported_at from shape_stage
         on conflict (code) do update set
           level = excluded.level, shape_full = excluded.shape_full, shape_medium = excluded.shape_medium, shape_low = excluded.shape_low,
           bbox = excluded.bbox, center = excluded.center, area_km2 = excluded.area_km2, digest = excluded.digest,
           source = excluded.source, imported_at = excluded.imported_at
         where s.digest is distinct from excluded.digest
         returning s.code, s.level, (xmax = 0) as inserted
       )
       insert into shape_written select code, level, inserted from written`,
    );
    await this.client.query(`delete from region_shape_part p using shape_written w where p.code = w.code and not w.inserted`);
    await this.client.query(
      `insert into region_shape_part (code, level, part, outer_ring, holes, bbox)
       select st.code, st.level, st.part, st.outer_ring, st.holes, st.bbox from shape_part_stage st join shape_written w on w.code = st.code`,
    );
  }
}
