import type DataLoader from 'dataloader';
import { byKeys, groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import type { RegionRepository, VillageParent, VillageQuery } from './region.repository';
import type { DistrictRow, KabupatenRow, ProvinceRow, VillageCounts, VillageRow } from './region.types';

/** Loaders of the register for one operation; each returns the same DataLoader for the same arguments. */
export class RegionLoaders {
  constructor(
    private readonly registry: LoaderRegistry,
    /** For reads that are not batched by key (whole lists, top-level pages). */
    readonly repository: RegionRepository,
  ) {}

  get province(): DataLoader<string, ProvinceRow | null> {
    return this.registry.get('province', async (codes: readonly string[]) =>
      byKeys(codes, (await this.repository.provinces(codes)).map((r) => [r.code, r]), null),
    );
  }

  get kabupaten(): DataLoader<string, KabupatenRow | null> {
    return this.registry.get('kabupaten', async (codes: readonly string[]) =>
      byKeys(codes, (await this.repository.kabupatens(codes)).map((r) => [r.code, r]), null),
    );
  }

  get district(): DataLoader<string, DistrictRow | null> {
    return this.registry.get('district', async (codes: readonly string[]) =>
      byKeys(codes, (await this.repository.districts(codes)).map((r) => [r.code, r]), null),
    );
  }

  get village(): DataLoader<string, VillageRow | null> {
    return this.registry.get('village', async (codes: readonly string[]) =>
      byKeys(codes, (await this.repository.villages(codes)).map(({ key, ...row }) => [key, row as VillageRow]), null),
    );
  }

  /** Regions of a level by BPS code (only asked when a code argument's Kemendagri reading names none). */
  get provinceByBps(): DataLoader<string, ProvinceRow | null> {
    return this.registry.get('provinceByBps', async (codes: readonly string[]) => byKeys(codes, (await this.repository.byBpsCodes('province', codes)).map((r) => [r.bpsCode!, r]), null));
  }

  get kabupatenByBps(): DataLoader<string, KabupatenRow | null> {
    return this.registry.get('kabupatenByBps', async (codes: readonly string[]) => byKeys(codes, (await this.repository.byBpsCodes('kabupaten', codes)).map((r) => [r.bpsCode!, r]), null));
  }

  get districtByBps(): DataLoader<string, DistrictRow | null> {
    return this.registry.get('districtByBps', async (codes: readonly string[]) => byKeys(codes, (await this.repository.byBpsCodes('district', codes)).map((r) => [r.bpsCode!, r]), null));
  }

  get villageByBps(): DataLoader<string, VillageRow | null> {
    return this.registry.get('villageByBps', async (codes: readonly string[]) => byKeys(codes, (await this.repository.byBpsCodes('village', codes)).map((r) => [r.bpsCode!, r]), null));
  }

  kabupatensOfProvince(programId?: number): DataLoader<string, KabupatenRow[]> {
    return this.registry.get(`kabupatensOfProvince:${programId ?? ''}`, async (codes: readonly string[]) =>
      groupByKeys(codes, await this.repository.kabupatensOfProvinces(codes, programId), (r) => r.provinceCode),
    );
  }

  districtsOfKabupaten(programId?: number): DataLoader<string, DistrictRow[]> {
    return this.registry.get(`districtsOfKabupaten:${programId ?? ''}`, async (codes: readonly string[]) =>
      groupByKeys(codes, await this.repository.districtsOfKabupatens(codes, programId), (r) => r.kabupatenCode),
    );
  }

  /** Villages under each parent key meeting the register's conditions (the village list counts its own). */
  villageCount(parent: VillageParent, query: VillageQuery): DataLoader<string, number> {
    return this.registry.get(`villageCount:${parent}:${JSON.stringify(query)}`, async (keys: readonly string[]) =>
      byKeys(keys, (await this.repository.villageCounts(parent, keys, query)).map((r) => [r.parentKey, r.count]), 0),
    );
  }

  villageKindCounts(parent: VillageParent, query: VillageQuery): DataLoader<string, VillageCounts> {
    const none: VillageCounts = { total: 0, desa: 0, desaAdat: 0, kelurahan: 0 };
    return this.registry.get(`villageKindCounts:${parent}:${JSON.stringify(query)}`, async (keys: readonly string[]) =>
      byKeys(keys, (await this.repository.villageKindCounts(parent, keys, query)).map((r) => [r.parentKey, r]), none),
    );
  }
}

declare module '../graphql/context' {
  interface Loaders {
    region: RegionLoaders;
  }
}
