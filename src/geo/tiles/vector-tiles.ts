import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { cutTile, encodeTile, TILE_BUFFER, TILE_EXTENT, type CutTile } from './tile-builder';
import type { FeatureFigures, FiguresRequest, TileFigures } from './tile-figures';
import { tileBounds, type LngLatBox, type TileAddress } from './tile-math';
import type { ShapeLevel, TileLayer } from './tile-layers';
import { INDONESIA_BOUNDS, type TileRepository } from './tile.repository';

const gzip = promisify(zlib.gzip);

/**
 * The tile route's core, transport-neutral: a tile's MVT bytes at a data version. Two caches, so a
 * write of index values costs a tile only its figures and an encode, not its geometry:
 *
 * - cut tiles (geojson-vt's output: clipped, simplified, in tile coordinates), keyed by the tile
 *   and its level's shape version, which changes only when shapes are imported;
 * - encoded tiles, keyed by the tile and the figures asked for, current at one data version: after
 *   any write (of shapes, the register or an index) the next fetch reads the tile's figures again,
 *   and re-encodes only when they, or the cut, differ from what the bytes were made of (a write in
 *   Jawa Tengah leaves the tiles of Papua as they were: 15 ms of encoding a kecamatan tile saved).
 *
 * Concurrent requests for one missing entry share its computation. An empty tile is remembered
 * too, so open sea costs one lookup.
 */

export interface VectorTilesOptions {
  repository: TileRepository;
  figures: TileFigures;
  /** Memory for each of the two caches (cut and encoded tiles), in bytes. */
  cacheBytes: number;
}

/** A tile as sent: its MVT bytes, and their gzip made once when a client first accepts it. */
export class EncodedTile {
  private gzipped?: Promise<Buffer>;

  constructor(readonly body: Buffer) {}

  gzip(): Promise<Buffer> {
    return (this.gzipped ??= gzip(this.body, { level: 6 }));
  }
}

const EMPTY = 'empty' as const;
type Cached<T> = T | typeof EMPTY;

/** An encoded tile (null: empty) at a data version, with what it was made of: its level's shape version and its figures. */
interface Encoded {
  at: string;
  tile: EncodedTile | null;
  shapes: string;
  figures: string;
}

/** What a remembered answer holds, for the LRU's byte bound (an empty one is counted as small). */
// A point is a two-number array in V8 (about 64 bytes); a feature its tags and rings besides.
const cutBytes = (entry: Cached<CutTile>) => (entry === EMPTY ? 64 : 64 + entry.points * 64 + entry.features.length * 256);
const encodedBytes = (entry: Encoded) => 64 + (entry.tile ? entry.tile.body.length * 2 + entry.figures.length * 2 : 0);

export class VectorTiles {
  private readonly cuts: LRUCache<string, Cached<CutTile>>;
  private readonly encoded: LRUCache<string, Encoded>;
  private readonly pending = new Map<string, Promise<unknown>>();
  /** Each level's shape version and the data version it was read at. */
  private readonly shapeVersions = new Map<ShapeLevel, { at: string; version: Promise<string> }>();
  private readonly extents = new Map<ShapeLevel, { shapes: string; bounds: Promise<LngLatBox> }>();

  constructor(private readonly options: VectorTilesOptions) {
    this.cuts = new LRUCache({ maxSize: options.cacheBytes, sizeCalculation: cutBytes });
    this.encoded = new LRUCache({ maxSize: options.cacheBytes, sizeCalculation: encodedBytes });
  }

  /** The tile at `dataVersion` with the figures of `figures` (none when undefined); null when no shape reaches into it. */
  async tile(layer: TileLayer, address: TileAddress, figures: FiguresRequest | undefined, dataVersion: string): Promise<EncodedTile | null> {
    // Below its minzoom a layer is empty rather than a tile of thousands of specks.
    if (address.z < layer.minzoom) return null;
    const key = `${layer.name}/${address.z}/${address.x}/${address.y}?${figures ? `${figures.index}=${figures.year}` : ''}`;
    const found = this.encoded.get(key);
    if (found !== undefined && found.at === dataVersion) return found.tile;
    const made = await this.shared(`e:${key}@${dataVersion}`, async (): Promise<Encoded> => {
      const shapes = await this.shapeVersion(layer.level, dataVersion);
      const cut = await this.cut(layer, address, dataVersion);
      if (!cut) return { at: dataVersion, tile: null, shapes, figures: '' };
      const values = figures && figures.year !== null ? await this.options.figures.forCodes(layer.level, codesOf(cut), figures) : new Map<string, FeatureFigures>();
      const print = fingerprint(cut, values);
      // A write elsewhere leaves most tiles' figures as they were: the bytes made for them still hold.
      const before = this.encoded.get(key);
      if (before?.tile && before.shapes === shapes && before.figures === print) return { ...before, at: dataVersion };
      return { at: dataVersion, tile: new EncodedTile(Buffer.from(encodeTile(layer.name, cut, values))), shapes, figures: print };
    });
    this.encoded.set(key, made);
    return made.tile;
  }

  /** The extent of the layer's shapes (Indonesia's while it has none), for TileJSON. */
  async bounds(layer: TileLayer, dataVersion: string): Promise<LngLatBox> {
    const shapes = await this.shapeVersion(layer.level, dataVersion);
    let known = this.extents.get(layer.level);
    if (!known || known.shapes !== shapes) {
      known = { shapes, bounds: this.options.repository.bounds(layer.level).then((b) => b ?? INDONESIA_BOUNDS) };
      known.bounds.catch(() => this.extents.delete(layer.level));
      this.extents.set(layer.level, known);
    }
    return known.bounds;
  }

  private async cut(layer: TileLayer, address: TileAddress, dataVersion: string): Promise<CutTile | null> {
    const key = `${layer.name}/${address.z}/${address.x}/${address.y}@${await this.shapeVersion(layer.level, dataVersion)}`;
    const found = this.cuts.get(key);
    if (found !== undefined) return found === EMPTY ? null : found;
    const made = await this.shared(`c:${key}`, async () => {
      const shapes = await this.options.repository.features(layer, address.z, tileBounds(address, TILE_BUFFER / TILE_EXTENT));
      return cutTile(shapes, address) ?? EMPTY;
    });
    this.cuts.set(key, made);
    return made === EMPTY ? null : made;
  }

  /** The level's shape version, read once per data version (a write of anything may be a write of shapes). */
  private shapeVersion(level: ShapeLevel, dataVersion: string): Promise<string> {
    let known = this.shapeVersions.get(level);
    if (!known || known.at !== dataVersion) {
      known = { at: dataVersion, version: this.options.repository.version(level) };
      // A failed reading is not remembered: the next request reads again.
      known.version.catch(() => this.shapeVersions.get(level) === known && this.shapeVersions.delete(level));
      this.shapeVersions.set(level, known);
    }
    return known.version;
  }

  private shared<T>(key: string, make: () => Promise<T>): Promise<T> {
    let running = this.pending.get(key) as Promise<T> | undefined;
    if (!running) {
      running = make().finally(() => this.pending.delete(key));
      this.pending.set(key, running);
    }
    return running;
  }
}

/** The figures a tile's features carry, in feature order, as text: equal texts encode to equal bytes. */
function fingerprint(tile: CutTile, figures: ReadonlyMap<string, FeatureFigures>): string {
  return figures.size === 0 ? '' : JSON.stringify(tile.features.map((f) => figures.get(f.tags!.code as string) ?? null));
}

function codesOf(tile: CutTile): string[] {
  return [...new Set(tile.features.map((f) => f.tags!.code as string))];
}
