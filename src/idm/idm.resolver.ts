import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assessmentId } from './idm.nodes';
import { actorOf, Role, writeScope } from '../auth/viewer';
import type { Context } from '../graphql/context';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors';
import { ProgramLocusType, ProgramType, type LocusRow, type ProgramRow } from '../program/program.types';
import { DistrictType, KabupatenType, ProvinceType, VillageType, type DistrictRow, type KabupatenRow, type ProvinceRow, type VillageRow } from '../region/region.types';
import { OutOfScopeError, recordAssessments, RejectedBatchError, type Reject, type WriteReport } from './assessment.writer';
import { codePrefix } from '../region/region-code';
import { emptySummary, type RankingParent, type SummaryScope } from './idm.repository';
import { isPublishedYear, movement, roundScore, statusFromScore } from './idm.rules';
import { checkYear, publishedYear, registerDesa } from './idm-year';
import { RejectReason } from './idm.validation';
import { IdmIndex, IdmMovement, IdmStatus } from './idm-status';
import {
  IdmAssessmentInput,
  IdmHistogramBinType,
  IdmMeanType,
  IdmRankBy,
  IdmRankEntryType,
  LocusSummaryOf,
  RankDirection,
  IdmAssessmentType,
  IdmChangeType,
  IdmIndicatorType,
  IdmProvenanceType,
  IdmRecordResultType,
  IdmRetractionType,
  IdmSourceType,
  IdmSummaryType,
  IdmYearType,
  type RankEntryRow,
} from './idm.types';
import type { AssessmentRow, ChangeRow, IndicatorRow, SummaryFrame, SummaryRow } from './idm.rows';
import type { IdmRecord, IdmRetraction, IdmWrite } from './idm-record';

/** Largest batch `recordIdmAssessments` takes; bigger loads belong to `npm run import:idm`. */
export const MAX_ASSESSMENTS_PER_MUTATION = 5000;

async function summary(context: Context, scope: SummaryScope, key: string, year: number | null | undefined, programId?: number): Promise<SummaryRow> {
  const y = year == null ? await publishedYear(context) : checkYear(year);
  if (y === null) return emptySummary({ scope, key, programId }, null);
  return context.loaders.idm.summary(scope, y, programId).load(key);
}

const SUMMARY_YEAR = { nullable: true, description: 'The year to sum up; the latest published year when omitted.' };

/** Most bins a histogram may have. */
export const MAX_HISTOGRAM_BINS = 100;
/** Most entries a ranking returns (the largest parent, Kabupaten Nduga, has 51 kecamatan). */
export const MAX_RANKING_ENTRIES = 51;

@ArgsType()
export class RankingArgs {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => IdmRankBy, { defaultValue: IdmRankBy.MEAN_SCORE, description: 'What to rank by.' })
  by!: IdmRankBy;

  @Field(() => [IdmStatus], { nullable: true, description: 'With STATUS_SHARE: the statuses whose share is ranked, e.g. [MANDIRI, MAJU].' })
  statuses?: IdmStatus[] | null;

  @Field(() => RankDirection, { defaultValue: RankDirection.TOP, description: 'The top (highest values first) or the bottom (lowest first).' })
  direction!: RankDirection;

  @Field(() => Int, { defaultValue: 10, description: `Entries to return, 1 to ${MAX_RANKING_ENTRIES}.` })
  first!: number;
}

/** The children of `key` ranked as `args` asks, each with its own summary frame. */
async function ranking(context: Context, parent: RankingParent, key: string, args: RankingArgs, programId?: number): Promise<RankEntryRow[]> {
  const year = checkYear(args.year);
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_RANKING_ENTRIES) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_RANKING_ENTRIES}, got ${args.first}`, { argument: 'first' });
  }
  const statuses = args.statuses ?? [];
  if (args.by === IdmRankBy.STATUS_SHARE && statuses.length === 0) {
    throw new BadUserInputError('by: STATUS_SHARE needs statuses, e.g. statuses: [MANDIRI, MAJU]', { argument: 'statuses' });
  }
  const request = { parent, year, by: args.by, statuses: args.by === IdmRankBy.STATUS_SHARE ? statuses : [], direction: args.direction, first: args.first, programId };
  const rows = await context.loaders.idm.ranking(request).load(key);
  const scope: SummaryScope = parent === 'root' ? 'province_code' : parent === 'province_code' ? 'kabupaten_code' : 'district_code';
  return rows.map((row) => ({ ...row, year, frame: { scope, key: row.code, programId } }));
}

const NATION: SummaryFrame = { scope: 'root', key: '*' };

/**
 * The frame a summary is compared with as its parent: the region above it in the same frame (within
 * a program: the same program's), the program of a locus; none for the nation and a whole program.
 */
async function parentFrame(context: Context, frame: SummaryFrame): Promise<SummaryFrame | null> {
  const programId = frame.programId;
  switch (frame.scope) {
    case 'root':
    case 'program':
      return null;
    case 'locus': {
      const locus = await context.loaders.program.locus.load(Number(frame.key));
      return locus ? { scope: 'program', key: String(locus.programId) } : null;
    }
    case 'province_code':
      return programId === undefined ? NATION : { scope: 'program', key: String(programId) };
    case 'kabupaten_code':
      return { scope: 'province_code', key: codePrefix(frame.key, 1), programId };
    case 'district_code':
      return { scope: 'kabupaten_code', key: codePrefix(frame.key, 2), programId };
  }
}

function meanDifference(mean: IdmMeanType | null, other: IdmMeanType | null): IdmMeanType | null {
  if (!mean || !other) return null;
  return { score: roundScore(mean.score - other.score), iks: roundScore(mean.iks - other.iks), ike: roundScore(mean.ike - other.ike), ikl: roundScore(mean.ikl - other.ikl) };
}

async function meanAgainst(context: Context, row: SummaryRow, frame: SummaryFrame | null): Promise<IdmMeanType | null> {
  if (!frame || !row.mean || row.year === null) return null;
  const other = await context.loaders.idm.summary(frame.scope, row.year, frame.programId).load(frame.key);
  return meanDifference(row.mean, other.mean);
}

@Resolver(() => IdmSummaryType)
export class IdmSummaryResolver {
  @FieldResolver(() => Number, { nullable: true, description: 'Share of the assessed desa having one of `statuses`, 0 to 1, to 4 decimals; null when none was assessed.' })
  share(
    @Root() row: SummaryRow,
    @Arg('statuses', () => [IdmStatus], { description: 'The statuses counted together, e.g. [MANDIRI, MAJU].' }) statuses: IdmStatus[],
  ): number | null {
    if (row.assessed === 0) return null;
    const counted = row.byStatus.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s.count, 0);
    return roundScore(counted / row.assessed);
  }

  @FieldResolver(() => [IdmHistogramBinType], {
    description: 'Assessed desa by score in equal bins from the lowest to the highest score of the scope; empty when none was assessed.',
  })
  async histogram(
    @Root() row: SummaryRow,
    @Arg('bins', () => Int, { defaultValue: 24, description: `Number of bins, 1 to ${MAX_HISTOGRAM_BINS}.` }) bins: number,
    @Ctx() context: Context,
  ): Promise<IdmHistogramBinType[]> {
    if (!Number.isInteger(bins) || bins < 1 || bins > MAX_HISTOGRAM_BINS) {
      throw new BadUserInputError(`bins must be between 1 and ${MAX_HISTOGRAM_BINS}, got ${bins}`, { argument: 'bins' });
    }
    if (row.assessed === 0 || row.year === null) return [];
    const { frame } = row;
    const histogram = await context.loaders.idm.histogram(frame.scope, row.year, bins, frame.programId).load(frame.key);
    if (!histogram) return [];
    const width = (histogram.hi - histogram.lo) / bins;
    return histogram.counts.map((count, i) => {
      const from = histogram.lo + i * width;
      return { from: roundScore(from), to: roundScore(i === bins - 1 ? histogram.hi : from + width), count, status: statusFromScore(from + width / 2) };
    });
  }

  @FieldResolver(() => IdmMeanType, {
    nullable: true,
    description:
      "This mean minus its parent's, to 4 decimals: a kabupaten's against its province, a kecamatan's against its kabupaten, a province's against the nation (within a program: the same program's), a locus's against its program. Null for the nation, a whole program, or when either has no assessed desa.",
  })
  meanVsParent(@Root() row: SummaryRow, @Ctx() context: Context): Promise<IdmMeanType | null> {
    return parentFrame(context, row.frame).then((frame) => meanAgainst(context, row, frame));
  }

  @FieldResolver(() => IdmMeanType, { nullable: true, description: 'This mean minus the national mean of the same year, to 4 decimals; null when either has no assessed desa.' })
  meanVsNational(@Root() row: SummaryRow, @Ctx() context: Context): Promise<IdmMeanType | null> {
    return meanAgainst(context, row, NATION);
  }
}

@Resolver(() => IdmRankEntryType)
export class IdmRankEntryResolver {
  @FieldResolver(() => IdmSummaryType, { description: "The region's IDM summary of the ranked year (in the same frame as the ranking)." })
  summary(@Root() entry: RankEntryRow, @Ctx() context: Context): Promise<SummaryRow> {
    return context.loaders.idm.summary(entry.frame.scope, entry.year, entry.frame.programId).load(entry.frame.key);
  }
}

@Resolver()
export class IdmQueryResolver {
  @Query(() => IdmSummaryType, { description: 'National IDM summary of a year.' })
  idmSummary(@Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'root', '*', year);
  }

  @Query(() => [IdmRankEntryType], { description: 'The provinces ranked by mean IDM score or by the share of some statuses (top or bottom N).' })
  idmRanking(@Args() args: RankingArgs, @Ctx() context: Context): Promise<RankEntryRow[]> {
    return ranking(context, 'root', '*', args);
  }

  @Query(() => [IdmYearType], { description: 'Years with at least one assessment, oldest first, each with its count of assessed desa.' })
  async idmYears(@Ctx() context: Context): Promise<IdmYearType[]> {
    const [years, desa] = await Promise.all([context.loaders.idm.yearCounts.load('*'), registerDesa(context)]);
    const share = context.services.config.publishedYearMinShare;
    return years.map((y) => ({ ...y, published: isPublishedYear(y, desa, share) }));
  }

  @Mutation(() => IdmRecordResultType, {
    nullable: true,
    description: `Records or replaces up to ${MAX_ASSESSMENTS_PER_MUTATION} assessments, all or nothing, under the importers' rules. An ADMIN token, or an OPERATOR token whose scope holds every desa of the batch.`,
  })
  @Authorized(Role.ADMIN, Role.OPERATOR)
  async recordIdmAssessments(
    @Arg('input', () => [IdmAssessmentInput], { description: 'The assessments; each desa-year at most once.' }) input: IdmAssessmentInput[],
    @Ctx() context: Context,
  ): Promise<IdmRecordResultType> {
    if (input.length === 0 || input.length > MAX_ASSESSMENTS_PER_MUTATION) {
      throw new BadUserInputError(`input must hold 1 to ${MAX_ASSESSMENTS_PER_MUTATION} assessments, got ${input.length}; use npm run import:idm for more`, { argument: 'input' });
    }
    const report = await write(context, input.map(toRecord), (r) => `input[${r.index}].${r.field ?? 'villageCode'} ${JSON.stringify(valueAt(input[r.index], r.field ?? 'villageCode'))}`, 'recorded');
    return { received: report.received, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, changes: report.changes };
  }

  @Mutation(() => IdmRetractionType, {
    nullable: true,
    description: 'Takes back the assessment of a desa for a year: the change log records it and subscribers receive it with no current value. An ADMIN token, or an OPERATOR token whose scope holds the desa.',
  })
  @Authorized(Role.ADMIN, Role.OPERATOR)
  async retractIdmAssessment(
    @Arg('villageCode', { description: 'The desa ("6402082005" or "64.02.08.2005").' }) villageCode: string,
    @Arg('year', () => Int, { description: 'The year of the assessment to take back.' }) year: number,
    @Arg('reason', { description: 'Why, in a sentence; kept in the change log.' }) reason: string,
    @Ctx() context: Context,
  ): Promise<IdmRetractionType & { villageCode: string }> {
    const retraction: IdmRetraction = {
      kind: 'retraction',
      source: { format: 'graphql', file: 'retractIdmAssessment', line: 1 },
      villageCode,
      names: {},
      year,
      reason,
      expected: null,
    };
    const values: Record<string, unknown> = { villageCode, year, reason };
    const report = await write(context, [retraction], (r) => `${r.field ?? 'villageCode'} ${JSON.stringify(values[r.field ?? 'villageCode'])}`, 'retracted');
    const [done] = report.retractions;
    return { villageCode: done!.villageCode, year: done!.year, previous: done!.previous, reason: reason.trim() };
  }
}

/**
 * The mutations' side of the write path: all or nothing, as the viewer, within its scope. Rejects
 * become one error naming each bad item by its path and value (`input[1].villageCode "…"`).
 */
async function write(context: Context, writes: IdmWrite[], locate: (r: Reject) => string, verb: string): Promise<WriteReport> {
  // Mutation fields run one after another: what an earlier one loaded must not answer for this one.
  context.renew();
  const { viewer } = context;
  try {
    return await recordAssessments(context.sql, writes, { actor: actorOf(viewer), scope: writeScope(viewer), allOrNothing: true, publisher: context.services.notifier });
  } catch (error) {
    if (error instanceof OutOfScopeError) {
      const outside = error.outside.map((o) => `${writes.length > 1 ? `input[${o.index}] ` : ''}${o.village.name} (${o.village.code})`);
      throw new ForbiddenError(`Nothing was ${verb}: the token of ${viewer.subject} may write in ${error.scope.join(', ')} only, and ${outside.join(', ')} lie${outside.length > 1 ? '' : 's'} outside.`, {
        scope: error.scope,
        outside: error.outside.map((o) => ({ index: o.index, villageCode: o.village.code })),
      });
    }
    if (!(error instanceof RejectedBatchError)) throw error;
    const rejects = error.rejects;
    const details = { errors: rejects.map((r) => ({ index: r.index, field: r.field, reason: r.reason, message: r.message })) };
    if (writes.length === 1 && rejects[0]!.reason === RejectReason.NOT_RECORDED) throw new NotFoundError(`Nothing was ${verb}: ${rejects[0]!.message}.`, details);
    const listed = rejects.slice(0, 20).map((r) => `${locate(r)}: ${r.message}`);
    const count = writes.length > 1 ? `${rejects.length} of ${writes.length} items are invalid. ` : '';
    throw new BadUserInputError(`Nothing was ${verb}: ${count}${listed.join('; ')}`, details);
  }
}

/** The value at a path such as "villageCode" or "indicators[3].score" of an input item. */
function valueAt(item: unknown, path: string): unknown {
  return path.split(/[.[\]]+/).filter(Boolean).reduce<unknown>((value, part) => (value == null ? undefined : (value as Record<string, unknown>)[part]), item);
}

function toRecord(input: IdmAssessmentInput, index: number): IdmRecord {
  return {
    source: { format: 'graphql', file: 'recordIdmAssessments', line: index + 1 },
    villageCode: input.villageCode,
    names: {},
    year: input.year,
    iks: input.iks,
    ike: input.ike,
    ikl: input.ikl,
    score: input.score,
    status: input.status ?? null,
    statusText: input.status ?? null,
    indicators: input.indicators?.map((i) => ({
      index: i.index,
      number: i.number,
      name: i.name,
      score: i.score,
      description: i.description ?? null,
      activity: i.activity ?? null,
      actors: { pusat: null, provinsi: null, kabupaten: null, desa: null, csr: null, lainnya: null },
      potentialGain: null,
    })),
  };
}

@Resolver(() => IdmRetractionType)
export class IdmRetractionResolver {
  @FieldResolver(() => VillageType, { description: 'The desa.' })
  async village(@Root() row: IdmRetractionType & { villageCode: string }, @Ctx() context: Context): Promise<VillageRow> {
    return (await context.loaders.region.village.load(row.villageCode))!;
  }
}

/** The change of an assessment against the previous assessed year's (null: none before), by the movement rule. */
export function changeAgainst(row: Pick<AssessmentRow, 'score' | 'status' | 'derivedStatus'>, before: { year: number; score: number; status: IdmStatus } | null): ChangeRow {
  if (!before) return { scoreDelta: null, movement: IdmMovement.NEW, previousYear: null, previousStatus: null };
  return { scoreDelta: roundScore(row.score - before.score), movement: movement(before.status, row.status ?? row.derivedStatus), previousYear: before.year, previousStatus: before.status };
}

/** A desa's assessments, oldest first, each with its change against the one before. */
export function historyWithChanges(rows: AssessmentRow[]): AssessmentRow[] {
  return rows.map((row, i) => {
    const before = rows[i - 1];
    return { ...row, change: changeAgainst(row, before ? { year: before.year, score: before.score, status: before.status ?? before.derivedStatus } : null) };
  });
}

@Resolver(() => VillageType)
export class VillageIdmResolver {
  @FieldResolver(() => IdmAssessmentType, { nullable: true, description: 'IDM of this desa in a year (latest when omitted); null when not assessed.' })
  idm(
    @Root() village: VillageRow,
    @Arg('year', () => Int, { nullable: true, description: "The year; this desa's latest assessed year when omitted." }) year: number | undefined,
    @Ctx() context: Context,
  ): Promise<AssessmentRow | null> {
    return context.loaders.idm.assessment(year == null ? null : checkYear(year)).load(village.code);
  }

  @FieldResolver(() => [IdmAssessmentType], { description: 'Every assessed year, oldest first, each with its change against the year before.' })
  async idmHistory(@Root() village: VillageRow, @Ctx() context: Context): Promise<AssessmentRow[]> {
    return historyWithChanges(await context.loaders.idm.history.load(village.code));
  }
}

@Resolver(() => IdmAssessmentType)
export class IdmAssessmentResolver {
  @FieldResolver(() => ID)
  id(@Root() row: AssessmentRow): string {
    return assessmentId(row);
  }

  @FieldResolver(() => VillageType, { description: 'The desa.' })
  async village(@Root() row: AssessmentRow, @Ctx() context: Context): Promise<VillageRow> {
    return (await context.loaders.region.village.load(row.villageCode))!;
  }

  @FieldResolver(() => IdmSourceType, { description: 'Where this value was read from.' })
  source(@Root() row: AssessmentRow): IdmSourceType {
    return { format: row.sourceFormat, file: row.sourceFile, line: row.sourceLine, publishedCode: row.publishedCode, note: row.note };
  }

  @FieldResolver(() => IdmProvenanceType, { description: 'Where this value came from, who wrote it and when.' })
  provenance(@Root() row: AssessmentRow): IdmProvenanceType {
    return { format: row.sourceFormat, file: row.sourceFile, line: row.sourceLine, recordedBy: row.recordedBy, recordedAt: row.recordedAt };
  }

  @FieldResolver(() => IdmChangeType, { description: 'Change against the previous assessed year of the same desa.' })
  async change(@Root() row: AssessmentRow, @Ctx() context: Context): Promise<ChangeRow> {
    // History entries carry theirs already (computed from the rows around them).
    return row.change ?? changeAgainst(row, await context.loaders.idm.previous.load(`${row.villageCode}|${row.year}`));
  }

  @FieldResolver(() => [IdmIndicatorType], { description: 'The indicators (50 when published with the assessment; empty for spreadsheet rows).' })
  async indicators(
    @Root() row: AssessmentRow,
    @Arg('index', () => IdmIndex, { nullable: true, description: 'Only the indicators of this index.' }) index: IdmIndex | undefined,
    @Ctx() context: Context,
  ): Promise<IndicatorRow[]> {
    const rows = await context.loaders.idm.indicators.load(row.id);
    return index ? rows.filter((r) => r.index === index) : rows;
  }
}

@Resolver(() => ProvinceType)
export class ProvinceIdmResolver {
  @FieldResolver(() => IdmSummaryType, { description: "IDM summary of the province's desa (within a program: its enrolled desa)." })
  idmSummary(@Root() province: ProvinceRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'province_code', province.code, year, province.scope?.programId);
  }

  @FieldResolver(() => [IdmRankEntryType], { description: 'Its kabupaten/kota ranked by mean IDM score or by the share of some statuses (within a program: by its enrolled desa).' })
  idmRanking(@Root() province: ProvinceRow, @Args() args: RankingArgs, @Ctx() context: Context): Promise<RankEntryRow[]> {
    return ranking(context, 'province_code', province.code, args, province.scope?.programId);
  }
}

@Resolver(() => KabupatenType)
export class KabupatenIdmResolver {
  @FieldResolver(() => IdmSummaryType, { description: "IDM summary of the kabupaten's desa (within a program: its enrolled desa)." })
  idmSummary(@Root() kabupaten: KabupatenRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'kabupaten_code', kabupaten.code, year, kabupaten.scope?.programId);
  }

  @FieldResolver(() => [IdmRankEntryType], { description: 'Its kecamatan ranked by mean IDM score or by the share of some statuses (within a program: by its enrolled desa).' })
  idmRanking(@Root() kabupaten: KabupatenRow, @Args() args: RankingArgs, @Ctx() context: Context): Promise<RankEntryRow[]> {
    return ranking(context, 'kabupaten_code', kabupaten.code, args, kabupaten.scope?.programId);
  }
}

@Resolver(() => DistrictType)
export class DistrictIdmResolver {
  @FieldResolver(() => IdmSummaryType, { description: "IDM summary of the kecamatan's desa (within a program: its enrolled desa)." })
  idmSummary(@Root() district: DistrictRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'district_code', district.code, year, district.scope?.programId);
  }
}

@Resolver(() => ProgramType)
export class ProgramIdmResolver {
  @FieldResolver(() => IdmSummaryType, { description: "IDM summary of the program's enrolled desa." })
  idmSummary(@Root() program: ProgramRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'program', String(program.id), year);
  }
}

@Resolver(() => ProgramLocusType)
export class ProgramLocusIdmResolver {
  @FieldResolver(() => IdmSummaryType, { description: 'IDM summary of the desa enrolled through this locus, or of every desa of its kabupaten.' })
  idmSummary(
    @Root() locus: LocusRow,
    @Arg('year', () => Int, SUMMARY_YEAR) year: number | undefined,
    @Arg('of', () => LocusSummaryOf, { defaultValue: LocusSummaryOf.ENROLLED, description: 'Which desa to count.' }) of: LocusSummaryOf,
    @Ctx() context: Context,
  ): Promise<SummaryRow> {
    return of === LocusSummaryOf.KABUPATEN ? summary(context, 'kabupaten_code', locus.kabupatenCode, year) : summary(context, 'locus', String(locus.id), year);
  }
}
