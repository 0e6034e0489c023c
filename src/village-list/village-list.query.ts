import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { checkYear, publishedYear } from '../idm/idm-year';
import { IndexFamilyId } from '../index-family/index-family';
import { checkFamilyYear, familyPublishedYear, NATION } from '../index-family/level.resolve';
import type { SummaryFrame } from '../index-family/level.rows';
import { checkBox } from '../geo/geo.types';
import { parseCode, readCodes, searchArgument } from '../region/region-code';
import type { ProgramScope } from '../region/region.types';
import { orderFamily, type IndexCondition, type VillageListQuery } from './village-list.repository';
import { VillageOrderBy, type VillageArgs, type VillageFilter } from './village-list.types';

/** The narrowest region a filter names, whose published Indeks Desa year a list without one looks at. */
function filterFrame(query: VillageListQuery): SummaryFrame {
  if (query.districtCode) return { scope: 'district_code', key: query.districtCode };
  if (query.kabupatenCode) return { scope: 'kabupaten_code', key: query.kabupatenCode };
  if (query.provinceCode) return { scope: 'province_code', key: query.provinceCode };
  return NATION;
}

/** The Indeks Desa year of a list: the filter's, or the latest published for the filter's region. */
async function indeksDesaYear(filter: VillageFilter | null | undefined, query: VillageListQuery, context: Context): Promise<number | null> {
  if (filter?.indeksDesaYear != null) return checkFamilyYear(IndexFamilyId.INDEKS_DESA, filter.indeksDesaYear, 'filter.indeksDesaYear');
  return familyPublishedYear(context, IndexFamilyId.INDEKS_DESA, filterFrame(query));
}

/** Turns the GraphQL filter into a repository query: codes parsed, search folded, program found, index years chosen. */
export async function villageQuery(filter: VillageFilter | undefined | null, context: Context, scope?: ProgramScope): Promise<VillageListQuery> {
  const query: VillageListQuery = {};
  if (!filter && !scope) return query;
  if (filter?.codes != null) query.codes = readCodes(filter.codes, 'village', 'filter.codes');
  if (filter?.search != null) {
    const key = searchArgument(filter.search, 'filter.search');
    if (key) query.search = key;
  }
  if (filter?.kind) query.kind = filter.kind;
  if (filter?.within != null) query.within = checkBox(filter.within, 'filter.within');
  if (filter?.provinceCode != null) query.provinceCode = parseCode(filter.provinceCode, 'province', 'filter.provinceCode');
  if (filter?.kabupatenCode != null) query.kabupatenCode = parseCode(filter.kabupatenCode, 'kabupaten', 'filter.kabupatenCode');
  if (filter?.districtCode != null) query.districtCode = parseCode(filter.districtCode, 'district', 'filter.districtCode');
  if (
    filter &&
    (filter.idmYear != null || filter.idmStatus?.length || filter.minScore != null || filter.maxScore != null || filter.movement?.length || filter.statusMismatch != null)
  ) {
    const idm: IndexCondition = { year: filter.idmYear != null ? checkYear(filter.idmYear, 'filter.idmYear') : await publishedYear(context) };
    if (filter.idmStatus?.length) idm.statuses = filter.idmStatus;
    if (filter.minScore != null) idm.minScore = filter.minScore;
    if (filter.maxScore != null) idm.maxScore = filter.maxScore;
    if (filter.movement?.length) idm.movements = filter.movement;
    if (filter.statusMismatch != null) idm.statusMismatch = filter.statusMismatch;
    query.idm = idm;
  }
  if (filter && (filter.indeksDesaYear != null || filter.indeksDesaStatus?.length || filter.indeksDesaMinScore != null || filter.indeksDesaMaxScore != null || filter.indeksDesaMovement?.length)) {
    const indeksDesa: IndexCondition = { year: await indeksDesaYear(filter, query, context) };
    if (filter.indeksDesaStatus?.length) indeksDesa.statuses = filter.indeksDesaStatus;
    if (filter.indeksDesaMinScore != null) indeksDesa.minScore = filter.indeksDesaMinScore;
    if (filter.indeksDesaMaxScore != null) indeksDesa.maxScore = filter.indeksDesaMaxScore;
    if (filter.indeksDesaMovement?.length) indeksDesa.movements = filter.indeksDesaMovement;
    query.indeksDesa = indeksDesa;
  }
  if (filter?.programSlug != null) {
    const program = await context.loaders.program.bySlug.load(filter.programSlug);
    if (!program) throw new BadUserInputError(`No program with slug "${filter.programSlug}"; see the programs query`, { argument: 'filter.programSlug' });
    if (scope && scope.programId !== program.id) {
      // Inside one program, asking for another program's villages can only be empty.
      query.programId = -1;
      return query;
    }
    query.programId = program.id;
  }
  if (scope) query.programId = scope.programId;
  return query;
}

/** The query behind a village list: its filter, the program scope, and the year a score order looks at. */
export async function villageListQuery(args: VillageArgs, context: Context, scope?: ProgramScope): Promise<VillageListQuery> {
  const query = await villageQuery(args.filter, context, scope);
  // Ordering by a score looks at that family's filter year (or its latest published), so only assessed desa are listed.
  const family = orderFamily(args.orderBy ?? VillageOrderBy.CODE);
  if (family === 'idm') query.idm ??= { year: await publishedYear(context) };
  if (family === 'indeksDesa') query.indeksDesa ??= { year: await indeksDesaYear(args.filter, query, context) };
  return query;
}
