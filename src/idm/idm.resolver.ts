import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/viewer';
import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import { ProgramLocusType, ProgramType, type LocusRow, type ProgramRow } from '../program/program.types';
import { DistrictType, KabupatenType, ProvinceType, VillageType, type DistrictRow, type KabupatenRow, type ProvinceRow, type VillageRow } from '../region/region.types';
import { recordAssessments, RejectedBatchError } from './assessment.writer';
import { IdmMovement } from './idm.entity';
import type { SummaryScope } from './idm.repository';
import { statusRank } from './idm.rules';
import { MAX_YEAR, MIN_YEAR } from './idm.validation';
import { IdmIndex } from './idm-status';
import {
  IdmAssessmentInput,
  IdmAssessmentType,
  IdmChangeType,
  IdmIndicatorType,
  IdmRecordResultType,
  IdmSourceType,
  IdmSummaryType,
  type AssessmentRow,
  type IndicatorRow,
  type SummaryRow,
} from './idm.types';
import type { IdmRecord } from './idm-record';

/** Largest batch `recordIdmAssessments` takes; bigger loads belong to `npm run import:idm`. */
export const MAX_ASSESSMENTS_PER_MUTATION = 5000;

export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new BadUserInputError(`year must be between ${MIN_YEAR} and ${MAX_YEAR}, got ${year}`, { argument: 'year' });
  return year;
}

function summary(context: Context, scope: SummaryScope, key: string, year: number, programId?: number): Promise<SummaryRow> {
  return context.loaders.idm.summary(scope, checkYear(year), programId).load(key);
}

const SUMMARY_YEAR = { description: 'The year to sum up.' };

@Resolver()
export class IdmQueryResolver {
  @Query(() => IdmSummaryType, { description: 'National IDM summary of a year.' })
  idmSummary(@Arg('year', () => Int, SUMMARY_YEAR) year: number, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'root', '*', year);
  }

  @Query(() => [Int], { description: 'Years with at least one assessment, oldest first.' })
  idmYears(@Ctx() context: Context): Promise<number[]> {
    return context.loaders.idm.repository.years();
  }

  @Mutation(() => IdmRecordResultType, {
    description: `Records or replaces up to ${MAX_ASSESSMENTS_PER_MUTATION} assessments, all or nothing, under the importers' rules. Requires the admin token.`,
  })
  @Authorized(Role.ADMIN)
  async recordIdmAssessments(
    @Arg('input', () => [IdmAssessmentInput], { description: 'The assessments; each desa-year at most once.' }) input: IdmAssessmentInput[],
    @Ctx() context: Context,
  ): Promise<IdmRecordResultType> {
    if (input.length === 0 || input.length > MAX_ASSESSMENTS_PER_MUTATION) {
      throw new BadUserInputError(`input must hold 1 to ${MAX_ASSESSMENTS_PER_MUTATION} assessments, got ${input.length}; use npm run import:idm for more`, { argument: 'input' });
    }
    const records = input.map(toRecord);
    try {
      const report = await context.sql.withClient((client) => recordAssessments(client, records, { allOrNothing: true, publisher: context.services.notifier }));
      return { received: report.received, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, changes: report.changes };
    } catch (error) {
      if (!(error instanceof RejectedBatchError)) throw error;
      const first = error.rejects.slice(0, 20);
      throw new BadUserInputError(
        `Nothing was recorded: ${error.rejects.length} of ${input.length} assessments are invalid. ${first.map((r) => `input[${r.index}].${r.field ?? 'item'}: ${r.message}`).join('; ')}`,
        { errors: error.rejects.map((r) => ({ index: r.index, field: r.field, reason: r.reason, message: r.message })) },
      );
    }
  }
}

function toRecord(input: IdmAssessmentInput, index: number): IdmRecord {
  return {
    source: { format: 'graphql', file: 'recordIdmAssessments', line: index + 1 },
    villageCode: input.villageCode.replaceAll('.', '').trim(),
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

/** A desa's assessments, oldest first, each with its change against the one before. */
export function historyWithChanges(rows: AssessmentRow[]): AssessmentRow[] {
  return rows.map((row, i) => {
    const before = rows[i - 1];
    const current = row.status ?? row.derivedStatus;
    const previous = before ? (before.status ?? before.derivedStatus) : null;
    const movement = !previous ? IdmMovement.NEW : statusRank(current) > statusRank(previous) ? IdmMovement.UP : statusRank(current) < statusRank(previous) ? IdmMovement.DOWN : IdmMovement.SAME;
    return { ...row, change: { scoreDelta: before ? row.score - before.score : null, movement } };
  });
}

@Resolver(() => VillageType)
export class VillageIdmResolver {
  @FieldResolver(() => IdmAssessmentType, { nullable: true, description: 'IDM of this desa in a year (latest when omitted); null when not assessed.' })
  idm(
    @Root() village: VillageRow,
    @Arg('year', () => Int, { nullable: true, description: 'The year; the latest assessed when omitted.' }) year: number | undefined,
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
  @FieldResolver(() => VillageType, { description: 'The desa.' })
  async village(@Root() row: AssessmentRow, @Ctx() context: Context): Promise<VillageRow> {
    return (await context.loaders.region.village.load(row.villageCode))!;
  }

  @FieldResolver(() => IdmSourceType, { description: 'Where this value was read from.' })
  source(@Root() row: AssessmentRow): IdmSourceType {
    return { format: row.sourceFormat, file: row.sourceFile, line: row.sourceLine, publishedCode: row.publishedCode, note: row.note };
  }

  @FieldResolver(() => IdmChangeType, { nullable: true, description: 'Change against the previous assessed year; set in idmHistory, null elsewhere.' })
  change(@Root() row: AssessmentRow): IdmChangeType | null {
    return row.change ?? null;
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
  idmSummary(@Root() province: ProvinceRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'province_code', province.code, year, province.scope?.programId);
  }
}

@Resolver(() => KabupatenType)
export class KabupatenIdmResolver {
  @FieldResolver(() => IdmSummaryType, { description: "IDM summary of the kabupaten's desa (within a program: its enrolled desa)." })
  idmSummary(@Root() kabupaten: KabupatenRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'kabupaten_code', kabupaten.code, year, kabupaten.scope?.programId);
  }
}

@Resolver(() => DistrictType)
export class DistrictIdmResolver {
  @FieldResolver(() => IdmSummaryType, { description: "IDM summary of the kecamatan's desa (within a program: its enrolled desa)." })
  idmSummary(@Root() district: DistrictRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'district_code', district.code, year, district.scope?.programId);
  }
}

@Resolver(() => ProgramType)
export class ProgramIdmResolver {
  @FieldResolver(() => IdmSummaryType, { description: "IDM summary of the program's enrolled desa." })
  idmSummary(@Root() program: ProgramRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'program', String(program.id), year);
  }
}

@Resolver(() => ProgramLocusType)
export class ProgramLocusIdmResolver {
  @FieldResolver(() => IdmSummaryType, { description: 'IDM summary of the desa enrolled through this locus.' })
  idmSummary(@Root() locus: LocusRow, @Arg('year', () => Int, SUMMARY_YEAR) year: number, @Ctx() context: Context): Promise<SummaryRow> {
    return summary(context, 'locus', String(locus.id), year);
  }
}
