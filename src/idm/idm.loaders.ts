import type DataLoader from 'dataloader';
import { byKeys, groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import type { LevelLoaders } from '../index-family/level.loaders';
import type { HistogramRow } from '../index-family/level.rows';
import { IDM_LEVEL } from './idm.level';
import type { IdmRepository, RankingRequest, RankingRow, SummaryScope } from './idm.repository';
import type { YearCount } from './idm.rules';
import type { AssessmentRow, IndicatorRow, SummaryRow } from './idm.rows';
import type { IdmStatus } from './idm-status';

export type { HistogramRow } from '../index-family/level.rows';

export class IdmLoaders {
  constructor(
    private readonly registry: LoaderRegistry,
    /** For reads that are not batched by key. */
    readonly repository: IdmRepository,
    /** The shared level reads, in the same registry as every other family's. */
    private readonly levels: LevelLoaders,
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

  /** IDM summaries: the shared level reads (index-family/level.loaders.ts), batched in the same registry. */
  summary(scope: SummaryScope, year: number, programId?: number): DataLoader<string, SummaryRow> {
    return this.levels.summary(IDM_LEVEL, scope, year, programId);
  }

  /** Histograms with `bins` bins; null for a scope with no assessed desa. */
  histogram(scope: SummaryScope, year: number, bins: number, programId?: number): DataLoader<string, HistogramRow | null> {
    return this.levels.histogram(IDM_LEVEL, scope, year, bins, programId);
  }

  ranking(request: RankingRequest): DataLoader<string, RankingRow[]> {
    return this.levels.ranking(IDM_LEVEL, request);
  }
}

declare module '../graphql/context' {
  interface Loaders {
    idm: IdmLoaders;
  }
}
