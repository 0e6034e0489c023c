/**
 * Web Mercator tile arithmetic (the XYZ scheme of OpenStreetMap, MapLibre, OpenLayers and Leaflet:
 * y grows southwards from the tile at 85.0511°N). Pure: no I/O.
 */

/** Deepest zoom served: what map clients ask for at most (MapLibre stops at 22). */
export const MAX_ZOOM = 22;

/** Latitude where Web Mercator's square world ends. */
const MAX_LATITUDE = 85.0511287798066;

/** One tile: zoom, column (west to east), row (north to south). */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** `west south east north` in degrees (x = longitude, y = latitude, as PostgreSQL's box is filled). */
export interface LngLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** What is wrong with a tile address, one sentence per part; the route answers BAD_USER_INPUT with it. */
export class TileAddressError extends Error {
  constructor(
    message: string,
    /** The part that is wrong: `z`, `x` or `y`. */
    readonly part: 'z' | 'x' | 'y',
  ) {
    super(message);
  }
}

const WHOLE = /^(0|[1-9]\d{0,6})$/;

/**
 * The tile `z/x/y` names, as the URL's text: z a whole number 0 to MAX_ZOOM, x and y whole
 * numbers in [0, 2^z). Throws a TileAddressError naming the first part that is not.
 */
export function parseTileAddress(z: string, x: string, y: string): TileAddress {
  if (!WHOLE.test(z) || Number(z) > MAX_ZOOM) throw new TileAddressError(`Zoom "${z}" is not a whole number from 0 to ${MAX_ZOOM}`, 'z');
  const zoom = Number(z);
  const size = 2 ** zoom;
  const coordinate = (value: string, part: 'x' | 'y'): number => {
    if (!WHOLE.test(value) || Number(value) >= size) throw new TileAddressError(`${part} "${value}" is outside zoom ${zoom}: give a whole number from 0 to ${size - 1}`, part);
    return Number(value);
  };
  return { z: zoom, x: coordinate(x, 'x'), y: coordinate(y, 'y') };
}

function longitude(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function latitude(y: number, z: number): number {
  const n = Math.PI * (1 - (2 * y) / 2 ** z);
  return (Math.atan(Math.sinh(n)) * 180) / Math.PI;
}

/**
 * The tile's extent in degrees, grown on every side by `buffer` of the tile's width (64/4096 for
 * the tile builder's buffer), so shapes that only reach into the buffer are read too. The edges of
 * the world are not crossed: a tile at the antimeridian reads only its own side.
 */
export function tileBounds({ z, x, y }: TileAddress, buffer = 0): LngLatBox {
  const size = 2 ** z;
  const clampX = (v: number) => Math.min(size, Math.max(0, v));
  return {
    west: longitude(clampX(x - buffer), z),
    east: longitude(clampX(x + 1 + buffer), z),
    north: Math.min(MAX_LATITUDE, latitude(clampX(y - buffer), z)),
    south: Math.max(-MAX_LATITUDE, latitude(clampX(y + 1 + buffer), z)),
  };
}

/** The tile of zoom `z` that holds the point: for tests, benchmarks and TileJSON's `center`. */
export function tileAt(lng: number, lat: number, z: number): TileAddress {
  const size = 2 ** z;
  const clamp = (v: number) => Math.min(size - 1, Math.max(0, Math.floor(v)));
  const rad = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
  return {
    z,
    x: clamp(((lng + 180) / 360) * size),
    y: clamp(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * size),
  };
}
