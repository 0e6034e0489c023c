import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type pg from 'pg';
import { withSql } from '../db/sql';
import { planBridge, type BpsRejectReason, type BridgePair, type BridgeReject, type BridgeRow } from '../region/bps-bridge';
import type { RegionLevel } from '../region/region-code';

/**
 * `import:areas --bps FILE`: BPS codes onto the register from the BPS ↔ Kemendagri bridge
 * (`kode_bps, nama_bps, kode_dagri, nama_dagri, parent`), in one transaction. The rules are
 * src/region/bps-bridge.ts; here the file is read, the register's codes and current BPS codes are
 * read under a lock, and only what differs is written, so a second run writes nothing (no
 * statement at all: the tables' statement-level triggers would move the data version for none).
 *
 * The file speaks for the pairs it holds and no more: a region it does not name keeps its BPS code,
 * unless the file gives that BPS code to another region, which then takes it (`cleared`).
 */

export interface BpsImportOptions {
  /** Validate, match and count, then roll back. @default false */
  dryRun?: boolean;
  /** Where to list the rejected rows as CSV; nothing is written when there are none or it is unset. */
  rejectsFile?: string;
}

export interface BpsLevelCounts {
  /** Rows of this level written or already so: their region is in the register, unambiguously. */
  matched: number;
  /** Regions that had no BPS code and get one. */
  inserted: number;
  /** Regions whose BPS code changes. */
  updated: number;
  unchanged: number;
  /** Regions the file does not name whose BPS code it gives to another region. */
  cleared: number;
}

export interface BpsImportReport {
  file: string;
  /** Data rows in the file. */
  rows: number;
  byLevel: Record<RegionLevel, BpsLevelCounts>;
  /** Rows not written, in file order. */
  rejects: BridgeReject[];
  rejectedByReason: Partial<Record<BpsRejectReason, number>>;
  dryRun: boolean;
  ms: number;
  rejectsFile: string | null;
}

/** A file that cannot be read as a bridge at all: nothing is written, exit code 2. */
export class BpsInputError extends Error {
  override name = 'BpsInputError';
}

const LEVELS: RegionLevel[] = ['province', 'kabupaten', 'district', 'village'];
const REQUIRED = ['kode_bps', 'kode_dagri'] as const;

function readBridge(file: string): BridgeRow[] {
  let records: string[][];
  try {
    // relax_column_count: a row whose name holds an unquoted comma is read and then rejected, not the whole file.
    records = parse(fs.readFileSync(file), { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true });
  } catch (error) {
    throw new BpsInputError(`${file}: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  const at = Object.fromEntries((header ?? []).map((name, i) => [name.toLowerCase(), i]));
  const missing = REQUIRED.filter((name) => at[name] === undefined);
  if (missing.length) throw new BpsInputError(`${file}: no ${missing.join(', ')} column; expected the header kode_bps,nama_bps,kode_dagri,nama_dagri,parent`);
  const cell = (record: string[], name: string) => (at[name] === undefined ? '' : (record[at[name]!] ?? ''));
  // The header is line 1; a quoted name never spans lines in the bridge, so a record's index gives its line.
  return body.map((record, i) => ({
    line: i + 2,
    bpsCode: cell(record, 'kode_bps'),
    bpsName: cell(record, 'nama_bps'),
    kemendagriCode: cell(record, 'kode_dagri'),
    kemendagriName: cell(record, 'nama_dagri'),
  }));
}

function emptyCounts(): Record<RegionLevel, BpsLevelCounts> {
  const zero = (): BpsLevelCounts => ({ matched: 0, inserted: 0, updated: 0, unchanged: 0, cleared: 0 });
  return { province: zero(), kabupaten: zero(), district: zero(), village: zero() };
}

export async function importBpsBridge(databaseUrl: string, file: string, options: BpsImportOptions = {}): Promise<BpsImportReport> {
  const started = performance.now();
  const rows = readBridge(file);
  const result = await withSql(databaseUrl, 'desa-cerdas-import-bps', (sql) =>
    sql.transaction((client) => importInTransaction(client, rows), { commit: !options.dryRun }),
  );
  const rejectedByReason: BpsImportReport['rejectedByReason'] = {};
  for (const r of result.rejects) rejectedByReason[r.reason] = (rejectedByReason[r.reason] ?? 0) + 1;
  let rejectsFile: string | null = null;
  if (result.rejects.length && options.rejectsFile) {
    fs.writeFileSync(options.rejectsFile, listRejects(result.rejects));
    rejectsFile = options.rejectsFile;
  }
  return { file, rows: rows.length, ...result, rejectedByReason, dryRun: options.dryRun ?? false, ms: Math.round(performance.now() - started), rejectsFile };
}

async function importInTransaction(client: pg.ClientBase, rows: BridgeRow[]): Promise<{ byLevel: Record<RegionLevel, BpsLevelCounts>; rejects: BridgeReject[] }> {
  // Readers go on; another import of the register or the bridge waits, so what is read here is what is written over.
  await client.query(`lock table province, kabupaten, district, village in share row exclusive mode`);
  const current = new Map<RegionLevel, Map<string, string | null>>();
  for (const level of LEVELS) {
    const { rows: held } = await client.query<{ code: string; bps_code: string | null }>(`select code, bps_code from ${level}`);
    current.set(level, new Map(held.map((r) => [r.code, r.bps_code])));
  }
  const plan = planBridge(rows, (level, code) => current.get(level)!.has(code));
  const byLevel = emptyCounts();
  for (const level of LEVELS) {
    const held = current.get(level)!;
    const pairs = plan.pairs.filter((p) => p.level === level);
    const counts = byLevel[level];
    counts.matched = pairs.length;
    const changed: BridgePair[] = [];
    for (const pair of pairs) {
      const was = held.get(pair.code) ?? null;
      if (was === pair.bpsCode) counts.unchanged++;
      else {
        changed.push(pair);
        if (was === null) counts.inserted++;
        else counts.updated++;
      }
    }
    if (changed.length === 0) continue;
    // A BPS code moving to another region is first taken from its holder, so the unique index never sees it twice.
    const holderOf = new Map<string, string>();
    for (const [code, bps] of held) if (bps !== null) holderOf.set(bps, code);
    const named = new Set(pairs.map((p) => p.code));
    const release = changed.map((p) => holderOf.get(p.bpsCode)).filter((code): code is string => code !== undefined);
    counts.cleared = release.filter((code) => !named.has(code)).length;
    if (release.length) await client.query(`update ${level} set bps_code = null where code = any($1::text[])`, [release]);
    await client.query(`update ${level} t set bps_code = u.bps from unnest($1::text[], $2::text[]) as u(code, bps) where t.code = u.code`, [
      changed.map((p) => p.code),
      changed.map((p) => p.bpsCode),
    ]);
  }
  return { byLevel, rejects: plan.rejects };
}

/** The rejected rows as CSV, with the bridge's own cells beside the reason. */
export function listRejects(rejects: readonly BridgeReject[]): string {
  return stringify(
    rejects.map((r) => ['REJECTED', r.row.line, r.row.bpsCode, r.row.bpsName, r.row.kemendagriCode, r.row.kemendagriName, r.level ?? '', r.reason, r.message]),
    { header: true, columns: ['outcome', 'line', 'kode_bps', 'nama_bps', 'kode_dagri', 'nama_dagri', 'level', 'reason', 'message'] },
  );
}

/** The summary a person reads at the end of a run. */
export function describeBpsReport(report: BpsImportReport): string {
  const names: Record<RegionLevel, string> = { province: 'provinces', kabupaten: 'kabupaten', district: 'kecamatan', village: 'villages' };
  const lines = LEVELS.map((level) => {
    const c = report.byLevel[level];
    return `  ${names[level].padEnd(10)} ${c.matched.toLocaleString('en').padStart(7)} matched: ${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged${c.cleared ? `, ${c.cleared} taken from a region the file does not name` : ''}`;
  });
  const written = LEVELS.some((level) => report.byLevel[level].inserted + report.byLevel[level].updated > 0);
  const reasons = Object.entries(report.rejectedByReason).map(([reason, n]) => `${reason} ${n}`).join(', ');
  return [
    `${report.dryRun ? 'dry run (nothing written): ' : ''}${report.rows.toLocaleString('en')} rows in ${report.file}, ${(report.ms / 1000).toFixed(1)} s`,
    ...lines,
    `  rejected: ${report.rejects.length}${reasons ? ` (${reasons})` : ''}${report.rejectsFile ? `; listed in ${report.rejectsFile}` : ''}`,
    written ? (report.dryRun ? 'BPS codes would be written' : 'BPS codes written') : 'BPS codes already up to date: nothing changed',
  ].join('\n');
}
