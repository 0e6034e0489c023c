import type DataLoader from 'dataloader';
import { byKeys, groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import type { FamilyLevel } from './level-family';
import { emptyLevelSummary, type LevelRepository } from './level.repository';
import type { FamilyYear, HistogramRow, LevelSummaryRow, MovementRow, RankingRequest, RankingRow, ScopeYearCount, SummaryScope } from './level.rows';

/**
 * The level reads of every family, batched per operation: sibling regions asking the same family,
 * year and arguments share one statement. Loader signatures carry the family, so IDM and the
 * Indeks Desa never mix.
 */
export class LevelLoaders {
  constructor(
    private readonly registry: LoaderRegistry,
    readonly repository: LevelRepository,
  ) {}

  summary<M extends Record<string, number>>(family: FamilyLevel, scope: SummaryScope, year: number, programId?: number): DataLoader<string, LevelSummaryRow<M>> {
    return this.registry.get(`${family.id}:summary:${scope}:${year}:${programId ?? ''}`, async (keys: readonly string[]) => {
      const found = new Map((await this.repository.summaries<M>(family, scope, keys, year, programId)).map((r) => [r.key, r as LevelSummaryRow<M>]));
      return keys.map((key) => found.get(key) ?? emptyLevelSummary<M>({ scope, key, programId }, year));
    });
  }

  /** Histograms with `bins` bins; null for a scope with no assessed desa. */
  histogram(family: FamilyLevel, scope: SummaryScope, year: number, bins: number, programId?: number): DataLoader<string, HistogramRow | null> {
    return this.registry.get(`${family.id}:histogram:${scope}:${year}:${bins}:${programId ?? ''}`, async (keys: readonly string[]) => {
      const histograms = new Map<string, HistogramRow>();
      for (const row of await this.repository.histograms(family, scope, keys, year, bins, programId)) {
        let histogram = histograms.get(row.key);
        if (!histogram) histograms.set(row.key, (histogram = { lo: row.lo, hi: row.hi, counts: new Array<number>(bins).fill(0) }));
        histogram.counts[row.bin - 1] = row.count;
      }
      return keys.map((key) => histograms.get(key) ?? null);
    });
  }

  ranking(family: FamilyLevel, request: RankingRequest): DataLoader<string, RankingRow[]> {
    return this.registry.get(`${family.id}:ranking:${JSON.stringify(request)}`, async (keys: readonly string[]) =>
      groupByKeys(keys, await this.repository.rankings(family, keys, request), (r) => r.parentKey),
    );
  }

  /** Status movement of `family`'s `year` against `from` (null: each desa's previous assessed year). */
  movement(family: FamilyLevel, scope: SummaryScope, year: number, from: FamilyYear | null, programId?: number): DataLoader<string, MovementRow> {
    const signature = `${family.id}:movement:${scope}:${year}:${from ? `${from.family}:${from.year}` : 'previous'}:${programId ?? ''}`;
    return this.registry.get(signature, async (keys: readonly string[]) =>
      byKeys(keys, (await this.repository.movements(family, scope, keys, year, from, programId)).map(({ key, ...row }) => [key, row]), { compared: 0, up: 0, down: 0, same: 0 }),
    );
  }

  /** Desa assessed per family and year in each key of `scope`, oldest year first. */
  scopeYears(scope: SummaryScope, programId?: number): DataLoader<string, ScopeYearCount[]> {
    return this.registry.get(`scopeYears:${scope}:${programId ?? ''}`, async (keys: readonly string[]) =>
      groupByKeys(keys, await this.repository.scopeYearCounts(scope, keys, programId), (r) => r.key),
    );
  }

  /** Desa and desa adat of the register in each key of `scope`. */
  registerDesa(scope: SummaryScope, programId?: number): DataLoader<string, number> {
    return this.registry.get(`registerDesa:${scope}:${programId ?? ''}`, async (keys: readonly string[]) =>
      byKeys(keys, (await this.repository.registerDesa(scope, keys, programId)).map((r) => [r.key, r.count]), 0),
    );
  }
}

declare module '../graphql/context' {
  interface Loaders {
    levels: LevelLoaders;
  }
}
