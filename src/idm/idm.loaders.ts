import type DataLoader from 'dataloader';
import { byKeys, groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import { emptySummary, type IdmRepository, type RankingRequest, type RankingRow, type SummaryScope } from './idm.repository';
import type { YearCount } from './idm.rules';
import type { AssessmentRow, IndicatorRow, SummaryRow } from './idm.rows';
import type { IdmStatus } from './idm-status';

/** One histogram: the scope's score range and the count of each bin (index 0 = lowest). */
export interface HistogramRow {
  lo: number;
  hi: number;
  counts: number[];
}

export class IdmLoaders {
  constructor(
    private readonly registry: LoaderRegistry,
    /** For reads that are not batched by key. */
    readonly repository: IdmRepository,
  ) {}

  /** A village's assessment in `year` (latest when null). */
  assessment(year: number | null): DataLoader<string, AssessmentRow | null> {
    return this.registry.get(`idmAssessment:${year ?? 'latest'}`, async (codes: readonly string[]) =>
      byKeys(codes, (await this.repository.assessments(codes, year)).map((r) => [r.villageCode, r]), null),
    );
  }

  get history(): DataLoader<string, AssessmentRow[]> {
    return this.registry.get('idmHistory', async (codes: readonly string[]) =>
      groupByKeys(codes, await this.repository.history(codes), (r) => r.villageCode),
    );
  }

  /** The assessment of the previous assessed year, by "villageCode|year" (null for a first one). */
  get previous(): DataLoader<string, { year: number; score: number; status: IdmStatus } | null> {
    return this.registry.get('idmPrevious', async (keys: readonly string[]) =>
      byKeys(keys, (await this.repository.previousAssessments(keys)).map(({ key, ...row }) => [key, row]), null),
    );
  }

  get indicators(): DataLoader<string, IndicatorRow[]> {
    return this.registry.get('idmIndicators', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.repository.indicators(ids), (r) => r.assessmentId),
    );
  }

  /** Desa assessed per year, read once per operation. */
  get yearCounts(): DataLoader<'*', YearCount[]> {
    return this.registry.get('idmYearCounts', async (keys: readonly '*'[]) => {
      const counts = await this.repository.yearCounts();
      return keys.map(() => counts);
    });
  }

  summary(scope: SummaryScope, year: number, programId?: number): DataLoader<string, SummaryRow> {
    return this.registry.get(`idmSummary:${scope}:${year}:${programId ?? ''}`, async (keys: readonly string[]) => {
      const found = new Map((await this.repository.summaries(scope, keys, year, programId)).map((r) => [r.key, r as SummaryRow]));
      return keys.map((key) => found.get(key) ?? emptySummary({ scope, key, programId }, year));
    });
  }

  /** Histograms with `bins` bins; null for a scope with no assessed desa. */
  histogram(scope: SummaryScope, year: number, bins: number, programId?: number): DataLoader<string, HistogramRow | null> {
    return this.registry.get(`idmHistogram:${scope}:${year}:${bins}:${programId ?? ''}`, async (keys: readonly string[]) => {
      const histograms = new Map<string, HistogramRow>();
      for (const row of await this.repository.histograms(scope, keys, year, bins, programId)) {
        let histogram = histograms.get(row.key);
        if (!histogram) histograms.set(row.key, (histogram = { lo: row.lo, hi: row.hi, counts: new Array<number>(bins).fill(0) }));
        histogram.counts[row.bin - 1] = row.count;
      }
      return keys.map((key) => histograms.get(key) ?? null);
    });
  }

  ranking(request: RankingRequest): DataLoader<string, RankingRow[]> {
    return this.registry.get(`idmRanking:${JSON.stringify(request)}`, async (keys: readonly string[]) =>
      groupByKeys(keys, await this.repository.rankings(keys, request), (r) => r.parentKey),
    );
  }
}

declare module '../graphql/context' {
  interface Loaders {
    idm: IdmLoaders;
  }
}
