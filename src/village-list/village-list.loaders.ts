import type DataLoader from 'dataloader';
import type { PageRequest } from '../graphql/connection';
import { byKeys, groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import type { VillageRow } from '../region/region.types';
import type { VillageListQuery, VillageListRepository, VillageOrder } from './village-list.repository';
import type { VillageParent } from '../region/region.repository';

/** Pages and counts of village lists for one operation; the same arguments share one batch. */
export class VillageListLoaders {
  constructor(
    private readonly registry: LoaderRegistry,
    readonly repository: VillageListRepository,
  ) {}

  /** `first + 1` villages per parent key (the extra row tells whether a next page exists). */
  villagePage(parent: VillageParent, query: VillageListQuery, page: PageRequest, order: VillageOrder): DataLoader<string, VillageRow[]> {
    return this.registry.get(`villageListPage:${parent}:${JSON.stringify(query)}:${page.first}:${page.after ?? ''}:${order}`, async (keys: readonly string[]) =>
      groupByKeys(keys, await this.repository.villagePages(parent, keys, query, page, order), (r) => r.parentKey),
    );
  }

  villageCount(parent: VillageParent, query: VillageListQuery): DataLoader<string, number> {
    return this.registry.get(`villageListCount:${parent}:${JSON.stringify(query)}`, async (keys: readonly string[]) =>
      byKeys(keys, (await this.repository.villageCounts(parent, keys, query)).map((r) => [r.parentKey, r.count]), 0),
    );
  }
}

declare module '../graphql/context' {
  interface Loaders {
    villageList: VillageListLoaders;
  }
}
