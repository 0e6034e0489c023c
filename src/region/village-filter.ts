import { BadUserInputError } from '../errors';
import { checkYear, publishedYear } from '../idm/idm-year';
import type { Context } from '../graphql/context';
import { parseCode, parseCodes, searchArgument } from './region-code';
import type { VillageQuery } from './region.repository';
import type { ProgramScope, VillageFilter } from './region.types';

/** Turns the GraphQL filter into a repository query: codes parsed, search folded, program found. */
export async function villageQuery(filter: VillageFilter | undefined | null, context: Context, scope?: ProgramScope): Promise<VillageQuery> {
  const query: VillageQuery = {};
  if (!filter && !scope) return query;
  if (filter?.codes != null) query.codes = parseCodes(filter.codes, 'village', 'filter.codes');
  if (filter?.search != null) {
    const key = searchArgument(filter.search, 'filter.search');
    if (key) query.search = key;
  }
  if (filter?.kind) query.kind = filter.kind;
  if (
    filter &&
    (filter.idmYear != null || filter.idmStatus?.length || filter.minScore != null || filter.maxScore != null || filter.movement?.length || filter.statusMismatch != null)
  ) {
    query.idm = { year: filter.idmYear != null ? checkYear(filter.idmYear, 'filter.idmYear') : await publishedYear(context) };
    if (filter.idmStatus?.length) query.idm.statuses = filter.idmStatus;
    if (filter.minScore != null) query.idm.minScore = filter.minScore;
    if (filter.maxScore != null) query.idm.maxScore = filter.maxScore;
    if (filter.movement?.length) query.idm.movements = filter.movement;
    if (filter.statusMismatch != null) query.idm.statusMismatch = filter.statusMismatch;
  }
  if (filter?.provinceCode != null) query.provinceCode = parseCode(filter.provinceCode, 'province', 'filter.provinceCode');
  if (filter?.kabupatenCode != null) query.kabupatenCode = parseCode(filter.kabupatenCode, 'kabupaten', 'filter.kabupatenCode');
  if (filter?.districtCode != null) query.districtCode = parseCode(filter.districtCode, 'district', 'filter.districtCode');
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
