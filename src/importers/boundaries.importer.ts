import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type pg from 'pg';
import { withSql } from '../db/sql';
import { BoundaryFileError, MAX_BOUNDARY_FILE_BYTES, readBoundaryFile } from '../geo/boundary-file';
import { checkFeature, isReject, shapeRecord, ShapeRejectReason, type CheckedShape, type ShapeReject } from '../geo/shape-record';
import { ShapeWriter, type LevelCounts } from '../geo/shape.writer';
import { simplifyTogether } from '../geo/simplify';
import type { RegionLevel } from '../region/region-code';
import { listInputFiles } from './input-files';
import { startProgress, type ProgressOptions } from './progress';

/**
 * `npm run import:boundaries -- PATH...`: GeoJSON (or gzip) files or folders of any level, each
 * feature placed on the register by its code, checked, simplified over the topology of its file's
 * level, and written through geo's one write path (geo/shape.writer.ts) in ONE transaction: a run
 * either writes every accepted feature or, when a file cannot be read at all, nothing. Rejected
 * features are reported by file, feature index and reason, and never written. Files are read one
 * at a time and staged as they are read, so the 83,402 desa polygons never sit in memory at once.
 */

export interface BoundaryImportOptions extends ProgressOptions {
  /** Roll back at the end: everything is checked and counted, nothing is written. */
  dryRun?: boolean;
  /** Where to list the rejects as CSV; nothing is written when there are none. */
  rejectsFile?: string;
  /** Largest GeoJSON text per file, inflated. @default MAX_BOUNDARY_FILE_BYTES */
  maxFileBytes?: number;
}

export interface BoundaryImportReport {
  files: number;
  features: number;
  byLevel: LevelCounts;
  rejects: ShapeReject[];
  /** Stored features whose degenerate rings were left out. */
  repaired: ShapeReject[];
  rejectedByReason: Partial<Record<ShapeRejectReason, number>>;
  dryRun: boolean;
  ms: number;
  rejectsFile: string | null;
}

/** Files a folder holds that are read as shapes. */
const GEOJSON_NAME = /\.(geo)?json(\.gz)?$/i;

/** A run that cannot start or a file that cannot be read: nothing is written, exit code 2. */
export class BoundaryInputError extends Error {}

export async function importBoundaries(databaseUrl: string, paths: string[], options: BoundaryImportOptions = {}): Promise<BoundaryImportReport> {
  const started = performance.now();
  let files: string[];
  try {
    files = await listInputFiles(paths);
  } catch (error) {
    throw new BoundaryInputError((error as Error).message);
  }
  // A folder's other files (a README, the licence) are not shapes; a file named on its own is read whatever its name.
  const named = new Set(paths.map((p) => path.resolve(p)));
  files = files.filter((file) => named.has(path.resolve(file)) || GEOJSON_NAME.test(file));
  if (files.length === 0) throw new BoundaryInputError(`no GeoJSON files found in ${paths.join(', ')}`);

  const result = await withSql(databaseUrl, 'desa-cerdas-import-boundaries', (sql) =>
    sql.transaction((client) => importInTransaction(client, files, options), { commit: !options.dryRun }),
  );
  const rejectedByReason: BoundaryImportReport['rejectedByReason'] = {};
  for (const r of result.rejects) rejectedByReason[r.reason] = (rejectedByReason[r.reason] ?? 0) + 1;
  let rejectsFile: string | null = null;
  if ((result.rejects.length || result.repaired.length) && options.rejectsFile) {
    const row = (status: string) => (r: ShapeReject) => [status, r.file, r.feature, r.code ?? '', r.reason, r.message];
    fs.writeFileSync(options.rejectsFile, stringify([['status', 'file', 'feature', 'code', 'reason', 'message'], ...result.rejects.map(row('REJECTED')), ...result.repaired.map(row('REPAIRED'))]));
    rejectsFile = options.rejectsFile;
  }
  return { files: files.length, ...result, rejectedByReason, dryRun: options.dryRun ?? false, ms: Math.round(performance.now() - started), rejectsFile };
}

async function importInTransaction(client: pg.ClientBase, files: string[], options: BoundaryImportOptions): Promise<{ features: number; byLevel: LevelCounts; rejects: ShapeReject[]; repaired: ShapeReject[] }> {
  const register = await registerLevels(client);
  const writer = await ShapeWriter.open(client);
  const seen = new Map<string, string>();
  const rejects: ShapeReject[] = [];
  const repaired: ShapeReject[] = [];
  let features = 0;
  const progress = startProgress('shapes', files.length, options);
  for (const file of files) {
    let read;
    try {
      read = await readBoundaryFile(file, options.maxFileBytes ?? MAX_BOUNDARY_FILE_BYTES);
    } catch (error) {
      if (error instanceof BoundaryFileError) throw new BoundaryInputError(`${error.message}; nothing was written`);
      throw error;
    }
    features += read.length;
    const accepted: CheckedShape[] = [];
    for (const feature of read) {
      const checked = checkFeature(feature, file, (code) => register.has(code));
      if (isReject(checked)) rejects.push(checked);
      else if (seen.has(checked.code)) {
        rejects.push({ file, feature: feature.index, code: checked.code, reason: ShapeRejectReason.DUPLICATE_CODE, message: `${checked.code} was given already (${seen.get(checked.code)}); a region has one shape` });
      } else {
        seen.set(checked.code, `${file}, feature ${feature.index}`);
        accepted.push(checked);
        if (checked.droppedRings > 0) {
          const message = `${checked.droppedRings} ring${checked.droppedRings === 1 ? '' : 's'} of fewer than four positions (enclosing nothing) left out`;
          repaired.push({ file, feature: feature.index, code: checked.code, reason: ShapeRejectReason.DEGENERATE_RING, message });
        }
      }
    }
    await writer.stage(recordsOf(accepted, file));
    progress.advance(1);
  }
  progress.done();
  return { features, byLevel: await writer.merge(), rejects, repaired };
}

/** Records of one file: each level simplified over its own topology. */
function recordsOf(shapes: readonly CheckedShape[], file: string) {
  const byLevel = new Map<RegionLevel, CheckedShape[]>();
  for (const shape of shapes) byLevel.set(shape.level, [...(byLevel.get(shape.level) ?? []), shape]);
  return [...byLevel.values()].flatMap((level) => {
    const simplified = simplifyTogether(level.map((s) => s.geometry));
    return level.map((shape, i) => shapeRecord(shape, simplified[i]!, file));
  });
}

/** Every register code of the four levels. */
async function registerLevels(client: pg.ClientBase): Promise<Set<string>> {
  const { rows } = await client.query<{ code: string }>(
    `select code from province union all select code from kabupaten union all select code from district union all select code from village`,
  );
  return new Set(rows.map((r) => r.code));
}

/** The summary a person reads at the end of a run. */
export function describeBoundaryReport(report: BoundaryImportReport): string {
  const names: Record<RegionLevel, string> = { province: 'provinces', kabupaten: 'kabupaten', district: 'kecamatan', village: 'desa' };
  const lines = Object.entries(report.byLevel)
    .filter(([, c]) => c.inserted + c.updated + c.unchanged > 0)
    .map(([level, c]) => `  ${names[level as RegionLevel]}: ${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged`);
  const reasons = Object.entries(report.rejectedByReason).map(([reason, n]) => `${reason} ${n}`).join(', ');
  return [
    `${report.dryRun ? 'dry run (nothing written): ' : ''}${report.features.toLocaleString('en')} features in ${report.files} file${report.files === 1 ? '' : 's'}, ${(report.ms / 1000).toFixed(1)} s`,
    ...lines,
    `  rejected: ${report.rejects.length}${reasons ? ` (${reasons})` : ''}; repaired: ${report.repaired.length} (degenerate rings left out)${report.rejectsFile ? `; listed in ${report.rejectsFile}` : ''}`,
  ].join('\n');
}
