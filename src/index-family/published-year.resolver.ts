import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { ProgramType, type ProgramRow } from '../program/program.types';
import { DistrictType, KabupatenType, ProvinceType, type DistrictRow, type KabupatenRow, type ProvinceRow } from '../region/region.types';
import { latestPublished, NATION, publishedYears } from './level.resolve';
import type { SummaryFrame } from './level.rows';
import { IndexYearType } from './level.types';

/**
 * The "latest published year" per scope: the newest year, of either family, assessed for at least
 * PUBLISHED_YEAR_MIN_SHARE (default half) of that scope's desa. A dashboard opens a scope on it: a
 * kabupaten that loaded its 2025 sheet opens on Indeks Desa 2025, the nation still on IDM 2024.
 */

const LATEST = "The newest year, of either index family, assessed for at least PUBLISHED_YEAR_MIN_SHARE (default half) of this scope's desa; null before any.";
const ALL = "Every year, of either index family, assessed for at least PUBLISHED_YEAR_MIN_SHARE (default half) of this scope's desa, newest first.";

function toType(year: { family: IndexYearType['index']; year: number; assessed: number } | null): IndexYearType | null {
  return year && { index: year.family, year: year.year, assessed: year.assessed };
}

async function latest(context: Context, frame: SummaryFrame): Promise<IndexYearType | null> {
  return toType(await latestPublished(context, frame));
}

async function all(context: Context, frame: SummaryFrame): Promise<IndexYearType[]> {
  return (await publishedYears(context, frame)).map((y) => toType(y)!);
}

@Resolver()
export class PublishedYearQueryResolver {
  @Query(() => IndexYearType, { nullable: true, description: `Nationally: ${LATEST}` })
  latestPublishedYear(@Ctx() context: Context): Promise<IndexYearType | null> {
    return latest(context, NATION);
  }

  @Query(() => [IndexYearType], { description: `Nationally: ${ALL}` })
  publishedYears(@Ctx() context: Context): Promise<IndexYearType[]> {
    return all(context, NATION);
  }
}

@Resolver(() => ProvinceType)
export class ProvincePublishedYearResolver {
  @FieldResolver(() => IndexYearType, { nullable: true, description: `${LATEST} Within a program: of its enrolled desa.` })
  latestPublishedYear(@Root() row: ProvinceRow, @Ctx() context: Context): Promise<IndexYearType | null> {
    return latest(context, { scope: 'province_code', key: row.code, programId: row.scope?.programId });
  }

  @FieldResolver(() => [IndexYearType], { description: `${ALL} Within a program: of its enrolled desa.` })
  publishedYears(@Root() row: ProvinceRow, @Ctx() context: Context): Promise<IndexYearType[]> {
    return all(context, { scope: 'province_code', key: row.code, programId: row.scope?.programId });
  }
}

@Resolver(() => KabupatenType)
export class KabupatenPublishedYearResolver {
  @FieldResolver(() => IndexYearType, { nullable: true, description: `${LATEST} Within a program: of its enrolled desa.` })
  latestPublishedYear(@Root() row: KabupatenRow, @Ctx() context: Context): Promise<IndexYearType | null> {
    return latest(context, { scope: 'kabupaten_code', key: row.code, programId: row.scope?.programId });
  }

  @FieldResolver(() => [IndexYearType], { description: `${ALL} Within a program: of its enrolled desa.` })
  publishedYears(@Root() row: KabupatenRow, @Ctx() context: Context): Promise<IndexYearType[]> {
    return all(context, { scope: 'kabupaten_code', key: row.code, programId: row.scope?.programId });
  }
}

@Resolver(() => DistrictType)
export class DistrictPublishedYearResolver {
  @FieldResolver(() => IndexYearType, { nullable: true, description: `${LATEST} Within a program: of its enrolled desa.` })
  latestPublishedYear(@Root() row: DistrictRow, @Ctx() context: Context): Promise<IndexYearType | null> {
    return latest(context, { scope: 'district_code', key: row.code, programId: row.scope?.programId });
  }
}

@Resolver(() => ProgramType)
export class ProgramPublishedYearResolver {
  @FieldResolver(() => IndexYearType, { nullable: true, description: LATEST.replace("this scope's desa", "the program's enrolled desa") })
  latestPublishedYear(@Root() row: ProgramRow, @Ctx() context: Context): Promise<IndexYearType | null> {
    return latest(context, { scope: 'program', key: String(row.id) });
  }
}
