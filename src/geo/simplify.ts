import type { Feature, FeatureCollection, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

/** topojson-simplify's typings want properties that are objects; ours are `{}` on every feature. */
type Shapes = Topology<Objects<object>>;
import { BoundaryDetail } from './geo.enums';
import { asGeometry, hasValidRings, largestPolygon, polygonsOf, roundGeometry, type RegionGeometry } from './geometry';

/**
 * The simplified levels of detail, computed at import over a topology of all the shapes imported
 * together (one file's features of one level): a border two neighbours share is one arc,
 * simplified once, so at every detail they still meet with no sliver and no gap, wherever the
 * source's borders coincide. The source draws each polygon with its own copy of a common border
 * and most copies coincide point for point; where they do not, the shapes keep the source's
 * mismatch, no wider than it was.
 *
 * Visvalingam–Whyatt (topojson-simplify): a point goes when the triangle it forms with its
 * neighbours is smaller than `minArea`; then rings whose area is below `minRing` go (islets),
 * except a region's largest polygon, which always stays. Coordinates are rounded to `decimals`
 * (equal positions round equally, so shared borders stay shared).
 */
export interface DetailTolerance {
  /** Smallest effective triangle kept, in square degrees (1e-3 deg² is about 12 km² at the equator). */
  minArea: number;
  /** Smallest ring kept, in square degrees. */
  minRing: number;
  /** Decimals of the coordinates (4: about 11 m; 5: about 1 m). */
  decimals: number;
}

/**
 * LOW for a national or provincial map (514 kabupaten in well under 1 MB of JSON; zoom ≤ 6),
 * MEDIUM for a kabupaten or kecamatan map (zoom ≤ 10), FULL as imported.
 */
export const DETAIL_TOLERANCES: Readonly<Record<Exclude<BoundaryDetail, BoundaryDetail.FULL>, DetailTolerance>> = Object.freeze({
  [BoundaryDetail.LOW]: { minArea: 1e-3, minRing: 1e-4, decimals: 4 },
  [BoundaryDetail.MEDIUM]: { minArea: 1e-6, minRing: 1e-6, decimals: 5 },
});

export interface Simplified {
  [BoundaryDetail.LOW]: RegionGeometry;
  [BoundaryDetail.MEDIUM]: RegionGeometry;
}

/** LOW and MEDIUM of each geometry, in the order given. */
export function simplifyTogether(geometries: readonly RegionGeometry[]): Simplified[] {
  if (geometries.length === 0) return [];
  const collection: FeatureCollection = { type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })) };
  const weighted = presimplify(topology({ shapes: collection }) as unknown as Shapes);
  const medium = atDetail(weighted, geometries, DETAIL_TOLERANCES[BoundaryDetail.MEDIUM]);
  const low = atDetail(weighted, geometries, DETAIL_TOLERANCES[BoundaryDetail.LOW]);
  return geometries.map((_, i) => ({ [BoundaryDetail.LOW]: low[i]!, [BoundaryDetail.MEDIUM]: medium[i]! }));
}

function atDetail(weighted: Shapes, full: readonly RegionGeometry[], tolerance: DetailTolerance): RegionGeometry[] {
  const simplified = simplify(weighted, tolerance.minArea);
  const filtered = filter(simplified, filterWeight(simplified, tolerance.minRing));
  const kept = geometriesOf(filtered);
  const unfiltered = geometriesOf(simplified);
  return full.map((original, i) => atLeastLargestPolygon(kept[i] ?? null, unfiltered[i] ?? null, original, tolerance.decimals));
}

function geometriesOf(topo: Shapes): (RegionGeometry | null)[] {
  // topojson-server keeps a collection of one feature as that feature's geometry alone.
  const read = feature(topo, topo.objects.shapes as GeometryCollection) as FeatureCollection | Feature;
  const features = read.type === 'FeatureCollection' ? read.features : [read];
  return features.map((f) => validPart(f.geometry as RegionGeometry | null));
}

/** The polygons whose rings survived simplification (a ring reduced below four positions is gone). */
function validPart(geometry: RegionGeometry | null): RegionGeometry | null {
  if (!geometry) return null;
  const polygons = polygonsOf(geometry)
    .map((polygon) => (polygon[0]!.length >= 4 ? [polygon[0]!, ...polygon.slice(1).filter((ring) => ring.length >= 4)] : null))
    .filter((polygon): polygon is Position[][] => polygon !== null);
  return polygons.length ? asGeometry(polygons) : null;
}

/**
 * A region never vanishes at a lower detail: when the ring filter took every polygon (a region
 * made of islets), its largest simplified polygon stays; when simplification or rounding took that
 * too, its largest polygon as imported.
 */
function atLeastLargestPolygon(kept: RegionGeometry | null, unfiltered: RegionGeometry | null, original: RegionGeometry, decimals: number): RegionGeometry {
  const candidates = [kept, unfiltered && asGeometry([largestPolygon(unfiltered)]), asGeometry([largestPolygon(original)])];
  for (const candidate of candidates) {
    const rounded = candidate && roundGeometry(candidate, decimals);
    if (hasValidRings(rounded)) return rounded;
  }
  return asGeometry([largestPolygon(original)]);
}
