import type DataLoader from 'dataloader';
import { byKeys, groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import { emptySummary, type IdmRepository, type SummaryScope } from './idm.repository';
import type { YearCount } from './idm.rules';
import type { AssessmentRow, IndicatorRow, SummaryRow } from './idm.types';

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
    return this.registry.get(`idmSummary:${scope}:${year}:${programId ?? ''}`, async (keys: readonly string[]) =>
      byKeys(keys, (await this.repository.summaries(scope, keys, year, programId)).map((r) => [r.key, r as SummaryRow]), emptySummary(year)),
    );
  }
}
