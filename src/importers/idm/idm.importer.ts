import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { recordAssessments, type ChangePublisher, type Reject, type WriteReport } from '../../idm/assessment.writer';
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
  dryRun?: boolean;
  /** Where to write rejected rows; nothing is written when there are none. */
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

  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'desa-cerdas-import-idm' });
  await client.connect();
  let report: WriteReport;
  try {
    report = await recordAssessments(client, records, { dryRun: options.dryRun, publisher: options.publisher });
  } finally {
    await client.end();
  }

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
  if (rejects.length && options.rejectsFile) {
    fs.writeFileSync(
      options.rejectsFile,
      stringify(
        rejects.map((r) => [r.source.file, r.source.line, r.villageCode ?? '', r.year ?? '', r.reason, r.field ?? '', r.message]),
        { header: true, columns: ['file', 'line', 'code', 'year', 'reason', 'field', 'message'] },
      ),
    );
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

export function describeIdmReport(report: IdmImportReport): string {
  const reasons = Object.entries(report.rejectedByReason)
    .map(([reason, n]) => `  ${reason.padEnd(20)} ${n}`)
    .join('\n');
  return [
    `${report.dryRun ? 'dry run: nothing written. ' : ''}${report.files} file(s), ${report.received.toLocaleString('en')} rows in ${(report.ms / 1000).toFixed(2)} s (${report.rowsPerSecond.toLocaleString('en')} rows/s)`,
    `accepted   ${report.accepted.toLocaleString('en')} (${report.remapped} remapped from codes the register does not have)`,
    `  inserted ${report.inserted.toLocaleString('en')}, updated ${report.updated.toLocaleString('en')}, unchanged ${report.unchanged.toLocaleString('en')}; ${report.changes} change(s) logged`,
    `rejected   ${report.rejects.length.toLocaleString('en')}${reasons ? `\n${reasons}` : ''}`,
    report.rejectsFile ? `rejected rows listed in ${report.rejectsFile}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
