import geojsonvt from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { FeatureFigures } from './tile-figures';
import type { TileAddress } from './tile-math';
import type { ShapeFeature } from './tile.repository';

/**
 * Cutting shapes into one tile (geojson-vt: projection, clipping to the tile and its buffer,
 * simplification to the tile's pixels) and encoding it as Mapbox Vector Tile 2.1 (vt-pbf). The cut
 * geometry does not depend on the figures, so it is kept apart and figures are attached per encode.
 */

/** Tile coordinates across a tile, as the MVT spec and every client default to. */
export const TILE_EXTENT = 4096;

/** Tile units drawn beyond each edge, so strokes and fills meet across tile borders without seams. */
export const TILE_BUFFER = 64;

/** A tile's cut features: geometry in tile coordinates, `code` and `name` as tags. */
export interface CutTile {
  features: geojsonvt.Features;
  /** Points kept after simplification: what the tile costs to hold. */
  points: number;
}

/**
 * The features of tile `address` among `shapes` (read for that tile and its buffer), or null when
 * none reaches into it. geojson-vt indexes only down to the tile's own zoom (maxZoom and
 * indexMaxZoom `z`): the index is thrown away once the tile is cut.
 */
export function cutTile(shapes: readonly ShapeFeature[], address: TileAddress): CutTile | null {
  if (shapes.length === 0) return null;
  const index = geojsonvt(
    {
      type: 'FeatureCollection',
      features: shapes.map((s) => ({ type: 'Feature', geometry: s.geometry, properties: { code: s.code, name: s.name } })),
    },
    { maxZoom: address.z, indexMaxZoom: address.z, extent: TILE_EXTENT, buffer: TILE_BUFFER },
  );
  const tile = index.getTile(address.z, address.x, address.y);
  if (!tile || tile.features.length === 0) return null;
  return { features: tile.features, points: tile.numSimplified };
}

/** The tile as MVT 2.1 bytes: one layer named `layer`, each feature's tags with its figures (by code) added. */
export function encodeTile(layer: string, tile: CutTile, figures: ReadonlyMap<string, FeatureFigures>): Uint8Array {
  const features = figures.size === 0 ? tile.features : tile.features.map((f) => {
    const extra = figures.get(f.tags!.code as string);
    return extra ? { ...f, tags: { ...f.tags, ...extra } } : f;
  });
  return fromGeojsonVt({ [layer]: { features } as never }, { version: 2, extent: TILE_EXTENT });
}
