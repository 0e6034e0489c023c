/**
 * The layers the tile route serves: the URL's name (Indonesian, as a map's legend says it), the
 * register level whose shapes it draws, the register table that names them, and the zooms it is
 * drawn at. Pure: no I/O.
 */

/** The register levels of `region_shape.level`. */
export type ShapeLevel = 'province' | 'kabupaten' | 'district' | 'village';

/** Which stored detail of a shape a tile reads (`region_shape.shape_<detail>`). */
export type ShapeDetail = 'low' | 'medium' | 'full';

export interface TileLayer {
  /** The URL's `{layer}` and the vector layer's id inside each tile. */
  name: string;
  level: ShapeLevel;
  /** Register table with `code` and `name` of the level. */
  registerTable: string;
  /** What the TileJSON says a layer holds. */
  description: string;
  /**
   * Zooms the layer is drawn at. Below `minzoom` a tile is empty (204): a desa tile of all Java at
   * zoom 7 would hold 10,000 polygons. Above `maxzoom` tiles are still served, but clients
   * overzoom the maxzoom tile instead (the shapes hold nothing finer than the source's 1 m).
   */
  minzoom: number;
  maxzoom: number;
}

export const TILE_LAYERS: readonly TileLayer[] = Object.freeze([
  { name: 'provinsi', level: 'province', registerTable: 'province', description: 'Provinsi (38)', minzoom: 0, maxzoom: 12 },
  { name: 'kabupaten', level: 'kabupaten', registerTable: 'kabupaten', description: 'Kabupaten and kota (514)', minzoom: 0, maxzoom: 12 },
  { name: 'kecamatan', level: 'district', registerTable: 'district', description: 'Kecamatan (7,285)', minzoom: 5, maxzoom: 14 },
  // From zoom 9 a desa tile stays under 300 KB even over Java's densest kabupaten (bench:tiles).
  { name: 'desa', level: 'village', registerTable: 'village', description: 'Desa and kelurahan: the shapes npm run import:boundaries has loaded (the source draws 83,402 of the 83,762)', minzoom: 9, maxzoom: 14 },
]);

/** The layer a URL names, or undefined. */
export function tileLayer(name: string): TileLayer | undefined {
  return TILE_LAYERS.find((layer) => layer.name === name);
}

/**
 * The stored detail a tile of zoom `z` reads, as the shapes' own documentation assigns them (the
 * BoundaryDetail descriptions): LOW for a national or provincial map (zoom ≤ 6), MEDIUM for a
 * kabupaten or kecamatan map (zoom ≤ 10), FULL beyond. geojson-vt simplifies further to the tile's
 * pixels; a finer detail than the zoom needs would only cost reading and clipping.
 */
export function detailForZoom(z: number): ShapeDetail {
  if (z <= 6) return 'low';
  if (z <= 10) return 'medium';
  return 'full';
}
