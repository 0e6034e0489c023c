import { createHash } from 'node:crypto';
import area from '@turf/area';
import polylabel from 'polylabel';
import { tryParseCode, type RegionLevel } from '../region/region-code';
import type { ReadFeature } from './boundary-file';
import { bboxOf, checkGeometry, GeometryError, largestPolygon, type BBox, type RegionGeometry } from './geometry';
import type { Simplified } from './simplify';

/**
 * From a feature as read to the row stored for its region: the code (from `kode`, `code` or
 * `KODE`, else the feature's id; dotted or compact), the level it names, the checked geometry,
 * and what the reads need (bounding box, a point inside, the area). Pure.
 */

/** Why a feature is not stored. */
export enum ShapeRejectReason {
  NOT_A_FEATURE = 'NOT_A_FEATURE',
  NO_CODE = 'NO_CODE',
  UNKNOWN_CODE = 'UNKNOWN_CODE',
  BAD_GEOMETRY = 'BAD_GEOMETRY',
  DUPLICATE_CODE = 'DUPLICATE_CODE',
  /** Not a reject: the feature is stored without its rings that enclose nothing. */
  DEGENERATE_RING = 'DEGENERATE_RING',
}

export interface ShapeReject {
  file: string;
  /** The feature's position in the file, from 0. */
  feature: number;
  code: string | null;
  reason: ShapeRejectReason;
  message: string;
}

/** A feature that can be stored, before simplification. */
export interface CheckedShape {
  code: string;
  level: RegionLevel;
  geometry: RegionGeometry;
  /** Degenerate rings left out (see checkGeometry): the feature is stored, and listed as repaired. */
  droppedRings: number;
}

/** The row of `region_shape` (and its parts). */
export interface ShapeRecord extends CheckedShape {
  low: RegionGeometry;
  medium: RegionGeometry;
  bbox: BBox;
  /** `[lng, lat]`, inside the region's largest polygon. */
  center: [number, number];
  areaKm2: number;
  /** Of the three geometries as stored: equal digests, nothing to write. */
  digest: string;
  source: string;
}

const CODE_PROPERTIES = ['kode', 'code', 'KODE'] as const;
const LEVELS: readonly RegionLevel[] = ['province', 'kabupaten', 'district', 'village'];

/** The code a feature names, as given, or null. */
export function givenCode(feature: ReadFeature): string | null {
  for (const key of CODE_PROPERTIES) {
    const value = feature.properties[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  }
  if (typeof feature.id === 'string' && feature.id.trim()) return feature.id.trim();
  if (typeof feature.id === 'number' && Number.isInteger(feature.id)) return String(feature.id);
  return null;
}

/** The dotted code and its level, or null when `text` is no region code of any level. */
export function codeAndLevel(text: string): { code: string; level: RegionLevel } | null {
  for (const level of LEVELS) {
    const code = tryParseCode(text, level);
    if (code !== undefined) return { code, level };
  }
  return null;
}

/**
 * The checked shape of one feature, or its reject. `inRegister` says whether the register holds a
 * code (every stored shape is a register region's).
 */
export function checkFeature(feature: ReadFeature, file: string, inRegister: (code: string) => boolean): CheckedShape | ShapeReject {
  const reject = (reason: ShapeRejectReason, message: string, code: string | null = null): ShapeReject => ({ file, feature: feature.index, code, reason, message });
  if (!feature.isFeature) return reject(ShapeRejectReason.NOT_A_FEATURE, 'not a GeoJSON Feature (its "type" is not "Feature")');
  const given = givenCode(feature);
  if (given === null) return reject(ShapeRejectReason.NO_CODE, `no region code: give it as properties.${CODE_PROPERTIES.join(', properties.')} or the feature id`);
  const parsed = codeAndLevel(given);
  if (parsed === null) return reject(ShapeRejectReason.NO_CODE, `"${given}" is not a region code: expected a dotted or compact Kemendagri code such as 64, 64.02, 64.02.08 or 64.02.08.2005`, given);
  if (!inRegister(parsed.code)) return reject(ShapeRejectReason.UNKNOWN_CODE, `${parsed.code} is not in the register`, parsed.code);
  try {
    return { ...parsed, ...checkGeometry(feature.geometry) };
  } catch (error) {
    if (error instanceof GeometryError) return reject(ShapeRejectReason.BAD_GEOMETRY, error.message, parsed.code);
    throw error;
  }
}

export function isReject(value: CheckedShape | ShapeReject): value is ShapeReject {
  return 'reason' in value;
}

/** Great-circle area of a geometry, km², to 4 decimals (turf: spherical excess on the WGS 84 mean radius). */
export function areaKm2Of(geometry: RegionGeometry): number {
  return Math.round(area({ type: 'Feature', properties: {}, geometry }) / 1e2) / 1e4;
}

/**
 * A point inside the region: the pole of inaccessibility of its largest polygon (polylabel), the
 * point farthest from its edges, which a concave region's or an archipelago's centroid is not.
 */
export function pointInside(geometry: RegionGeometry): [number, number] {
  const polygon = largestPolygon(geometry);
  const { west, south, east, north } = bboxOf({ type: 'Polygon', coordinates: polygon });
  const precision = Math.max(east - west, north - south) / 1000 || 1e-6;
  const [lng, lat] = polylabel(polygon as number[][][], precision);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return [round(lng!), round(lat!)];
}

export function shapeRecord(shape: CheckedShape, simplified: Simplified, source: string): ShapeRecord {
  const low = simplified.LOW;
  const medium = simplified.MEDIUM;
  const digest = createHash('sha1').update(JSON.stringify([shape.geometry, medium, low])).digest('base64url');
  return { ...shape, low, medium, bbox: bboxOf(shape.geometry), center: pointInside(shape.geometry), areaKm2: areaKm2Of(shape.geometry), digest, source };
}
