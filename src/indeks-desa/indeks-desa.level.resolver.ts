import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { IndexFamilyId } from '../index-family/index-family';
import { IndexStatus } from '../index-family/index-status';
import {
  checkFamilyYear,
  coverage,
  familyPublishedYear,
  histogramBins,
  levelRanking,
  levelSummary,
  MAX_HISTOGRAM_BINS,
  meanAgainst,
  NATION,
  officialCounts,
  parentFrame,
  statusShare,
  summaryMovement,
  type HistogramBin,
  type RankEntry,
} from '../index-family/level.resolve';
import type { MovementRow, RankingParent, SummaryFrame } from '../index-family/level.rows';
import { IndexHistogramBinType, IndexYearInput, OfficialCountsType, StatusMovementType } from '../index-family/level.types';
import { ProgramLocusType, ProgramType, type LocusRow, type ProgramRow } from '../program/program.types';
import { DistrictType, KabupatenType, ProvinceType, type DistrictRow, type KabupatenRow, type ProvinceRow } from '../region/region.types';
import { LocusSummaryOf } from '../index-family/level.enums';
import { INDEKS_DESA_LEVEL } from './indeks-desa.level';
import {
  IndeksDesaMeanType,
  IndeksDesaRankEntryType,
  IndeksDesaRankingArgs,
  IndeksDesaSummaryType,
  type IndeksDesaMean,
  type IndeksDesaSummaryRow,
} from './indeks-desa.level.types';

/**
 * The Indeks Desa on every level: summaries, rankings and movement, by the shared level reads
 * (index-family/level.resolve.ts) with the Indeks Desa's descriptor.
 */

/** A year argument of the Indeks Desa: 2025 to next year, else BAD_USER_INPUT naming IDM for 2024 and before. */
const checkYear = (year: number, argument = 'year') => checkFamilyYear(IndexFamilyId.INDEKS_DESA, year, argument);

/** The summary of one scope: of the year asked for, or of the scope's own latest published Indeks Desa year. */
async function summary(context: Context, frame: SummaryFrame, year: number | null | undefined): Promise<IndeksDesaSummaryRow> {
  const y = year == null ? await familyPublishedYear(context, IndexFamilyId.INDEKS_DESA, frame) : checkYear(year);
  return levelSummary<IndeksDesaMean>(context, INDEKS_DESA_LEVEL, frame, y);
}

function ranking(context: Context, parent: RankingParent, key: string, args: IndeksDesaRankingArgs, programId?: number): Promise<RankEntry[]> {
  return levelRanking(context, INDEKS_DESA_LEVEL, parent, key, { ...args, year: checkYear(args.year) }, programId);
}

const SUMMARY_YEAR = { nullable: true, description: "The year to sum up (2025 on); the scope's latest published Indeks Desa year when omitted." };

const FROM = {
  nullable: true,
  description:
    "The other end: a year of either family (e.g. { index: IDM, year: 2024 }); each desa's previous assessed year of either family when omitted, so a first Indeks Desa year compares with the desa's last IDM year.",
};

/** The movement of a summary's desa against `from`, or each desa's previous assessed year of either family. */
function movement(context: Context, row: IndeksDesaSummaryRow, from: IndexYearInput | undefined): Promise<MovementRow> | MovementRow {
  return summaryMovement(context, INDEKS_DESA_LEVEL, row, from);
}

@Resolver(() => IndeksDesaSummaryType)
export class IndeksDesaSummaryResolver {
  @FieldResolver(() => Number, { nullable: true, description: 'Share of the assessed desa having one of `statuses`, 0 to 1, to 4 decimals; null when none was assessed.' })
  share(
    @Root() row: IndeksDesaSummaryRow,
    @Arg('statuses', () => [IndexStatus], { description: 'The statuses counted together, e.g. [MANDIRI, MAJU].' }) statuses: IndexStatus[],
  ): number | null {
    return statusShare(INDEKS_DESA_LEVEL, row, statuses);
  }

  @FieldResolver(() => [IndexHistogramBinType], { description: 'Assessed desa by Skor Indeks Desa in equal bins over the whole 0–100 scale (empty when none was assessed).' })
  histogram(
    @Root() row: IndeksDesaSummaryRow,
    @Arg('bins', () => Int, { defaultValue: 20, description: `Number of bins, 1 to ${MAX_HISTOGRAM_BINS}.` }) bins: number,
    @Ctx() context: Context,
  ): Promise<HistogramBin[]> {
    return histogramBins(context, INDEKS_DESA_LEVEL, row, bins);
  }

  @FieldResolver(() => IndeksDesaMeanType, {
    nullable: true,
    description:
      "These means minus the parent's, to 2 decimals: a kabupaten's against its province, a kecamatan's against its kabupaten, a province's against the nation (within a program: the same program's), a locus's against its program. Null for the nation, a whole program, or when either has no assessed desa.",
  })
  meanVsParent(@Root() row: IndeksDesaSummaryRow, @Ctx() context: Context): Promise<IndeksDesaMean | null> {
    return parentFrame(context, row.frame).then((frame) => meanAgainst(context, INDEKS_DESA_LEVEL, row, frame));
  }

  @FieldResolver(() => IndeksDesaMeanType, { nullable: true, description: 'These means minus the national means of the same year, to 2 decimals; null when either has no assessed desa.' })
  meanVsNational(@Root() row: IndeksDesaSummaryRow, @Ctx() context: Context): Promise<IndeksDesaMean | null> {
    return meanAgainst(context, INDEKS_DESA_LEVEL, row, NATION);
  }

  @FieldResolver(() => Int, { description: 'Assessed desa whose status rose against `from` (by the shared order of the five statuses).' })
  async movedUp(@Root() row: IndeksDesaSummaryRow, @Arg('from', () => IndexYearInput, FROM) from: IndexYearInput | undefined, @Ctx() context: Context): Promise<number> {
    return (await movement(context, row, from)).up;
  }

  @FieldResolver(() => Int, { description: 'Assessed desa whose status fell against `from` (by the shared order of the five statuses).' })
  async movedDown(@Root() row: IndeksDesaSummaryRow, @Arg('from', () => IndexYearInput, FROM) from: IndexYearInput | undefined, @Ctx() context: Context): Promise<number> {
    return (await movement(context, row, from)).down;
  }

  @FieldResolver(() => StatusMovementType, { description: 'How the status of the assessed desa moved against `from`: compared, up, down, same.' })
  movement(@Root() row: IndeksDesaSummaryRow, @Arg('from', () => IndexYearInput, FROM) from: IndexYearInput | undefined, @Ctx() context: Context): Promise<MovementRow> | MovementRow {
    return movement(context, row, from);
  }

  @FieldResolver(() => Number, { nullable: true, description: "Assessed desa ÷ the register's desa and desa adat in the scope (within a program: its enrolled ones), 0 to 1, to 4 decimals; null for a scope without desa." })
  coverage(@Root() row: IndeksDesaSummaryRow, @Ctx() context: Context): Promise<number | null> {
    return coverage(context, row);
  }

  @FieldResolver(() => OfficialCountsType, { nullable: true, description: "The national counts Kepmendes published for the year (343/2025 for 2025), beside what is loaded; on the national summary only, null elsewhere or for a year without a decree here." })
  officialCounts(@Root() row: IndeksDesaSummaryRow): OfficialCountsType | null {
    return officialCounts(INDEKS_DESA_LEVEL, row);
  }
}

@Resolver(() => IndeksDesaRankEntryType)
export class IndeksDesaRankEntryResolver {
  @FieldResolver(() => IndeksDesaSummaryType, { description: "The region's Indeks Desa summary of the ranked year (in the same frame as the ranking)." })
  summary(@Root() entry: RankEntry, @Ctx() context: Context): Promise<IndeksDesaSummaryRow> {
    return context.loaders.levels.summary<IndeksDesaMean>(INDEKS_DESA_LEVEL, entry.frame.scope, entry.year, entry.frame.programId).load(entry.frame.key);
  }
}

@Resolver()
export class IndeksDesaLevelQueryResolver {
  @Query(() => IndeksDesaSummaryType, { description: 'National Indeks Desa summary of a year, with the published national counts beside it.' })
  indeksDesaSummary(@Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<IndeksDesaSummaryRow> {
    return summary(context, NATION, year);
  }

  @Query(() => [IndeksDesaRankEntryType], { description: 'The provinces ranked by mean Skor Indeks Desa or by the share of some statuses (top or bottom N).' })
  indeksDesaRanking(@Args() args: IndeksDesaRankingArgs, @Ctx() context: Context): Promise<RankEntry[]> {
    return ranking(context, 'root', '*', args);
  }
}

@Resolver(() => ProvinceType)
export class ProvinceIndeksDesaResolver {
  @FieldResolver(() => IndeksDesaSummaryType, { description: "Indeks Desa summary of the province's desa (within a program: its enrolled desa)." })
  indeksDesaSummary(@Root() province: ProvinceRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<IndeksDesaSummaryRow> {
    return summary(context, { scope: 'province_code', key: province.code, programId: province.scope?.programId }, year);
  }

  @FieldResolver(() => [IndeksDesaRankEntryType], { description: 'Its kabupaten/kota ranked by mean Skor Indeks Desa or by the share of some statuses (within a program: by its enrolled desa).' })
  indeksDesaRanking(@Root() province: ProvinceRow, @Args() args: IndeksDesaRankingArgs, @Ctx() context: Context): Promise<RankEntry[]> {
    return ranking(context, 'province_code', province.code, args, province.scope?.programId);
  }
}

@Resolver(() => KabupatenType)
export class KabupatenIndeksDesaResolver {
  @FieldResolver(() => IndeksDesaSummaryType, { description: "Indeks Desa summary of the kabupaten's desa (within a program: its enrolled desa)." })
  indeksDesaSummary(@Root() kabupaten: KabupatenRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<IndeksDesaSummaryRow> {
    return summary(context, { scope: 'kabupaten_code', key: kabupaten.code, programId: kabupaten.scope?.programId }, year);
  }

  @FieldResolver(() => [IndeksDesaRankEntryType], { description: 'Its kecamatan ranked by mean Skor Indeks Desa or by the share of some statuses (within a program: by its enrolled desa).' })
  indeksDesaRanking(@Root() kabupaten: KabupatenRow, @Args() args: IndeksDesaRankingArgs, @Ctx() context: Context): Promise<RankEntry[]> {
    return ranking(context, 'kabupaten_code', kabupaten.code, args, kabupaten.scope?.programId);
  }
}

@Resolver(() => DistrictType)
export class DistrictIndeksDesaResolver {
  @FieldResolver(() => IndeksDesaSummaryType, { description: "Indeks Desa summary of the kecamatan's desa (within a program: its enrolled desa)." })
  indeksDesaSummary(@Root() district: DistrictRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<IndeksDesaSummaryRow> {
    return summary(context, { scope: 'district_code', key: district.code, programId: district.scope?.programId }, year);
  }
}

@Resolver(() => ProgramType)
export class ProgramIndeksDesaResolver {
  @FieldResolver(() => IndeksDesaSummaryType, { description: "Indeks Desa summary of the program's enrolled desa." })
  indeksDesaSummary(@Root() program: ProgramRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<IndeksDesaSummaryRow> {
    return summary(context, { scope: 'program', key: String(program.id) }, year);
  }

  @FieldResolver(() => [IndeksDesaRankEntryType], { description: 'The provinces of its enrolled desa ranked by mean Skor Indeks Desa or by the share of some statuses.' })
  indeksDesaRanking(@Root() program: ProgramRow, @Args() args: IndeksDesaRankingArgs, @Ctx() context: Context): Promise<RankEntry[]> {
    return ranking(context, 'root', '*', args, program.id);
  }
}

@Resolver(() => ProgramLocusType)
export class ProgramLocusIndeksDesaResolver {
  @FieldResolver(() => IndeksDesaSummaryType, { description: 'Indeks Desa summary of the desa enrolled through this locus, or of every desa of its kabupaten.' })
  indeksDesaSummary(
    @Root() locus: LocusRow,
    @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined,
    @Arg('of', () => LocusSummaryOf, { defaultValue: LocusSummaryOf.ENROLLED, description: 'Which desa to count.' }) of: LocusSummaryOf,
    @Ctx() context: Context,
  ): Promise<IndeksDesaSummaryRow> {
    const frame: SummaryFrame = of === LocusSummaryOf.KABUPATEN ? { scope: 'kabupaten_code', key: locus.kabupatenCode } : { scope: 'locus', key: String(locus.id) };
    return summary(context, frame, year);
  }
}
