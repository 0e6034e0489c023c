import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { withSql } from '../../db/sql';
import { commandActor } from '../../auth/viewer';
import { recordAssessments, type ChangePublisher, type Reject, type WriteReport } from '../../idm/assessment.writer';
import type { IdmRetraction, IdmWrite } from '../../idm/idm-record';
import { RejectReason } from '../../idm/idm.validation';
import { startProgress, type ProgressOptions } from '../progress';
import { listInputFiles, parseFile } from './detect';
import type { IdmRecord, MalformedRow } from '../../idm/idm-record';

/**
 * `npm run import:idm`: reads national spreadsheets (CSV, XLSX; 2023 and 2024 layouts) and Kemendes
 * API responses, detected by content, and writes every valid row in one transaction through the
 * shared write path. Nothing is dropped silently: every rejected row is counted by reason and listed
 * in the rejects CSV with its file, line, code and reason.
 */

export interface IdmImportOptions extends ProgressOptions {
  /** Who imports, kept with every value and change. @default `cli:import:idm:<os user>` */
  actor?: string;
  /** Take back the desa-years the files' rows hold instead of writing them (each only while it still holds that row's value). */
  retract?: { reason: string };
  dryRun?: boolean;
  /** Where to list rejected, remapped and warned rows; nothing is written when there are none. */
  rejectsFile?: string;
  /** Tells running servers about the changes (their subscribers get them). */
  publisher?: ChangePublisher;
}

export interface IdmImportReport extends WriteReport {
  files: number;
  ms: number;
  rowsPerSecond: number;
  rejectsFile: string | null;
}

/** The input could not be read at all (missing file, unknown format). */
export class IdmInputError extends Error {
  override name = 'IdmInputError';
}

export async function importIdm(databaseUrl: string, paths: string[], options: IdmImportOptions = {}): Promise<IdmImportReport> {
  const started = performance.now();
  let files: string[];
  try {
    files = await listInputFiles(paths);
  } catch (error) {
    throw new IdmInputError((error as Error).message);
  }
  if (files.length === 0) throw new IdmInputError(`no input files found in ${paths.join(', ')}`);

  const records: IdmRecord[] = [];
  const malformed: MalformedRow[] = [];
  const progress = startProgress('reading', files.length, options);
  for (const file of files) {
    let result;
    try {
      result = await parseFile(file);
    } catch (error) {
      throw new IdmInputError(`${file}: ${(error as Error).message}`);
    }
    for (const r of result.records) records.push(r);
    for (const m of result.malformed) malformed.push(m);
    progress.advance(1);
  }
  progress.done();

  const writes: IdmWrite[] = options.retract ? records.map((r) => asRetraction(r, options.retract!.reason)) : records;
  const report = await withSql(databaseUrl, 'desa-cerdas-import-idm', (sql) =>
    recordAssessments(sql, writes, { actor: options.actor ?? commandActor('import:idm'), dryRun: options.dryRun, publisher: options.publisher }),
  );

  // Rows the parsers could not read are rejects too, counted and listed with the others.
  const parseRejects: Reject[] = malformed.map((m) => ({
    index: -1,
    source: m.source,
    villageCode: m.villageCode,
    year: null,
    reason: RejectReason.MALFORMED,
    field: null,
    message: m.reason,
  }));
  const rejects = [...parseRejects, ...report.rejects].sort((a, b) => a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line);
  const rejectedByReason = { ...report.rejectedByReason };
  if (parseRejects.length) rejectedByReason.MALFORMED = (rejectedByReason.MALFORMED ?? 0) + parseRejects.length;
  let rejectsFile: string | null = null;
  if ((rejects.length || report.remaps.length || report.warnings.length) && options.rejectsFile) {
    fs.writeFileSync(options.rejectsFile, listRows(rejects, report));
    rejectsFile = options.rejectsFile;
  }
  const ms = performance.now() - started;
  const rows = records.length + malformed.length;
  return {
    ...report,
    received: rows,
    rejects,
    rejectedByReason,
    files: files.length,
    ms: Math.round(ms),
    rowsPerSecond: Math.round(rows / (ms / 1000)),
    rejectsFile,
  };
}

/**
 * The rows a person should look at, one CSV: rejected (not written), remapped (written to another
 * desa than the published code, by which rule) and warned (written on its code although a name
 * differs), each with the published code and names and, where placed, the register's.
 */
function listRows(rejects: Reject[], report: WriteReport): string {
  const rows = [
    ...rejects.map((r) => ['REJECTED', r.source.file, r.source.line, r.villageCode ?? '', r.year ?? '', r.reason, r.field ?? '', r.message, '', '', '']),
    ...report.remaps.map((m) => [
      'REMAPPED', m.source.file, m.source.line, m.publishedCode, m.year, m.rule, 'villageCode', `written to ${m.villageCode} by rule ${m.rule}`, m.villageCode, m.publishedNames, m.registerNames,
    ]),
    ...report.warnings.map((w) => ['WARNING', w.source.file, w.source.line, w.publishedCode, w.year, w.reason, 'names', w.message, w.villageCode, w.publishedNames, w.registerNames]),
  ].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || Number(a[2]) - Number(b[2]));
  return stringify(rows, {
    header: true,
    columns: ['outcome', 'file', 'line', 'code', 'year', 'reason', 'field', 'message', 'register_code', 'published_names', 'register_names'],
  });
}

/** A parsed row as the retraction of its desa-year, only while the stored value is still this row's. */
function asRetraction(record: IdmRecord, reason: string): IdmRetraction {
  const { source, villageCode, names, year, iks, ike, ikl, score, status } = record;
  return { kind: 'retraction', source, villageCode, names, year, reason, expected: { iks, ike, ikl, score, status } };
}

function counts(byKey: Record<string, number | undefined>): string {
  return Object.entries(byKey)
    .map(([key, n]) => `\n  ${key.padEnd(20)} ${n}`)
    .join('');
}

export function describeIdmReport(report: IdmImportReport): string {
  const byRule: Record<string, number> = {};
  for (const m of report.remaps) byRule[m.rule] = (byRule[m.rule] ?? 0) + 1;
  return [
    `${report.dryRun ? 'dry run: nothing written. ' : ''}${report.files} file(s), ${report.received.toLocaleString('en')} rows in ${(report.ms / 1000).toFixed(2)} s (${report.rowsPerSecond.toLocaleString('en')} rows/s)`,
    `accepted   ${report.accepted.toLocaleString('en')}`,
    `  inserted ${report.inserted.toLocaleString('en')}, updated ${report.updated.toLocaleString('en')}, retracted ${report.retracted.toLocaleString('en')}, unchanged ${report.unchanged.toLocaleString('en')}; ${report.changes} change(s) logged`,
    `remapped   ${report.remapped.toLocaleString('en')} (written to another desa than their published code)${counts(byRule)}`,
    `warned     ${report.warnings.length.toLocaleString('en')} (written on their code although a name differs)${counts(report.warnedByReason)}`,
    `rejected   ${report.rejects.length.toLocaleString('en')}${counts(report.rejectedByReason)}`,
    report.rejectsFile ? `rejected, remapped and warned rows listed in ${report.rejectsFile}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
