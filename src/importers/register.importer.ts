import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type pg from 'pg';
import { withSql } from '../db/sql';
import { codePrefix, kabupatenKindOf, searchKey, tryParseCode, villageKindOf, type RegionLevel } from '../region/region-code';
import { startProgress, type ProgressOptions } from './progress';

/**
 * Loads the Kemendagri register from idn-area-data's CSV files (provinces, regencies, districts,
 * villages) in one transaction. Set-based: each chunk is one INSERT ... SELECT FROM unnest(arrays)
 * ... ON CONFLICT DO UPDATE that only touches rows whose values differ, so a second run writes
 * nothing and reports every row unchanged.
 */

export interface TableCounts {
  /** Rows in the CSV file. */
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface RegisterReport {
  provinces: TableCounts;
  kabupatens: TableCounts;
  districts: TableCounts;
  villages: TableCounts;
  ms: number;
}

export class RegisterFormatError extends Error {
  override name = 'RegisterFormatError';
}

interface Table {
  file: string;
  level: RegionLevel;
  table: string;
  /** Columns written, in array order; the first is the code. */
  columns: { name: string; type: string }[];
  /** One row of column values from a CSV record, or a reason it is malformed. */
  toRow(record: Record<string, string>): unknown[] | string;
}

const TABLES: Table[] = [
  {
    file: 'provinces.csv',
    level: 'province',
    table: 'province',
    columns: [{ name: 'code', type: 'text' }, { name: 'name', type: 'text' }],
    toRow: (r) => [r.code, r.name],
  },
  {
    file: 'regencies.csv',
    level: 'kabupaten',
    table: 'kabupaten',
    columns: [{ name: 'code', type: 'text' }, { name: 'province_code', type: 'text' }, { name: 'name', type: 'text' }, { name: 'kind', type: 'kabupaten_kind' }],
    toRow: (r) => (codePrefix(r.code!, 1) !== r.province_code ? `province_code ${r.province_code} does not match code` : [r.code, r.province_code, r.name, kabupatenKindOf(r.name!)]),
  },
  {
    file: 'districts.csv',
    level: 'district',
    table: 'district',
    columns: [{ name: 'code', type: 'text' }, { name: 'kabupaten_code', type: 'text' }, { name: 'province_code', type: 'text' }, { name: 'name', type: 'text' }],
    toRow: (r) => (codePrefix(r.code!, 2) !== r.regency_code ? `regency_code ${r.regency_code} does not match code` : [r.code, r.regency_code, codePrefix(r.code!, 1), r.name]),
  },
  {
    file: 'villages.csv',
    level: 'village',
    table: 'village',
    columns: [
      { name: 'code', type: 'text' },
      { name: 'district_code', type: 'text' },
      { name: 'kabupaten_code', type: 'text' },
      { name: 'province_code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'search_name', type: 'text' },
      { name: 'kind', type: 'village_kind' },
    ],
    toRow: (r) => {
      const kind = villageKindOf(r.code!);
      if (!kind) return `village suffix must start with 1, 2 or 3`;
      if (codePrefix(r.code!, 3) !== r.district_code) return `district_code ${r.district_code} does not match code`;
      return [r.code, r.district_code, codePrefix(r.code!, 2), codePrefix(r.code!, 1), r.name, searchKey(r.name!), kind];
    },
  },
];

const CHUNK = 10_000;

/** Reads and checks one CSV file: every code well-formed at its level and consistent with its parent. */
function readTable(dir: string, table: Table): unknown[][] {
  const file = path.join(dir, table.file);
  let records: Record<string, string>[];
  try {
    // RFC 4180: names contain quoted commas ("Lubuk Pakam I,II") and doubled quotes ("Soka""an").
    records = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new RegisterFormatError(`${file}: ${(error as Error).message}`);
  }
  return records.map((record, i) => {
    const line = i + 2;
    if (!record.code || !record.name) throw new RegisterFormatError(`${file}:${line}: code and name are required`);
    if (tryParseCode(record.code, table.level) !== record.code) throw new RegisterFormatError(`${file}:${line}: "${record.code}" is not a dotted ${table.level} code`);
    const row = table.toRow(record);
    if (typeof row === 'string') throw new RegisterFormatError(`${file}:${line}: ${row}`);
    return row;
  });
}

async function upsert(client: pg.ClientBase, table: Table, rows: unknown[][], onChunk: (n: number) => void): Promise<TableCounts> {
  const names = table.columns.map((c) => `"${c.name}"`).join(', ');
  const arrays = table.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const rest = table.columns.slice(1).map((c) => c.name);
  const sql = `
    insert into "${table.table}" (${names})
    select * from unnest(${arrays})
    on conflict (code) do update set ${rest.map((c) => `"${c}" = excluded."${c}"`).join(', ')}
    where (${rest.map((c) => `"${table.table}"."${c}"`).join(', ')}) is distinct from (${rest.map((c) => `excluded."${c}"`).join(', ')})
    returning (xmax = 0) as inserted`;
  const counts: TableCounts = { total: rows.length, inserted: 0, updated: 0, unchanged: 0 };
  for (let at = 0; at < rows.length; at += CHUNK) {
    const chunk = rows.slice(at, at + CHUNK);
    const columns = table.columns.map((_, i) => chunk.map((row) => row[i]));
    const result = await client.query<{ inserted: boolean }>(sql, columns);
    for (const r of result.rows) r.inserted ? counts.inserted++ : counts.updated++;
    onChunk(chunk.length);
  }
  counts.unchanged = counts.total - counts.inserted - counts.updated;
  return counts;
}

export interface RegisterImportOptions extends ProgressOptions {
  /** Folder with provinces.csv, regencies.csv, districts.csv and villages.csv. */
  dir: string;
}

export async function importRegister(databaseUrl: string, options: RegisterImportOptions): Promise<RegisterReport> {
  const started = performance.now();
  const data = TABLES.map((table) => ({ table, rows: readTable(options.dir, table) }));
  const total = data.reduce((n, d) => n + d.rows.length, 0);
  const progress = startProgress('register', total, options);
  const counts = await withSql(databaseUrl, 'desa-cerdas-import', (sql) =>
    sql.transaction(async (client) => {
      const counts: TableCounts[] = [];
      for (const { table, rows } of data) counts.push(await upsert(client, table, rows, (n) => progress.advance(n)));
      return counts;
    }),
  );
  progress.done();
  const [provinces, kabupatens, districts, villages] = counts as [TableCounts, TableCounts, TableCounts, TableCounts];
  return { provinces, kabupatens, districts, villages, ms: Math.round(performance.now() - started) };
}

/** One line per table and a verdict, for the command's output. */
export function describeRegisterReport(report: RegisterReport): string {
  const line = (label: string, c: TableCounts) =>
    `${label.padEnd(11)} ${c.total.toLocaleString('en').padStart(7)} rows: ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged`;
  const all = [report.provinces, report.kabupatens, report.districts, report.villages];
  const changed = all.some((c) => c.inserted + c.updated > 0);
  return [
    line('provinces', report.provinces),
    line('kabupaten', report.kabupatens),
    line('districts', report.districts),
    line('villages', report.villages),
    changed ? `register imported in ${(report.ms / 1000).toFixed(2)} s` : `register already up to date: nothing changed (${(report.ms / 1000).toFixed(2)} s)`,
  ].join('\n');
}
