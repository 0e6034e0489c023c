import fs from 'node:fs';
import { commandActor } from '../../auth/viewer';
import { withSql } from '../../db/sql';
import type { IndeksDesaMalformedRow, IndeksDesaRecord } from '../../indeks-desa/indeks-desa-record';
import { recordIndeksDesa } from '../../indeks-desa/indeks-desa.writer';
import type { ChangePublisher } from '../../index-family/write-store';
import { describeImportReport, hasRowsToList, listRows, withParseRejects, type FileImportReport } from '../import-report';
import { listInputFiles } from '../input-files';
import { startProgress, type ProgressOptions } from '../progress';
import { parseIndeksDesaFile } from './indeks-desa.parser';

/**
 * `npm run import:indeks-desa`: reads Indeks Desa sheets (CSV, XLSX; the wide per-kabupaten sheet
 * and the long region_code/item/value sheet, recognised by content) and writes every valid row in
 * one transaction through the shared write path, as import:idm does for IDM: the register matcher
 * places codes, rejects are counted by reason and listed with file, line and column, and a published
 * score or status the rules disagree with is stored as published and listed as a mismatch.
 */

export interface IndeksDesaImportOptions extends ProgressOptions {
  /** Who imports, kept with every value and change. @default `cli:import:indeks-desa:<os user>` */
  actor?: string;
  /** The year of sheets whose header does not say it (a sheet that says another year is refused). @default 2025 */
  year?: number;
  dryRun?: boolean;
  /** Where to list rejected, remapped, warned and mismatched rows; nothing is written when there are none. */
  rejectsFile?: string;
  /** Tells running servers about the changes (their subscribers get them). */
  publisher?: ChangePublisher;
}

export type IndeksDesaImportReport = FileImportReport;

/** The input could not be read at all (missing file, no Indeks Desa layout). */
export class IndeksDesaInputError extends Error {
  override name = 'IndeksDesaInputError';
}

export async function importIndeksDesa(databaseUrl: string, paths: string[], options: IndeksDesaImportOptions = {}): Promise<IndeksDesaImportReport> {
  const started = performance.now();
  let files: string[];
  try {
    files = await listInputFiles(paths);
  } catch (error) {
    throw new IndeksDesaInputError((error as Error).message);
  }
  if (files.length === 0) throw new IndeksDesaInputError(`no input files found in ${paths.join(', ')}`);

  const records: IndeksDesaRecord[] = [];
  const malformed: IndeksDesaMalformedRow[] = [];
  const progress = startProgress('reading', files.length, options);
  for (const file of files) {
    let result;
    try {
      result = await parseIndeksDesaFile(file, { year: options.year });
    } catch (error) {
      throw new IndeksDesaInputError((error as Error).message);
    }
    for (const r of result.records) records.push(r);
    for (const m of result.malformed) malformed.push(m);
    progress.advance(1);
  }
  progress.done();

  const report = await withSql(databaseUrl, 'desa-cerdas-import-indeks-desa', (sql) =>
    recordIndeksDesa(sql, records, { actor: options.actor ?? commandActor('import:indeks-desa'), dryRun: options.dryRun, publisher: options.publisher }),
  );
  const full = withParseRejects(report, malformed, { records: records.length, files: files.length, startedAt: started });
  let rejectsFile: string | null = null;
  if (hasRowsToList(full) && options.rejectsFile) {
    fs.writeFileSync(options.rejectsFile, listRows(full));
    rejectsFile = options.rejectsFile;
  }
  return { ...full, rejectsFile };
}

export function describeIndeksDesaReport(report: IndeksDesaImportReport): string {
  return describeImportReport(report, { mismatches: true });
}
