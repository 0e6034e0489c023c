import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Reading one boundaries file: GeoJSON (`.geojson`, `.json`) or its gzip (`.gz`, told by its magic
 * bytes, not its name), as a FeatureCollection, one Feature, or a list of Features. A file over the
 * size bound is refused before it is parsed (for gzip: while it is inflated), so a 300 MB file
 * costs no memory; split such a file (one per province, as the desa files come).
 */

/** Why a file cannot be read at all; the run stops and writes nothing. */
export class BoundaryFileError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'FILE_TOO_LARGE' | 'NOT_GEOJSON',
    message: string,
  ) {
    super(`${message} [${code}]`);
  }
}

/** The largest GeoJSON text read, inflated: the biggest desa file of a province is about 40 MB. @default 200 MB */
export const MAX_BOUNDARY_FILE_BYTES = 200 * 1024 * 1024;

/** One feature as read, with its place in the file for the rejects list. */
export interface ReadFeature {
  index: number;
  /** False for a list item that is not a GeoJSON Feature. */
  isFeature: boolean;
  id: unknown;
  properties: Record<string, unknown>;
  geometry: unknown;
}

export async function readBoundaryFile(file: string, maxBytes = MAX_BOUNDARY_FILE_BYTES): Promise<ReadFeature[]> {
  const text = await readText(file, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BoundaryFileError('NOT_GEOJSON', `${file} is not GeoJSON: it is not JSON (${(error as Error).message})`);
  }
  return featuresOf(json, file);
}

async function readText(file: string, maxBytes: number): Promise<string> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (error) {
    throw new BoundaryFileError('NOT_FOUND', `${file} cannot be opened (${(error as Error).message})`);
  }
  try {
    const { size } = await handle.stat();
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    const gzip = magic[0] === 0x1f && magic[1] === 0x8b;
    if (!gzip && size > maxBytes) throw tooLarge(file, size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    const collect = new Writable({
      write(chunk: Buffer, _encoding, done) {
        total += chunk.length;
        if (total > maxBytes) return done(tooLarge(file, total, maxBytes, gzip));
        chunks.push(chunk);
        done();
      },
    });
    const source = handle.createReadStream({ start: 0, autoClose: false });
    try {
      await (gzip ? pipeline(source, zlib.createGunzip(), collect) : pipeline(source, collect));
    } catch (error) {
      if (error instanceof BoundaryFileError) throw error;
      throw new BoundaryFileError('NOT_GEOJSON', `${file} is not GeoJSON: ${gzip ? 'its gzip stream is broken' : 'it cannot be read'} (${(error as Error).message})`);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

function tooLarge(file: string, bytes: number, maxBytes: number, inflated = false): BoundaryFileError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return new BoundaryFileError('FILE_TOO_LARGE', `${file} holds ${inflated ? 'more than ' : ''}${mb(bytes)} of GeoJSON${inflated ? ' once inflated' : ''}, over the ${mb(maxBytes)} bound: split it (one file per province or level)`);
}

function featuresOf(json: unknown, file: string): ReadFeature[] {
  const type = (json as { type?: unknown } | null)?.type;
  let list: unknown[];
  if (Array.isArray(json)) list = json;
  else if (type === 'FeatureCollection' && Array.isArray((json as { features?: unknown }).features)) list = (json as { features: unknown[] }).features;
  else if (type === 'Feature') list = [json];
  else throw new BoundaryFileError('NOT_GEOJSON', `${file} is not GeoJSON: expected a FeatureCollection, a Feature or a list of Features, found ${type === undefined ? (Array.isArray(json) ? 'a list' : typeof json) : `type ${JSON.stringify(type)}`}`);
  return list.map((item, index) => {
    const f = (item ?? {}) as { type?: unknown; id?: unknown; properties?: unknown; geometry?: unknown };
    const properties = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
    return { index, isFeature: f.type === 'Feature', id: f.id, properties, geometry: f.geometry };
  });
}
