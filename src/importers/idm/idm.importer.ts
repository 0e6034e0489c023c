import { commandActor } from '../../auth/viewer';
import { recordAssessments, type ChangePublisher } from '../../idm/assessment.writer';
import type { IdmRetraction, IdmWrite } from '../../idm/idm-record';
import { importFiles, type FileImportOptions } from '../import-files';
import { describeImportReport, type FileImportReport } from '../import-report';
import { parseFile } from './detect';
import type { IdmRecord } from '../../idm/idm-record';

/**
 * `npm run import:idm`: reads national spreadsheets (CSV, XLSX; 2023 and 2024 layouts) and Kemendes
 * API responses, detected by content, and writes every valid row in one transaction through the
 * shared write path. Nothing is dropped silently: every rejected row is counted by reason and listed
 * in the rejects CSV with its file, line, code and reason.
 */

export interface IdmImportOptions extends FileImportOptions {
  /** Who imports, kept with every value and change. @default `cli:import:idm:<os user>` */
  actor?: string;
  /** Take back the desa-years the files' rows hold instead of writing them (each only while it still holds that row's value). */
  retract?: { reason: string };
  dryRun?: boolean;
  /** Tells running servers about the changes (their subscribers get them). */
  publisher?: ChangePublisher;
}

export type IdmImportReport = FileImportReport;

/** The input could not be read at all (missing file, unknown format). */
export class IdmInputError extends Error {
  override name = 'IdmInputError';
}

export function importIdm(databaseUrl: string, paths: string[], options: IdmImportOptions = {}): Promise<IdmImportReport> {
  return importFiles<IdmRecord>(
    databaseUrl,
    paths,
    {
      connectionName: 'desa-cerdas-import-idm',
      parse: async (file) => {
        try {
          return await parseFile(file);
        } catch (error) {
          throw new Error(`${file}: ${(error as Error).message}`);
        }
      },
      write: (sql, records) => {
        const writes: IdmWrite[] = options.retract ? records.map((r) => asRetraction(r, options.retract!.reason)) : records;
        return recordAssessments(sql, writes, { actor: options.actor ?? commandActor('import:idm'), dryRun: options.dryRun, publisher: options.publisher });
      },
      inputError: (message) => new IdmInputError(message),
    },
    options,
  );
}

/** A parsed row as the retraction of its desa-year, only while the stored value is still this row's. */
function asRetraction(record: IdmRecord, reason: string): IdmRetraction {
  const { source, villageCode, names, year, iks, ike, ikl, score, status } = record;
  return { kind: 'retraction', source, villageCode, names, year, reason, expected: { iks, ike, ikl, score, status } };
}

export function describeIdmReport(report: IdmImportReport): string {
  return describeImportReport(report);
}
