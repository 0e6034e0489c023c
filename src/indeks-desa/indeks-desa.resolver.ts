import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Role, writerOf } from '../auth/viewer';
import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { IdmRetractionType } from '../idm/idm.types';
import { retractFromMutation, valueAt, writeFromMutation } from '../index-family/family-mutation';
import { checkFamilyYear } from '../index-family/family-reads';
import { IdmProvenanceType } from '../index-family/family.types';
import { IndexFamilyId } from '../index-family/index-family';
import type { Reject, WriteReport } from '../index-family/write-report';
import { VillageType, type VillageRow } from '../region/region.types';
import type { IndeksDesaRecord, IndeksDesaWrite } from './indeks-desa-record';
import { indeksDesaId } from './indeks-desa.nodes';
import type { IndeksDesaRow } from './indeks-desa.rows';
import { IndeksDesaAssessmentType, IndeksDesaDimensionsType, IndeksDesaInput, IndeksDesaRecordResultType } from './indeks-desa.types';
import { INDEKS_DESA_FAMILY } from './indeks-desa.writer';

/** Largest batch `recordIndeksDesa` takes; bigger loads belong to `npm run import:indeks-desa`. */
export const MAX_INDEKS_DESA_PER_MUTATION = 5000;

function write(context: Context, writes: IndeksDesaWrite[], locate: (r: Reject) => string, verb: string): Promise<WriteReport> {
  return writeFromMutation(context, INDEKS_DESA_FAMILY, writes, writerOf(context.viewer), locate, verb);
}

function toRecord(input: IndeksDesaInput, index: number): IndeksDesaRecord {
  const { villageCode, year, layananDasar, sosial, ekonomi, lingkungan, aksesibilitas, tataKelola } = input;
  return {
    source: { format: 'graphql', file: 'recordIndeksDesa', line: index + 1 },
    villageCode,
    names: {},
    year,
    dimensions: { layananDasar, sosial, ekonomi, lingkungan, aksesibilitas, tataKelola },
    score: input.score ?? null,
    status: input.status ?? null,
    statusText: input.status ?? null,
  };
}

@Resolver()
export class IndeksDesaMutationResolver {
  @Mutation(() => IndeksDesaRecordResultType, {
    nullable: true,
    description: `Records or replaces up to ${MAX_INDEKS_DESA_PER_MUTATION} Indeks Desa assessments, all or nothing, under the importers' rules. An ADMIN token, or an OPERATOR token whose scope holds every desa of the batch.`,
  })
  @Authorized(Role.ADMIN, Role.OPERATOR)
  async recordIndeksDesa(
    @Arg('input', () => [IndeksDesaInput], { description: 'The assessments; each desa-year at most once.' }) input: IndeksDesaInput[],
    @Ctx() context: Context,
  ): Promise<IndeksDesaRecordResultType> {
    if (input.length === 0 || input.length > MAX_INDEKS_DESA_PER_MUTATION) {
      throw new BadUserInputError(`input must hold 1 to ${MAX_INDEKS_DESA_PER_MUTATION} assessments, got ${input.length}; use npm run import:indeks-desa for more`, { argument: 'input' });
    }
    const report = await write(context, input.map(toRecord), (r) => `input[${r.index}].${r.field ?? 'villageCode'} ${JSON.stringify(valueAt(input[r.index], r.field ?? 'villageCode'))}`, 'recorded');
    const { received, inserted, updated, unchanged, changes } = report;
    return { received, inserted, updated, unchanged, changes, mismatches: report.mismatches.map(({ index, field, message }) => ({ index, field, message })) };
  }

  @Mutation(() => IdmRetractionType, {
    nullable: true,
    description: 'Takes back the Indeks Desa of a desa for a year: the change log records it with no current value. An ADMIN token, or an OPERATOR token whose scope holds the desa.',
  })
  @Authorized(Role.ADMIN, Role.OPERATOR)
  async retractIndeksDesa(
    @Arg('villageCode', { description: 'The desa ("1807012001" or "18.07.01.2001").' }) villageCode: string,
    @Arg('year', () => Int, { description: 'The year of the assessment to take back.' }) year: number,
    @Arg('reason', { description: 'Why, in a sentence; kept in the change log.' }) reason: string,
    @Ctx() context: Context,
  ): Promise<IdmRetractionType & { villageCode: string }> {
    return retractFromMutation(context, INDEKS_DESA_FAMILY, writerOf(context.viewer), 'retractIndeksDesa', { villageCode, year, reason });
  }
}

@Resolver(() => VillageType)
export class VillageIndeksDesaResolver {
  @FieldResolver(() => IndeksDesaAssessmentType, { nullable: true, description: 'Indeks Desa of this desa in a year (its latest when omitted); null when not assessed.' })
  indeksDesa(
    @Root() village: VillageRow,
    @Arg('year', () => Int, { nullable: true, description: "The year, 2025 on; this desa's latest assessed year when omitted." }) year: number | undefined,
    @Ctx() context: Context,
  ): Promise<IndeksDesaRow | null> {
    return context.loaders.indeksDesa.assessment(year == null ? null : checkFamilyYear(IndexFamilyId.INDEKS_DESA, year)).load(village.code);
  }

  @FieldResolver(() => [IndeksDesaAssessmentType], { description: 'Every Indeks Desa year of this desa, oldest first.' })
  indeksDesaHistory(@Root() village: VillageRow, @Ctx() context: Context): Promise<IndeksDesaRow[]> {
    return context.loaders.indeksDesa.history.load(village.code);
  }
}

@Resolver(() => IndeksDesaAssessmentType)
export class IndeksDesaAssessmentResolver {
  @FieldResolver(() => ID)
  id(@Root() row: IndeksDesaRow): string {
    return indeksDesaId(row);
  }

  @FieldResolver(() => IndeksDesaDimensionsType, { description: 'The six dimensions as published.' })
  dimensions(@Root() row: IndeksDesaRow): IndeksDesaDimensionsType {
    const { layananDasar, sosial, ekonomi, lingkungan, aksesibilitas, tataKelola } = row;
    return { layananDasar, sosial, ekonomi, lingkungan, aksesibilitas, tataKelola };
  }

  @FieldResolver(() => IdmProvenanceType, { description: 'Where this value came from, who wrote it and when.' })
  provenance(@Root() row: IndeksDesaRow): IdmProvenanceType {
    return { format: row.sourceFormat, file: row.sourceFile, line: row.sourceLine, recordedBy: row.recordedBy, recordedAt: row.recordedAt };
  }

  @FieldResolver(() => VillageType, { description: 'The desa.' })
  async village(@Root() row: IndeksDesaRow, @Ctx() context: Context): Promise<VillageRow> {
    return (await context.loaders.region.village.load(row.villageCode))!;
  }
}
