import type { FieldType } from './tile-figures';
import type { LngLatBox } from './tile-math';
import type { TileLayer } from './tile-layers';

/**
 * The TileJSON 3.0.0 document of one layer (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0),
 * what MapLibre's `source.url`, OpenLayers' `TileJSON` source and Leaflet plugins read to find the
 * tiles, their zooms and extent, and which properties each feature has. Pure.
 */

/** Whose boundaries the tiles draw; the source's licence (MIT) asks that it be named. */
export const TILE_ATTRIBUTION = 'Batas wilayah: Kepmendagri 300.2.2-2430/2025, cahyadsn/wilayah_boundaries (MIT)';

export interface TileJson {
  tilejson: '3.0.0';
  name: string;
  description: string;
  attribution: string;
  scheme: 'xyz';
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
  center: [number, number, number];
  vector_layers: { id: string; description: string; fields: Record<string, string>; minzoom: number; maxzoom: number }[];
}

export interface TileJsonInput {
  layer: TileLayer;
  /** The tile URL template, absolute, with `{z}/{x}/{y}`. */
  tiles: string;
  bounds: LngLatBox;
  /** The figures' properties when the request names an index. */
  figureFields: Readonly<Record<string, FieldType>>;
  /** What the figures are ("IDM 2024"), for the description. */
  figuresName?: string;
}

/** Six decimals (about 10 cm) are more than a map's extent needs. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function tileJson({ layer, tiles, bounds, figureFields, figuresName }: TileJsonInput): TileJson {
  // Types as field values, as Martin and pg_tileserv write them: `code` is the dotted Kemendagri code.
  const fields: Record<string, string> = { code: 'String', name: 'String', ...figureFields };
  // A national view: Indonesia is about 46° wide, which zoom 4 shows on a screen.
  const zoom = Math.min(layer.maxzoom, Math.max(layer.minzoom, 4));
  return {
    tilejson: '3.0.0',
    name: `Desa Cerdas: ${layer.name}`,
    description: `${layer.description}${figuresName ? ` with ${figuresName}` : ''}`,
    attribution: TILE_ATTRIBUTION,
    scheme: 'xyz',
    tiles: [tiles],
    minzoom: layer.minzoom,
    maxzoom: layer.maxzoom,
    bounds: [round(bounds.west), round(bounds.south), round(bounds.east), round(bounds.north)],
    center: [round((bounds.west + bounds.east) / 2), round((bounds.south + bounds.north) / 2), zoom],
    vector_layers: [{ id: layer.name, description: layer.description, fields, minzoom: layer.minzoom, maxzoom: layer.maxzoom }],
  };
}
