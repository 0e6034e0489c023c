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

  /** The code of the region of each level whose FULL shape holds the point (see regionCodesAtSql). */
  async at(lng: number, lat: number): Promise<Partial<Record<RegionLevel, string>>> {
    const [row] = await this.sql.query<Record<string, string | null>>(`select * from ${regionCodesAtSql('$1::float8', '$2::float8')} t`, [lng, lat]);
    return Object.fromEntries(LEVELS.filter((level) => row?.[AT_COLUMNS[level]]).map((level) => [level, row![AT_COLUMNS[level]]!]));
  }

  /** The `first` desa nearest to the point, nearest first (see nearestVillagesSql). */
  async nearest(lng: number, lat: number, first: number, withinKm: number | null): Promise<{ code: string; distanceKm: number }[]> {
    return this.sql.query(`select * from ${nearestVillagesSql('$1::float8', '$2::float8', '$3::int', '$4::float8')} n order by n."distanceKm", n.code`, [
      lng,
      lat,
      first,
      withinKm ?? Number.MAX_VALUE,
    ]);
  }
}

/** The column of each level's code in regionCodesAtSql's row. */
export const AT_COLUMNS: Readonly<Record<RegionLevel, string>> = Object.freeze({
  province: 'province_code',
  kabupaten: 'kabupaten_code',
  district: 'district_code',
  village: 'village_code',
});

/**
 * One row (a subquery to alias) holding the code of the region of each level whose FULL shape
 * holds the point (`lng`, `lat`: SQL of float8 values), or null: a polygon part whose bounding
 * box holds it (GiST), whose outer ring holds it (`polygon @> point`, exact, edges included) and
 * none of whose holes does. Where the source overlaps itself, the lowest code wins.
 */
export function regionCodesAtSql(lng: string, lat: string): string {
  const at = `point(${lng}, ${lat})`;
  const code = (level: RegionLevel) => `(select p.code from region_shape_part p
     where p.level = '${level}' and p.bbox && box(${at}, ${at}) and p.outer_ring @> ${at}
       and not exists (select 1 from unnest(p.holes) h where h @> ${at})
     order by p.code limit 1) as ${AT_COLUMNS[level]}`;
  return `(select ${LEVELS.map(code).join(', ')})`;
}

/**
 * The `first` desa nearest to the point by great-circle distance to their `center`, as rows
 * (code, "distanceKm") of a subquery to alias and order, exactly: the `first` nearest by planar
 * distance in degrees (a GiST KNN scan) bound the answer's radius R (the k-th nearest is no
 * farther than the farthest of any k), and every desa within R lies in the box of R around the
 * point, its longitudes widened for the box's most polar latitude; that box is read through the
 * same index and ranked by the real distance. `withinKm` caps R. With no desa shape at all the
 * radius has no row, so the answer is empty (not a box of an infinite radius).
 */
export function nearestVillagesSql(lng: string, lat: string, first: string, withinKm: string): string {
  return `(
    with knn as (
      select s.center from region_shape s where s.level = 'village' order by s.center <-> point(${lng}, ${lat}) limit ${first}
    ),
    around as (
      select r.km, r.km / ${KM_PER_DEGREE} as dlat
      from (select least(max(${distanceKmSql('k.center', lng, lat)}), ${withinKm}) as km from knn k having count(*) > 0) r
    )
    select s.code, round(${distanceKmSql('s.center', lng, lat)}::numeric, 3)::float8 as "distanceKm"
    from around a
    join region_shape s on s.level = 'village'
      and s.center <@ box(
        point(${lng} - a.dlat / greatest(cos(radians(least(abs(${lat}) + a.dlat, 89.9))), 0.001), ${lat} - a.dlat),
        point(${lng} + a.dlat / greatest(cos(radians(least(abs(${lat}) + a.dlat, 89.9))), 0.001), ${lat} + a.dlat))
    where ${distanceKmSql('s.center', lng, lat)} <= a.km
    order by 2, s.code
    limit ${first}
  )`;
}
