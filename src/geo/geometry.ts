import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Region geometries as the API stores and serves them: an RFC 7946 Polygon or MultiPolygon in
 * WGS 84 `[longitude, latitude]`. Pure: validation, bounding boxes and rings, no I/O.
 */
export type RegionGeometry = Polygon | MultiPolygon;

/** `west south east north`, degrees. */
export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Why a geometry cannot be stored, in a sentence naming where it fails. */
export class GeometryError extends Error {}

/** Fewest positions of a closed linear ring (RFC 7946 §3.1.6): a triangle and its closing point. */
const MIN_RING = 4;

/** The polygons of a geometry, each as rings (outer first, then holes). */
export function polygonsOf(geometry: RegionGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A checked geometry, and how many degenerate rings were dropped from it. */
export interface CheckedGeometry {
  geometry: RegionGeometry;
  /** Closed rings of fewer than four positions (no area: a point or a line there and back), left out. */
  droppedRings: number;
}

/**
 * The geometry of a feature as stored: a Polygon or MultiPolygon whose rings are closed, have at
 * least four positions, and hold finite longitudes in [-180, 180] and latitudes in [-90, 90].
 * A closed ring of fewer than four positions encloses nothing and is dropped (a hole), or drops
 * its polygon (an outer ring); a region left with no polygon fails. Throws a GeometryError naming
 * the first place that fails.
 */
export function checkGeometry(value: unknown): CheckedGeometry {
  if (value === null || typeof value !== 'object') throw new GeometryError('the feature has no geometry');
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') throw new GeometryError(`geometry type ${JSON.stringify(type)} is not a region: expected Polygon or MultiPolygon`);
  if (!Array.isArray(coordinates) || coordinates.length === 0) throw new GeometryError(`the ${type} has no coordinates`);
  let droppedRings = 0;
  const polygons: Position[][][] = [];
  (type === 'Polygon' ? [coordinates] : coordinates).forEach((polygon: unknown, p: number) => {
    const where = type === 'Polygon' ? '' : `polygon ${p}, `;
    if (!Array.isArray(polygon) || polygon.length === 0) throw new GeometryError(`${where}no rings`);
    const kept = polygon.filter((ring: unknown, r: number) => checkRing(ring, `${where}ring ${r}`)) as Position[][];
    if (kept[0] !== polygon[0]) droppedRings += polygon.length;
    else {
      droppedRings += polygon.length - kept.length;
      polygons.push(kept);
    }
  });
  if (polygons.length === 0) throw new GeometryError(`every ring encloses nothing (fewer than ${MIN_RING} positions)`);
  return { geometry: asGeometry(polygons), droppedRings };
}

/** True for a ring to keep, false for a closed degenerate one; throws for any other fault. */
function checkRing(ring: unknown, where: string): boolean {
  if (!Array.isArray(ring) || ring.length === 0) throw new GeometryError(`${where} is not a list of positions`);
  ring.forEach((position, i) => checkPosition(position, `${where}, position ${i}`));
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) throw new GeometryError(`${where} is open: its last position [${last.join(', ')}] is not its first [${first.join(', ')}]`);
  return ring.length >= MIN_RING;
}

function checkPosition(position: unknown, where: string): void {
  if (!Array.isArray(position) || position.length < 2) throw new GeometryError(`${where} is not a [longitude, latitude] pair`);
  const [lng, lat] = position as unknown[];
  if (typeof lng !== 'number' || !Number.isFinite(lng) || typeof lat !== 'number' || !Number.isFinite(lat)) {
    throw new GeometryError(`${where} is not a pair of finite numbers: ${JSON.stringify(position)}`);
  }
  if (lng < -180 || lng > 180) throw new GeometryError(`${where}: longitude ${lng} is outside [-180, 180]`);
  if (lat < -90 || lat > 90) throw new GeometryError(`${where}: latitude ${lat} is outside [-90, 90] (are longitude and latitude swapped?)`);
}

/** The smallest box holding every position. */
export function bboxOf(geometry: RegionGeometry): BBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of polygon[0]!) {
      if (lng! < west) west = lng!;
      if (lng! > east) east = lng!;
      if (lat! < south) south = lat!;
      if (lat! > north) north = lat!;
    }
  }
  return { west, south, east, north };
}

/** Twice the signed planar area of a ring, in degrees² (positive counter-clockwise). */
export function ringArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum;
}

/** The polygon with the largest outer ring: where a region's label and centre go. */
export function largestPolygon(geometry: RegionGeometry): Position[][] {
  let best: Position[][] = polygonsOf(geometry)[0]!;
  let bestArea = -1;
  for (const polygon of polygonsOf(geometry)) {
    const area = Math.abs(ringArea2(polygon[0]!));
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best;
}

/** A ring as PostgreSQL's `polygon` literal: `((x1,y1),(x2,y2),…)`, x the longitude. */
export function pgPolygon(ring: readonly Position[]): string {
  return `(${ring.map(([x, y]) => `(${x},${y})`).join(',')})`;
}

/** A box as PostgreSQL's `box` literal. */
export function pgBox(box: BBox): string {
  return `((${box.west},${box.south}),(${box.east},${box.north}))`;
}

/** Positions rounded to `decimals` (shared borders stay shared: equal inputs round equally), repeated points dropped. */
export function roundGeometry(geometry: RegionGeometry, decimals: number): RegionGeometry {
  const factor = 10 ** decimals;
  const round = (v: number) => Math.round(v * factor) / factor;
  const ring = (positions: Position[]) => {
    const out: Position[] = [];
    for (const [lng, lat] of positions) {
      const p = [round(lng!), round(lat!)];
      const prev = out[out.length - 1];
      if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const polygons = polygonsOf(geometry)
    .map((polygon) => polygon.map(ring).filter((r, i) => r.length >= MIN_RING || i === 0))
    .filter((polygon) => polygon[0]!.length >= MIN_RING);
  return asGeometry(polygons);
}

/** Polygons as a Polygon when there is one, else a MultiPolygon. */
export function asGeometry(polygons: Position[][][]): RegionGeometry {
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** True when every ring has at least four positions: what a simplification must leave. */
export function hasValidRings(geometry: RegionGeometry | null): geometry is RegionGeometry {
  if (!geometry) return false;
  const polygons = polygonsOf(geometry);
  return polygons.length > 0 && polygons.every((polygon) => polygon.length > 0 && polygon.every((ring) => ring.length >= MIN_RING));
}
