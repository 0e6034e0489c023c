import type DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { PageArgs, pageRequest, toConnection, type Connection } from '../graphql/connection';
import { codePrefix, compactCode, parseCode, readCode, searchArgument, type CodeReading } from './region-code';
import { RegionLevelName } from './region.enums';
import { regionId } from './region.nodes';
import type { VillageParent } from './region.repository';
import {
  DistrictArgs,
  DistrictConnection,
  DistrictType,
  KabupatenConnection,
  KabupatenFilter,
  KabupatenType,
  ProvinceType,
  RegionSearchHitType,
  VillageCounts,
  VillageType,
  type DistrictRow,
  type KabupatenRow,
  type ProgramScope,
  type ProvinceRow,
  type SearchHitRow,
  type VillageRow,
} from './region.types';
import { districtQuery, kabupatenQuery } from './region-filter';

/** Rows reached from a scoped row stay in the same program scope. */
function scoped<T extends object>(row: T | null, scope: ProgramScope | undefined): T | null {
  return row && scope ? { ...row, scope } : row;
}

/**
 * The row a code argument names: its Kemendagri reading when the register holds it, else (one more
 * batched lookup, only then) the region whose BPS code it is; as the planner's `codeNamedSql` reads it.
 */
async function byReading<T>(reading: CodeReading, kemendagri: DataLoader<string, T | null>, bps: DataLoader<string, T | null>): Promise<T | null> {
  const row = reading.kemendagri !== null ? await kemendagri.load(reading.kemendagri) : null;
  return row ?? (reading.bps !== null ? bps.load(reading.bps) : null);
}

function villageCounts(context: Context, parent: VillageParent, key: string, scope: ProgramScope | undefined): Promise<VillageCounts> {
  return context.loaders.region.villageKindCounts(parent, scope ? { programId: scope.programId } : {}).load(key);
}

@Resolver()
export class RegionQueryResolver {
  @Query(() => ProvinceType, {
    nullable: true,
    description: 'A province by code ("64"): the Kemendagri province of that code, else the one whose BPS code it is; null when neither is in the register.',
  })
  province(@Arg('code', { description: 'Province code, e.g. "64": Kemendagri, or BPS where no Kemendagri province has it.' }) code: string, @Ctx() context: Context): Promise<ProvinceRow | null> {
    const loaders = context.loaders.region;
    return byReading(readCode(code, 'province'), loaders.province, loaders.provinceByBps);
  }

  @Query(() => [ProvinceType], { description: 'All 38 provinces in code order.' })
  async provinces(@Ctx() context: Context): Promise<ProvinceRow[]> {
    const loaders = context.loaders.region;
    const rows = await loaders.repository.provinces();
    // Prime the loader so lookups of these provinces further down the query cost nothing.
    for (const row of rows) loaders.province.prime(row.code, row);
    return rows;
  }

  @Query(() => KabupatenType, { nullable: true, description: 'A kabupaten/kota by code ("64.02" or "6402", or a BPS code); null when unknown.' })
  kabupaten(
    @Arg('code', { description: 'Kabupaten code: Kemendagri, dotted or not, or a 4-digit BPS code (the Kemendagri reading wins when the register holds it).' }) code: string,
    @Ctx() context: Context,
  ): Promise<KabupatenRow | null> {
    const loaders = context.loaders.region;
    return byReading(readCode(code, 'kabupaten'), loaders.kabupaten, loaders.kabupatenByBps);
  }

  @Query(() => KabupatenConnection, { description: 'Kabupaten/kota in code order, optionally filtered.' })
  async kabupatens(
    @Arg('filter', () => KabupatenFilter, { nullable: true, description: 'Conditions the kabupaten must meet.' }) filter: KabupatenFilter | undefined,
    @Args() args: PageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<KabupatenRow>> {
    const page = pageRequest(args);
    const query = kabupatenQuery(filter);
    const loaders = context.loaders.region;
    const rows = page.first === 0 ? [] : await loaders.repository.kabupatenPage(query, page);
    for (const row of rows) loaders.kabupaten.prime(row.code, row);
    return toConnection(rows, page, (r) => r.code, () => loaders.repository.kabupatenCount(query));
  }

  @Query(() => DistrictConnection, { description: 'Kecamatan in code order, optionally filtered (by many codes at once, or by kabupaten).' })
  async districts(@Args() args: DistrictArgs, @Ctx() context: Context): Promise<Connection<DistrictRow>> {
    const page = pageRequest(args);
    const query = districtQuery(args.filter);
    const loaders = context.loaders.region;
    const rows = page.first === 0 ? [] : await loaders.repository.districtPage(query, page);
    for (const row of rows) loaders.district.prime(row.code, row);
    return toConnection(rows, page, (r) => r.code, () => loaders.repository.districtCount(query));
  }

  @Query(() => DistrictType, { nullable: true, description: 'A kecamatan by code ("64.02.08" or "640208", or a 7-digit BPS code); null when unknown.' })
  district(@Arg('code', { description: 'District code: Kemendagri, dotted or not, or a 7-digit BPS code.' }) code: string, @Ctx() context: Context): Promise<DistrictRow | null> {
    const loaders = context.loaders.region;
    return byReading(readCode(code, 'district'), loaders.district, loaders.districtByBps);
  }

  @Query(() => VillageType, { nullable: true, description: 'A village by code ("64.02.08.2005" or "6402082005", or a 10-digit BPS code); null when unknown.' })
  village(
    @Arg('code', {
      description: 'Village code, dotted (Kemendagri) or not (Kemendes), or BPS. Ten digits are read as Kemendagri when the register holds that code (or a desa was published under it), else as a BPS code.',
    })
    code: string,
    @Ctx() context: Context,
  ): Promise<VillageRow | null> {
    const loaders = context.loaders.region;
    return byReading(readCode(code, 'village'), loaders.village, loaders.villageByBps);
  }

}

/** Most results a name search returns. */
export const MAX_SEARCH_RESULTS = 50;

@Resolver(() => RegionSearchHitType)
export class RegionSearchResolver {
  @Query(() => [RegionSearchHitType], {
    description:
      'Regions by name, best match first: exact, then prefix, then a later word, then anywhere in the name, then similar names (trigram similarity). Case, accents, punctuation and spaces are ignored ("kotabangun" finds Kota Bangun).',
  })
  async search(
    @Arg('text', { description: 'The name or part of it, at most 100 characters.' }) text: string,
    @Arg('first', () => Int, { defaultValue: 10, description: `Results to return, 1 to ${MAX_SEARCH_RESULTS}.` }) first: number,
    @Arg('levels', () => [RegionLevelName], { nullable: true, description: 'Only regions of these levels; all when omitted.' }) levels: RegionLevelName[] | undefined,
    @Arg('provinceCode', () => String, { nullable: true, description: 'Only inside this province ("72").' }) provinceCode: string | undefined,
    @Arg('kabupatenCode', () => String, { nullable: true, description: 'Only inside this kabupaten/kota ("72.10").' }) kabupatenCode: string | undefined,
    @Ctx() context: Context,
  ): Promise<SearchHitRow[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) {
      throw new BadUserInputError(`first must be between 1 and ${MAX_SEARCH_RESULTS}, got ${first}`, { argument: 'first', max: MAX_SEARCH_RESULTS });
    }
    return context.loaders.region.repository.search(searchArgument(text, 'text'), {
      first,
      levels: levels?.length ? levels : undefined,
      provinceCode: provinceCode != null ? parseCode(provinceCode, 'province', 'provinceCode') : undefined,
      kabupatenCode: kabupatenCode != null ? parseCode(kabupatenCode, 'kabupaten', 'kabupatenCode') : undefined,
    });
  }

  @FieldResolver(() => ProvinceType, { description: 'The province (itself, for a province).' })
  async province(@Root() hit: SearchHitRow, @Ctx() context: Context): Promise<ProvinceRow> {
    return (await context.loaders.region.province.load(codePrefix(hit.code, 1)))!;
  }

  @FieldResolver(() => KabupatenType, { nullable: true, description: 'The kabupaten/kota (itself, for one); null for a province.' })
  kabupaten(@Root() hit: SearchHitRow, @Ctx() context: Context): Promise<KabupatenRow | null> | null {
    return hit.level === RegionLevelName.PROVINCE ? null : context.loaders.region.kabupaten.load(codePrefix(hit.code, 2));
  }

  @FieldResolver(() => DistrictType, { nullable: true, description: 'The kecamatan (itself, for one); null above that level.' })
  district(@Root() hit: SearchHitRow, @Ctx() context: Context): Promise<DistrictRow | null> | null {
    return hit.level === RegionLevelName.DISTRICT || hit.level === RegionLevelName.VILLAGE ? context.loaders.region.district.load(codePrefix(hit.code, 3)) : null;
  }

  @FieldResolver(() => VillageType, { nullable: true, description: 'The village, for a village; null otherwise.' })
  village(@Root() hit: SearchHitRow, @Ctx() context: Context): Promise<VillageRow | null> | null {
    return hit.level === RegionLevelName.VILLAGE ? context.loaders.region.village.load(hit.code) : null;
  }
}

@Resolver(() => ProvinceType)
export class ProvinceResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'BPS\'s code, 2 digits (e.g. "94" for Kemendagri 91, Papua), as SDGs Desa, Podes and Susenas write it; null when the BPS bridge (`import:areas --bps`) has none for it.',
  })
  async bpsCode(@Root() province: ProvinceRow, @Ctx() context: Context): Promise<string | null> {
    // Rows read elsewhere (the change log's events) carry no BPS code: read it then, batched.
    return province.bpsCode !== undefined ? province.bpsCode : ((await context.loaders.region.province.load(province.code))?.bpsCode ?? null);
  }

  @FieldResolver(() => ID)
  id(@Root() province: ProvinceRow): string {
    return regionId('Province', province);
  }

  @FieldResolver(() => String, { description: 'The code as Kemendes data write it (same as `code` at this level).' })
  compactCode(@Root() province: ProvinceRow): string {
    return compactCode(province.code);
  }

  @FieldResolver(() => [KabupatenType], { description: "Its kabupaten/kota in code order; reached through a program, only that program's loci." })
  async kabupatens(@Root() province: ProvinceRow, @Ctx() context: Context): Promise<KabupatenRow[]> {
    const rows = await context.loaders.region.kabupatensOfProvince(province.scope?.programId).load(province.code);
    return province.scope ? rows.map((r) => ({ ...r, scope: province.scope })) : rows;
  }


  @FieldResolver(() => VillageCounts, { description: 'How many villages it has, by kind (within a program: enrolled ones).' })
  villageCounts(@Root() province: ProvinceRow, @Ctx() context: Context): Promise<VillageCounts> {
    return villageCounts(context, 'province_code', province.code, province.scope);
  }
}

@Resolver(() => KabupatenType)
export class KabupatenResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'BPS\'s code, 4 digits (e.g. "7201", Kemendagri 72.07), as SDGs Desa, Podes and Susenas write it; null when the BPS bridge (`import:areas --bps`) has none for it.',
  })
  async bpsCode(@Root() kabupaten: KabupatenRow, @Ctx() context: Context): Promise<string | null> {
    // Rows read elsewhere (the change log's events) carry no BPS code: read it then, batched.
    return kabupaten.bpsCode !== undefined ? kabupaten.bpsCode : ((await context.loaders.region.kabupaten.load(kabupaten.code))?.bpsCode ?? null);
  }

  @FieldResolver(() => ID)
  id(@Root() kabupaten: KabupatenRow): string {
    return regionId('Kabupaten', kabupaten);
  }

  @FieldResolver(() => String, { description: 'The code without dots, as Kemendes data write it ("6402").' })
  compactCode(@Root() kabupaten: KabupatenRow): string {
    return compactCode(kabupaten.code);
  }

  @FieldResolver(() => ProvinceType, { description: 'The province it lies in.' })
  async province(@Root() kabupaten: KabupatenRow, @Ctx() context: Context): Promise<ProvinceRow> {
    return scoped(await context.loaders.region.province.load(kabupaten.provinceCode), kabupaten.scope)!;
  }

  @FieldResolver(() => [DistrictType], { description: 'Its kecamatan in code order; within a program, those holding enrolled villages.' })
  async districts(@Root() kabupaten: KabupatenRow, @Ctx() context: Context): Promise<DistrictRow[]> {
    const rows = await context.loaders.region.districtsOfKabupaten(kabupaten.scope?.programId).load(kabupaten.code);
    return kabupaten.scope ? rows.map((r) => ({ ...r, scope: kabupaten.scope })) : rows;
  }


  @FieldResolver(() => VillageCounts, { description: 'How many villages it has, by kind (within a program: enrolled ones).' })
  villageCounts(@Root() kabupaten: KabupatenRow, @Ctx() context: Context): Promise<VillageCounts> {
    return villageCounts(context, 'kabupaten_code', kabupaten.code, kabupaten.scope);
  }
}

@Resolver(() => DistrictType)
export class DistrictResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'BPS\'s code, 7 digits (e.g. "7201030", Kemendagri 72.07.03), as SDGs Desa, Podes and Susenas write it; null when the BPS bridge (`import:areas --bps`) has none for it.',
  })
  async bpsCode(@Root() district: DistrictRow, @Ctx() context: Context): Promise<string | null> {
    // Rows read elsewhere (the change log's events) carry no BPS code: read it then, batched.
    return district.bpsCode !== undefined ? district.bpsCode : ((await context.loaders.region.district.load(district.code))?.bpsCode ?? null);
  }

  @FieldResolver(() => ID)
  id(@Root() district: DistrictRow): string {
    return regionId('District', district);
  }

  @FieldResolver(() => String, { description: 'The code without dots ("640208").' })
  compactCode(@Root() district: DistrictRow): string {
    return compactCode(district.code);
  }

  @FieldResolver(() => KabupatenType, { description: 'The kabupaten/kota it lies in.' })
  async kabupaten(@Root() district: DistrictRow, @Ctx() context: Context): Promise<KabupatenRow> {
    return scoped(await context.loaders.region.kabupaten.load(district.kabupatenCode), district.scope)!;
  }

  @FieldResolver(() => ProvinceType, { description: 'The province it lies in.' })
  async province(@Root() district: DistrictRow, @Ctx() context: Context): Promise<ProvinceRow> {
    return scoped(await context.loaders.region.province.load(district.provinceCode), district.scope)!;
  }


  @FieldResolver(() => VillageCounts, { description: 'How many villages it has, by kind (within a program: enrolled ones).' })
  villageCounts(@Root() district: DistrictRow, @Ctx() context: Context): Promise<VillageCounts> {
    return villageCounts(context, 'district_code', district.code, district.scope);
  }
}

@Resolver(() => VillageType)
export class VillageResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'BPS\'s code, 10 digits (e.g. "7201030008", Kemendagri 72.07.03.2008), as SDGs Desa, Podes and Susenas write it; null when the BPS bridge (`import:areas --bps`) has none for it.',
  })
  async bpsCode(@Root() village: VillageRow, @Ctx() context: Context): Promise<string | null> {
    // Rows read elsewhere (the change log's events) carry no BPS code: read it then, batched.
    return village.bpsCode !== undefined ? village.bpsCode : ((await context.loaders.region.village.load(village.code))?.bpsCode ?? null);
  }

  @FieldResolver(() => ID)
  id(@Root() village: VillageRow): string {
    return regionId('Village', village);
  }

  @FieldResolver(() => String, { description: 'The code without dots, as Kemendes IDM data write it ("6402082005").' })
  compactCode(@Root() village: VillageRow): string {
    return compactCode(village.code);
  }

  @FieldResolver(() => DistrictType, { description: 'The kecamatan it lies in.' })
  async district(@Root() village: VillageRow, @Ctx() context: Context): Promise<DistrictRow> {
    return scoped(await context.loaders.region.district.load(village.districtCode), village.scope)!;
  }

  @FieldResolver(() => KabupatenType, { description: 'The kabupaten/kota it lies in.' })
  async kabupaten(@Root() village: VillageRow, @Ctx() context: Context): Promise<KabupatenRow> {
    return scoped(await context.loaders.region.kabupaten.load(village.kabupatenCode), village.scope)!;
  }

  @FieldResolver(() => ProvinceType, { description: 'The province it lies in.' })
  async province(@Root() village: VillageRow, @Ctx() context: Context): Promise<ProvinceRow> {
    return scoped(await context.loaders.region.province.load(village.provinceCode), village.scope)!;
  }
}
