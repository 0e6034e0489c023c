import fs from 'node:fs';
import { withSql } from '../../db/sql';
import { commandActor } from '../../auth/viewer';
import { recordAssessments, type ChangePublisher } from '../../idm/assessment.writer';
import type { IdmRetraction, IdmWrite } from '../../idm/idm-record';
import { describeImportReport, hasRowsToList, listRows, withParseRejects, type FileImportReport } from '../import-report';
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

export type IdmImportReport = FileImportReport;

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

  const full = withParseRejects(report, malformed, { records: records.length, files: files.length, startedAt: started });
  let rejectsFile: string | null = null;
  if (hasRowsToList(full) && options.rejectsFile) {
    fs.writeFileSync(options.rejectsFile, listRows(full));
    rejectsFile = options.rejectsFile;
  }
  return { ...full, rejectsFile };
}

/** A parsed row as the retraction of its desa-year, only while the stored value is still this row's. */
function asRetraction(record: IdmRecord, reason: string): IdmRetraction {
  const { source, villageCode, names, year, iks, ike, ikl, score, status } = record;
  return { kind: 'retraction', source, villageCode, names, year, reason, expected: { iks, ike, ikl, score, status } };
}

export function describeIdmReport(report: IdmImportReport): string {
  return describeImportReport(report);
}
