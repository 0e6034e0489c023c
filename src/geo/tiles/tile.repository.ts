import type { Geometry } from 'geojson';
import type { Queryable } from '../../db/sql';
import type { LngLatBox } from './tile-math';
import { detailForZoom, type ShapeLevel, type TileLayer } from './tile-layers';

/** A region's shape as a tile reads it. */
export interface ShapeFeature {
  code: string;
  name: string;
  geometry: Geometry;
}

/** Indonesia's extent, for a level with no shapes yet (Sabang to Merauke, Miangas to Pulau Dana). */
export const INDONESIA_BOUNDS: LngLatBox = Object.freeze({ west: 94.97, south: -11.01, east: 141.02, north: 6.08 });

/** The reads of region_shape a tile needs: the shapes in a box, what version they are at, their extent. */
export class TileRepository {
  constructor(private readonly sql: Queryable) {}

  /**
   * The shapes of `layer` whose bounding box meets `box`, at the detail of zoom `z`, named by the
   * register. The level is written into the statement, not passed: only then does the planner use
   * that level's partial GiST index on bbox (a parameter would give a generic plan over all levels).
   */
  async features(layer: TileLayer, z: number, box: LngLatBox): Promise<ShapeFeature[]> {
    const column = `shape_${detailForZoom(z)}`;
    return this.sql.query<ShapeFeature>(
      `select s.code, coalesce(r.name, s.code) as name, s.${column} as geometry
       from region_shape s left join ${layer.registerTable} r on r.code = s.code
       where s.level = '${layer.level}' and s.bbox && box(point($1, $2), point($3, $4))`,
      [box.west, box.south, box.east, box.north],
    );
  }

  /**
   * A text that changes whenever the level's shapes do: every write of the importer sets
   * imported_at (it skips shapes whose digest is unchanged), and a delete lowers the count. Read
   * from the (level, imported_at) index alone.
   */
  async version(level: ShapeLevel): Promise<string> {
    const [row] = await this.sql.query<{ version: string }>(
      `select count(*)::text || '@' || coalesce((extract(epoch from max(imported_at)) * 1000000)::bigint::text, '') as version from region_shape where level = '${level}'`,
    );
    return row!.version;
  }

  /** The extent of a level's shapes (in `box`, point 0 is the upper right corner, point 1 the lower left), or null without shapes. */
  async bounds(level: ShapeLevel): Promise<LngLatBox | null> {
    const [row] = await this.sql.query<{ west: number | null; south: number; east: number; north: number }>(
      `select min((bbox[1])[0]) as west, min((bbox[1])[1]) as south, max((bbox[0])[0]) as east, max((bbox[0])[1]) as north
       from region_shape where level = '${level}'`,
    );
    return row && row.west !== null ? (row as LngLatBox) : null;
  }
}
