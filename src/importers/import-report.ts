import { stringify } from 'csv-stringify/sync';
import { RejectReason } from '../index-family/reject-reason';
import type { Reject, WriteReport, WriteSource } from '../index-family/write-report';

/**
 * What every file importer reports, whichever index family it writes: the rows the parsers could
 * not read joined to the write path's rejects, the rejects file, and the summary printed at the end.
 */

/** A row a parser could not turn into a record, in any family. */
export interface UnreadRow {
  source: WriteSource;
  villageCode: string | null;
  reason: string;
}

export interface FileImportReport extends WriteReport {
  files: number;
  ms: number;
  rowsPerSecond: number;
  rejectsFile: string | null;
}

/**
 * The write path's report with the parsers' malformed rows counted in as MALFORMED rejects, sorted
 * by file and line, and timed. `received` counts every row read, good or not.
 */
export function withParseRejects(report: WriteReport, malformed: readonly UnreadRow[], read: { records: number; files: number; startedAt: number }): Omit<FileImportReport, 'rejectsFile'> {
  // Rows the parsers could not read are rejects too, counted and listed with the others.
  const parseRejects: Reject[] = malformed.map((m) => ({
    index: -1,
    source: m.source,
    villageCode: m.villageCode,
    year: null,
    reason: RejectReason.MALFORMED,
    field: m.source.column ?? null,
    message: m.reason,
  }));
  const rejects = [...parseRejects, ...report.rejects].sort((a, b) => a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line);
  const rejectedByReason = { ...report.rejectedByReason };
  if (parseRejects.length) rejectedByReason.MALFORMED = (rejectedByReason.MALFORMED ?? 0) + parseRejects.length;
  const ms = performance.now() - read.startedAt;
  const rows = read.records + malformed.length;
  return { ...report, received: rows, rejects, rejectedByReason, files: read.files, ms: Math.round(ms), rowsPerSecond: Math.round(rows / (ms / 1000)) };
}

/** True when the rejects file has something to list. */
export function hasRowsToList(report: WriteReport): boolean {
  return report.rejects.length > 0 || report.remaps.length > 0 || report.warnings.length > 0 || report.mismatches.length > 0;
}

/**
 * The rows a person should look at, one CSV: rejected (not written), remapped (written to another
 * desa than the published code, by which rule), warned (written on its code although a name
 * differs) and mismatched (written as published although the family's rules give another score or
 * status), each with the published code and names and, where placed, the register's.
 */
export function listRows(report: WriteReport): string {
  const rows = [
    ...report.rejects.map((r) => ['REJECTED', r.source.file, r.source.line, r.villageCode ?? '', r.year ?? '', r.reason, r.field ?? '', r.message, '', '', '']),
    ...report.remaps.map((m) => [
      'REMAPPED', m.source.file, m.source.line, m.publishedCode, m.year, m.rule, 'villageCode', `written to ${m.villageCode} by rule ${m.rule}`, m.villageCode, m.publishedNames, m.registerNames,
    ]),
    ...report.warnings.map((w) => ['WARNING', w.source.file, w.source.line, w.publishedCode, w.year, w.reason, 'names', w.message, w.villageCode, w.publishedNames, w.registerNames]),
    ...report.mismatches.map((m) => ['MISMATCH', m.source.file, m.source.line, m.villageCode, m.year, 'MISMATCH', m.field, m.message, m.villageCode, '', '']),
  ].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || Number(a[2]) - Number(b[2]));
  return stringify(rows, {
    header: true,
    columns: ['outcome', 'file', 'line', 'code', 'year', 'reason', 'field', 'message', 'register_code', 'published_names', 'register_names'],
  });
}

function counts(byKey: Record<string, number | undefined>): string {
  return Object.entries(byKey)
    .map(([key, n]) => `\n  ${key.padEnd(20)} ${n}`)
    .join('');
}

/** The summary an import prints; `mismatches` adds the line for a family that flags published values. */
export function describeImportReport(report: FileImportReport, options: { mismatches?: boolean } = {}): string {
  const byRule: Record<string, number> = {};
  for (const m of report.remaps) byRule[m.rule] = (byRule[m.rule] ?? 0) + 1;
  const byField: Record<string, number> = {};
  for (const m of report.mismatches) byField[m.field] = (byField[m.field] ?? 0) + 1;
  return [
    `${report.dryRun ? 'dry run: nothing written. ' : ''}${report.files} file(s), ${report.received.toLocaleString('en')} rows in ${(report.ms / 1000).toFixed(2)} s (${report.rowsPerSecond.toLocaleString('en')} rows/s)`,
    `accepted   ${report.accepted.toLocaleString('en')}`,
    `  inserted ${report.inserted.toLocaleString('en')}, updated ${report.updated.toLocaleString('en')}, retracted ${report.retracted.toLocaleString('en')}, unchanged ${report.unchanged.toLocaleString('en')}; ${report.changes} change(s) logged`,
    `remapped   ${report.remapped.toLocaleString('en')} (written to another desa than their published code)${counts(byRule)}`,
    `warned     ${report.warnings.length.toLocaleString('en')} (written on their code although a name differs)${counts(report.warnedByReason)}`,
    options.mismatches ? `mismatched ${report.mismatches.length.toLocaleString('en')} (written as published although the rules give another value)${counts(byField)}` : '',
    `rejected   ${report.rejects.length.toLocaleString('en')}${counts(report.rejectedByReason)}`,
    report.rejectsFile ? `rejected, remapped${options.mismatches ? ', warned and mismatched' : ' and warned'} rows listed in ${report.rejectsFile}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
