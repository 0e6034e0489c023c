import type { Queryable } from '../db/sql';
import type { RegionLevel } from '../region/region-code';
import { BoundaryDetail } from './geo.enums';
import type { BBox, RegionGeometry } from './geometry';

/**
 * The reads of region shapes, as plain rows, on core PostgreSQL: `box` and `point` with GiST
 * indexes (one partial index per level, so every statement names its level as a literal).
 */

/** The column of each detail. */
export const DETAIL_COLUMNS: Readonly<Record<BoundaryDetail, string>> = Object.freeze({
  [BoundaryDetail.LOW]: 'shape_low',
  [BoundaryDetail.MEDIUM]: 'shape_medium',
  [BoundaryDetail.FULL]: 'shape_full',
});

const LEVELS: readonly RegionLevel[] = ['province', 'kabupaten', 'district', 'village'];

/** Mean Earth radius of WGS 84 (IUGG), km: the great-circle distances' sphere. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Km per degree of latitude on that sphere. */
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/** SQL of a region_shape row aliased `s`: its bounding box, point inside and area, as the GraphQL types read them. */
export const SHAPE_META = {
  bbox: (s: string) => `json_build_object('west', (${s}.bbox[1])[0], 'south', (${s}.bbox[1])[1], 'east', (${s}.bbox[0])[0], 'north', (${s}.bbox[0])[1])`,
  center: (s: string) => `json_build_object('lat', ${s}.center[1], 'lng', ${s}.center[0])`,
  areaKm2: (s: string) => `${s}.area_km2`,
} as const;

/** Great-circle distance in km from the point ($lng, $lat) to `center` (haversine). */
export function distanceKmSql(center: string, lng: string, lat: string): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(sqrt(power(sin(radians(${center}[1] - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${center}[1])) * power(sin(radians(${center}[0] - ${lng}) / 2), 2))))`;
}

/**
 * The condition "village `v`'s centre lies in `box`" (edges included), as a semi-join the planner
 * can drive from the centres' GiST index (a viewport) or probe per village (a small list).
 */
export function withinBox(box: BBox, values: unknown[]): string {
  values.push(box.west, box.south, box.east, box.north);
  const n = values.length;
  return `v.code in (select s.code from region_shape s where s.level = 'village' and s.center <@ box(point($${n - 3}::float8, $${n - 2}::float8), point($${n - 1}::float8, $${n}::float8)))`;
}

export interface ShapeMetaRow {
  code: string;
  bbox: BBox;
  center: { lat: number; lng: number };
  areaKm2: number;
}

export class ShapeRepository {
  constructor(private readonly sql: Queryable) {}

  /** The geometry at `detail` of each code that has a shape. */
  async boundaries(codes: readonly string[], detail: BoundaryDetail): Promise<{ code: string; geometry: RegionGeometry }[]> {
    return this.sql.query(`select code, ${DETAIL_COLUMNS[detail]} as geometry from region_shape where code = any($1::text[])`, [codes]);
  }

  async meta(codes: readonly string[]): Promise<ShapeMetaRow[]> {
    return this.sql.query(
      `select s.code, ${SHAPE_META.bbox('s')} as bbox, ${SHAPE_META.center('s')} as center, ${SHAPE_META.areaKm2('s')} as "areaKm2" from region_shape s where s.code = any($1::text[])`,
      [codes],
    );
  }

  /**
   * The region of each level whose FULL shape holds the point: a polygon part whose bounding box
   * holds it (GiST), whose outer ring holds it (`polygon @> point`, exact, edges included) and
   * none of whose holes does. Where the source overlaps itself, the lowest code wins.
   */
  async at(lng: number, lat: number): Promise<Partial<Record<RegionLevel, string>>> {
    const branches = LEVELS.map(
      (level) => `(select '${level}'::text as level, p.code from region_shape_part p
         where p.level = '${level}' and p.bbox && box(point($1, $2), point($1, $2)) and p.outer_ring @> point($1, $2)
           and not exists (select 1 from unnest(p.holes) h where h @> point($1, $2))
         order by p.code limit 1)`,
    );
    const rows = await this.sql.query<{ level: RegionLevel; code: string }>(branches.join(' union all '), [lng, lat]);
    return Object.fromEntries(rows.map((r) => [r.level, r.code]));
  }

  /**
   * The `first` desa nearest to the point by great-circle distance to their `center`, exactly:
   * the `first` nearest by planar distance in degrees (a GiST KNN scan) bound the answer's radius
   * R (the k-th nearest is no farther than the farthest of any k), and every desa within R lies in
   * the box of R around the point, its longitudes widened for the box's most polar latitude; that
   * box is read through the same index and ranked by the real distance. One statement.
   */
  async nearest(lng: number, lat: number, first: number, withinKm: number | null): Promise<{ code: string; distanceKm: number }[]> {
    return this.sql.query(
      `with knn as (
         select s.center from region_shape s where s.level = 'village' order by s.center <-> point($1, $2) limit $3
       ),
       radius as (
         select least(max(${distanceKmSql('k.center', '$1', '$2')}), $4::float8) as km from knn k
       ),
       around as (
         select r.km, r.km / ${KM_PER_DEGREE} as dlat from radius r
       )
       select s.code, round(${distanceKmSql('s.center', '$1', '$2')}::numeric, 3)::float8 as "distanceKm"
       from around a
       join region_shape s on s.level = 'village'
         and s.center <@ box(
           point($1 - a.dlat / greatest(cos(radians(least(abs($2) + a.dlat, 89.9))), 0.001), $2 - a.dlat),
           point($1 + a.dlat / greatest(cos(radians(least(abs($2) + a.dlat, 89.9))), 0.001), $2 + a.dlat))
       where ${distanceKmSql('s.center', '$1', '$2')} <= a.km
       order by 2, s.code
       limit $3`,
      [lng, lat, first, withinKm ?? Number.MAX_VALUE],
    );
  }
}
