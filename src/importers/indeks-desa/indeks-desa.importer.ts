import { commandActor } from '../../auth/viewer';
import type { IndeksDesaRecord } from '../../indeks-desa/indeks-desa-record';
import { recordIndeksDesa } from '../../indeks-desa/indeks-desa.writer';
import type { ChangePublisher } from '../../index-family/write-store';
import { importFiles, type FileImportOptions } from '../import-files';
import { describeImportReport, type FileImportReport } from '../import-report';
import { parseIndeksDesaFile } from './indeks-desa.parser';

/**
 * `npm run import:indeks-desa`: reads Indeks Desa sheets (CSV, XLSX; the wide per-kabupaten sheet
 * and the long region_code/item/value sheet, recognised by content) and writes every valid row in
 * one transaction through the shared write path, as import:idm does for IDM: the register matcher
 * places codes, rejects are counted by reason and listed with file, line and column, and a published
 * score or status the rules disagree with is stored as published and listed as a mismatch.
 */

export interface IndeksDesaImportOptions extends FileImportOptions {
  /** Who imports, kept with every value and change. @default `cli:import:indeks-desa:<os user>` */
  actor?: string;
  /** The year of sheets whose header does not say it (a sheet that says another year is refused). @default 2025 */
  year?: number;
  dryRun?: boolean;
  /** Tells running servers about the changes (their subscribers get them). */
  publisher?: ChangePublisher;
}

export type IndeksDesaImportReport = FileImportReport;

/** The input could not be read at all (missing file, no Indeks Desa layout). */
export class IndeksDesaInputError extends Error {
  override name = 'IndeksDesaInputError';
}

export function importIndeksDesa(databaseUrl: string, paths: string[], options: IndeksDesaImportOptions = {}): Promise<IndeksDesaImportReport> {
  return importFiles<IndeksDesaRecord>(
    databaseUrl,
    paths,
    {
      connectionName: 'desa-cerdas-import-indeks-desa',
      parse: (file) => parseIndeksDesaFile(file, { year: options.year }),
      write: (sql, records) => recordIndeksDesa(sql, records, { actor: options.actor ?? commandActor('import:indeks-desa'), dryRun: options.dryRun, publisher: options.publisher }),
      inputError: (message) => new IndeksDesaInputError(message),
    },
    options,
  );
}

export function describeIndeksDesaReport(report: IndeksDesaImportReport): string {
  return describeImportReport(report, { mismatches: true });
}
