import fs from 'node:fs';
import { withSql, type Sql } from '../db/sql';
import type { WriteReport } from '../index-family/write-report';
import { hasRowsToList, listRows, withParseRejects, type FileImportReport, type UnreadRow } from './import-report';
import { listInputFiles } from './input-files';
import { startProgress, type ProgressOptions } from './progress';

/** What an importer of one index family gives the shared file pipeline. */
export interface FileImporter<R> {
  /** The database connection's application_name. */
  connectionName: string;
  /** Reads one file into records and the rows it could not read. */
  parse(file: string): Promise<{ records: R[]; malformed: UnreadRow[] }>;
  /** Writes the records (or what they become: retractions) through the family's write path, in one transaction. */
  write(sql: Sql, records: R[]): Promise<WriteReport>;
  /** The error for input that cannot be read at all (missing file, no known layout). */
  inputError(message: string): Error;
}

export interface FileImportOptions extends ProgressOptions {
  /** Where to list rejected, remapped, warned and mismatched rows; nothing is written when there are none. */
  rejectsFile?: string;
}

/**
 * Every importer's run: the files under `paths` read one after the other with a progress bar,
 * every record written in one transaction, the rows no parser could read counted as rejects, and
 * the rejects file written when there is something to list.
 */
export async function importFiles<R>(databaseUrl: string, paths: string[], importer: FileImporter<R>, options: FileImportOptions = {}): Promise<FileImportReport> {
  const started = performance.now();
  let files: string[];
  try {
    files = await listInputFiles(paths);
  } catch (error) {
    throw importer.inputError((error as Error).message);
  }
  if (files.length === 0) throw importer.inputError(`no input files found in ${paths.join(', ')}`);

  const records: R[] = [];
  const malformed: UnreadRow[] = [];
  const progress = startProgress('reading', files.length, options);
  for (const file of files) {
    let result;
    try {
      result = await importer.parse(file);
    } catch (error) {
      throw importer.inputError((error as Error).message);
    }
    for (const r of result.records) records.push(r);
    for (const m of result.malformed) malformed.push(m);
    progress.advance(1);
  }
  progress.done();

  const report = await withSql(databaseUrl, importer.connectionName, (sql) => importer.write(sql, records));
  const full = withParseRejects(report, malformed, { records: records.length, files: files.length, startedAt: started });
  let rejectsFile: string | null = null;
  if (hasRowsToList(full) && options.rejectsFile) {
    fs.writeFileSync(options.rejectsFile, listRows(full));
    rejectsFile = options.rejectsFile;
  }
  return { ...full, rejectsFile };
}
