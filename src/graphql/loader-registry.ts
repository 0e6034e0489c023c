import DataLoader from 'dataloader';

/**
 * Per-operation store of DataLoaders. A loader whose batch depends on arguments (a page size, a
 * filter) is created once per distinct argument signature, so sibling fields with the same
 * arguments share one batch and different arguments never mix.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(signature: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(signature) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 5000 });
      this.loaders.set(signature, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders batch results by key, as DataLoader requires; `missing` fills keys with no row. */
export function byKeys<K, V>(keys: readonly K[], entries: Iterable<[K, V]>, missing: V): V[] {
  const map = new Map(entries);
  return keys.map((key) => (map.has(key) ? map.get(key)! : missing));
}

/** Groups rows by a key, preserving row order within each group, in key order. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
