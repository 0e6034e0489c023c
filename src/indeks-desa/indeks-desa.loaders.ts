import type DataLoader from 'dataloader';
import type { SqlSession } from '../db/sql';
import { byKeys, groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import { AssessmentReads } from '../index-family/family-reads';
import { INDEKS_DESA_ROW, type IndeksDesaRow } from './indeks-desa.rows';

/** Batched reads of a desa's Indeks Desa, for fields the planner leaves to their resolvers. */
export class IndeksDesaLoaders {
  private readonly reads: AssessmentReads<IndeksDesaRow>;

  constructor(
    private readonly registry: LoaderRegistry,
    sql: SqlSession,
  ) {
    this.reads = new AssessmentReads(sql, 'indeks_desa_assessment', INDEKS_DESA_ROW);
  }

  /** A village's assessment in `year` (latest when null). */
  assessment(year: number | null): DataLoader<string, IndeksDesaRow | null> {
    return this.registry.get(`indeksDesa:${year ?? 'latest'}`, async (codes: readonly string[]) =>
      byKeys(codes, (await this.reads.assessments(codes, year)).map((r) => [r.villageCode, r]), null),
    );
  }

  get history(): DataLoader<string, IndeksDesaRow[]> {
    return this.registry.get('indeksDesaHistory', async (codes: readonly string[]) => groupByKeys(codes, await this.reads.history(codes), (r) => r.villageCode));
  }
}

declare module '../graphql/context' {
  interface Loaders {
    indeksDesa: IndeksDesaLoaders;
  }
}
