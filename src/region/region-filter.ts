import { parseCode, readCodes, searchArgument } from './region-code';
import type { DistrictQuery, KabupatenQuery } from './region.repository';
import type { DistrictFilter, KabupatenFilter } from './region.types';

/**
 * The kabupaten and kecamatan filters as repository queries, for the resolvers and the planner
 * alike: codes parsed (a malformed one is BAD_USER_INPUT before any SQL), search folded. The village
 * filter, which also reaches into programs and IDM, is village-filter.ts.
 */

export function kabupatenQuery(filter: KabupatenFilter | null | undefined): KabupatenQuery {
  return {
    codes: filter?.codes != null ? readCodes(filter.codes, 'kabupaten', 'filter.codes') : undefined,
    search: filter?.search ? searchArgument(filter.search, 'filter.search') : undefined,
    kind: filter?.kind,
    provinceCode: filter?.provinceCode != null ? parseCode(filter.provinceCode, 'province', 'filter.provinceCode') : undefined,
  };
}

export function districtQuery(filter: DistrictFilter | null | undefined): DistrictQuery {
  return {
    codes: filter?.codes != null ? readCodes(filter.codes, 'district', 'filter.codes') : undefined,
    kabupatenCode: filter?.kabupatenCode != null ? parseCode(filter.kabupatenCode, 'kabupaten', 'filter.kabupatenCode') : undefined,
  };
}
