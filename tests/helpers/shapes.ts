import fs from 'node:fs';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import pg from 'pg';
import type { FeatureCollection, Geometry, Position } from 'geojson';

/** The shared boundary files (not in the repository): `provinsi`, `kabupaten`, `kecamatan`, `desa/<province>`. */
export const BOUNDARIES_DIR = process.env.BOUNDARIES_DIR ?? '/work/shared/data/boundaries';

const LEVEL_OF_FILE: Record<string, string> = { provinsi: 'province', kabupaten: 'kabupaten', kecamatan: 'district' };

function positions(geometry: Geometry): Position[] {
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  throw new Error(`unexpected ${geometry.type}`);
}

/**
 * Fills region_shape from boundary files as simply as a test needs: one geometry for all three
 * details, the box of its positions and the box's centre. Shapes already there are kept, so suites
 * sharing the run's database may load the same files.
 */
export async function loadShapes(databaseUrl: string, files: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const file of files) {
      const level = LEVEL_OF_FILE[file] ?? 'village';
      const collection = JSON.parse(zlib.gunzipSync(fs.readFileSync(`${BOUNDARIES_DIR}/${file}.geojson.gz`)).toString('utf8')) as FeatureCollection;
      const rows = collection.features.map((f) => {
        const ps = positions(f.geometry);
        const xs = ps.map((p) => p[0]!);
        const ys = ps.map((p) => p[1]!);
        const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        const json = JSON.stringify(f.geometry);
        return { code: String(f.properties!.kode), json, box: `(${e},${n}),(${w},${s})`, x: (w + e) / 2, y: (s + n) / 2, digest: crypto.createHash('sha256').update(json).digest('hex') };
      });
      await client.query(
        `insert into region_shape (code, level, shape_full, shape_medium, shape_low, bbox, center, area_km2, digest, source)
         select code, $1, g::json, g::json, g::json, b::box, point(x, y), 0, d, 'test'
         from unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[]) as t(code, g, b, x, y, d)
         on conflict (code) do nothing`,
        [level, rows.map((r) => r.code), rows.map((r) => r.json), rows.map((r) => r.box), rows.map((r) => r.x), rows.map((r) => r.y), rows.map((r) => r.digest)],
      );
    }
  } finally {
    await client.end();
  }
}
