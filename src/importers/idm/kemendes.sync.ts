import pLimit from 'p-limit';
import { withSql } from '../../db/sql';
import type { Config } from '../../config';
import { recordAssessments, type ChangePublisher, type WriteReport } from '../../idm/assessment.writer';
import { compactCode } from '../../region/region-code';
import { startProgress, type ProgressOptions } from '../progress';
import { commandActor } from '../../auth/viewer';
import type { IdmRecord } from '../../idm/idm-record';
import { parseKemendesApiResponse } from './kemendes-api.parser';

/**
 * `npm run sync:idm`: fetches `/open/api/desa/rumusan/{kode}/{tahun}` for every desa of a scope,
 * with bounded concurrency, a timeout per request and retries with backoff, then writes what it
 * got through the shared write path in one transaction. A failing or unreachable server yields a
 * report of what was done, not a crash.
 */

export interface SyncScope {
  /** Dotted codes; exactly one is set. */
  provinceCode?: string;
  kabupatenCode?: string;
  districtCode?: string;
  villageCode?: string;
  year: number;
}

export interface SyncReport {
  baseUrl: string;
  desa: number;
  fetched: number;
  /** Desa the API answers 400 "ID Desa tidak ditemukan" for. */
  notFound: string[];
  /** Desa that still failed after every retry, with the last error. */
  failed: { code: string; error: string }[];
  write: WriteReport | null;
  ms: number;
}

type Options = Config['kemendes'] & ProgressOptions & { publisher?: ChangePublisher; /** @default `cli:sync:idm:<os user>` */ actor?: string };

class PermanentError extends Error {}

async function fetchOne(url: string, options: Options): Promise<unknown> {
  let attempt = 0;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: 'application/json' } });
      const text = await response.text();
      if (response.status === 429 || response.status >= 500) throw new Error(`HTTP ${response.status}`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new PermanentError(`HTTP ${response.status}: not JSON`);
      }
      if (!response.ok) {
        const message = (body as { message?: string })?.message ?? `HTTP ${response.status}`;
        throw new PermanentError(message);
      }
      return body;
    } catch (error) {
      if (error instanceof PermanentError || attempt >= options.retries) throw error;
      attempt++;
      // Exponential backoff with jitter: 250 ms, 500 ms, 1 s, ... so a struggling server can recover.
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
}

function describeError(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'timed out';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

export async function syncIdm(databaseUrl: string, scope: SyncScope, options: Options): Promise<SyncReport> {
  const started = performance.now();
  return withSql(databaseUrl, 'desa-cerdas-sync-idm', async (sql) => {
    const [column, code] = scope.villageCode
      ? ['code', scope.villageCode]
      : scope.districtCode
        ? ['district_code', scope.districtCode]
        : scope.kabupatenCode
          ? ['kabupaten_code', scope.kabupatenCode]
          : ['province_code', scope.provinceCode!];
    const rows = await sql.query<{ code: string }>(`select code from village where ${column} = $1 and kind <> 'KELURAHAN' order by code`, [code]);
    const report: SyncReport = { baseUrl: options.baseUrl, desa: rows.length, fetched: 0, notFound: [], failed: [], write: null, ms: 0 };
    const limit = pLimit(options.concurrency);
    const records: IdmRecord[] = [];
    const progress = startProgress('sync', rows.length, options);
    await Promise.all(
      rows.map((row) =>
        limit(async () => {
          const url = `${options.baseUrl}/open/api/desa/rumusan/${compactCode(row.code)}/${scope.year}`;
          try {
            const parsed = parseKemendesApiResponse(await fetchOne(url, options), { file: url });
            if (parsed.records.length) {
              report.fetched++;
              records.push(...parsed.records);
            } else {
              report.notFound.push(row.code);
            }
          } catch (error) {
            if (error instanceof PermanentError && /tidak ditemukan/i.test(error.message)) report.notFound.push(row.code);
            else report.failed.push({ code: row.code, error: describeError(error) });
          } finally {
            progress.advance(1);
          }
        }),
      ),
    );
    progress.done();
    if (records.length) report.write = await recordAssessments(sql, records, { actor: options.actor ?? commandActor('sync:idm'), publisher: options.publisher });
    report.notFound.sort();
    report.failed.sort((a, b) => a.code.localeCompare(b.code));
    report.ms = Math.round(performance.now() - started);
    return report;
  });
}

export function describeSyncReport(report: SyncReport): string {
  const lines = [
    `${report.baseUrl}: ${report.desa} desa in scope, ${report.fetched} fetched, ${report.notFound.length} not found, ${report.failed.length} failed (${(report.ms / 1000).toFixed(2)} s)`,
  ];
  if (report.write) {
    const w = report.write;
    lines.push(`written: ${w.inserted} inserted, ${w.updated} updated, ${w.unchanged} unchanged, ${w.rejects.length} rejected; ${w.changes} change(s) logged`);
    for (const r of w.rejects.slice(0, 10)) lines.push(`  rejected ${r.villageCode} ${r.reason}: ${r.message}`);
  }
  const errors = new Map<string, number>();
  for (const f of report.failed) errors.set(f.error, (errors.get(f.error) ?? 0) + 1);
  for (const [error, n] of errors) lines.push(`  ${n} failed: ${error}`);
  return lines.join('\n');
}
