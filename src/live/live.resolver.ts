import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import type { Context } from '../graphql/context';
import { BadUserInputError } from '../errors';
import { decodeCursor, encodeCursor } from '../graphql/connection';
import { checkFamilyYear } from '../index-family/family-reads';
import { FAMILY_NAMES, IndexFamilyId } from '../index-family/index-family';
import type { IndexStatus } from '../index-family/index-status';
import type { SummaryScope } from '../idm/idm.repository';
import type { SummaryRow } from '../idm/idm.rows';
import { IdmProvenanceType, IdmScoreStatusType, IdmSummaryType } from '../idm/idm.types';
import { INDEKS_DESA_LEVEL } from '../indeks-desa/indeks-desa.level';
import { IndeksDesaSummaryType, type IndeksDesaMean, type IndeksDesaSummaryRow } from '../indeks-desa/indeks-desa.level.types';
import { levelSummary } from '../index-family/level.resolve';
import { parseCode } from '../region/region-code';
import { VillageType, type VillageRow } from '../region/region.types';
import { latestChangeId, type ChangeEvent } from './change-log';
import { changeNodeId } from './live.nodes';
import type { SummaryTick, SummaryWatchScope, UpdateFilter } from './live-hub';
import {
  IdmSummaryScopeInput,
  IdmUpdateFilter,
  IdmUpdateType,
  IndeksDesaChangeValueType,
  IndeksDesaScoreStatusType,
  IndeksDesaUpdateFilter,
  IndeksDesaUpdateType,
  type ChangeFilterInput,
} from './live.types';

interface UpdateArgs {
  where?: ChangeFilterInput | null;
  after?: string | null;
}

interface SummaryArgs {
  scope: IdmSummaryScopeInput;
  year: number;
}

async function programId(context: Context, slug: string, argument: string): Promise<number> {
  const program = await context.loaders.program.bySlug.load(slug);
  if (!program) throw new BadUserInputError(`No program with slug "${slug}"; see the programs query`, { argument });
  return program.id;
}

/**
 * The change-log cursor: opaque to clients, a log id inside. The log is one sequence for every
 * family, so a cursor from idmUpdated resumes indeksDesaUpdated at the same point, and back.
 */
function changeCursor(id: string): string {
  return encodeCursor(`change:${id}`);
}

function changeId(cursor: string): string {
  const key = decodeCursor(cursor);
  // "idm:" is what cursors said before the log held a second family; clients may still hold them.
  const id = /^(change|idm):/.test(key) ? key.slice(key.indexOf(':') + 1) : '';
  if (!/^\d+$/.test(id)) throw new BadUserInputError(`"${cursor}" is not a change cursor: pass back a cursor a change subscription or changeCursor sent`, { argument: 'after' });
  return id;
}

async function updateFilter(context: Context, family: IndexFamilyId, where: ChangeFilterInput | null | undefined): Promise<UpdateFilter> {
  // The log holds every family's changes; each subscription streams its own family's.
  const filter: UpdateFilter = { family };
  if (!where) return filter;
  if (where.villageCode != null) filter.villageCode = parseCode(where.villageCode, 'village', 'where.villageCode');
  if (where.districtCode != null) filter.districtCode = parseCode(where.districtCode, 'district', 'where.districtCode');
  if (where.kabupatenCode != null) filter.kabupatenCode = parseCode(where.kabupatenCode, 'kabupaten', 'where.kabupatenCode');
  if (where.provinceCode != null) filter.provinceCode = parseCode(where.provinceCode, 'province', 'where.provinceCode');
  if (where.programSlug != null) filter.programId = await programId(context, where.programSlug, 'where.programSlug');
  if (where.statusChanged) filter.statusChanged = true;
  return filter;
}

/** A summary subscription's scope: what the hub watches, and the summary loader's key. */
export async function summaryScope(context: Context, scope: IdmSummaryScopeInput): Promise<{ watch: SummaryWatchScope; loader: [SummaryScope, string] }> {
  const given = [scope.provinceCode, scope.kabupatenCode, scope.districtCode, scope.programSlug].filter((v) => v != null);
  if (given.length > 1) throw new BadUserInputError('scope takes at most one of provinceCode, kabupatenCode, districtCode, programSlug (none: the nation)', { argument: 'scope' });
  if (given.length === 0) return { watch: { kind: 'nation' }, loader: ['root', '*'] };
  if (scope.provinceCode != null) {
    const code = parseCode(scope.provinceCode, 'province', 'scope.provinceCode');
    return { watch: { kind: 'province', code }, loader: ['province_code', code] };
  }
  if (scope.kabupatenCode != null) {
    const code = parseCode(scope.kabupatenCode, 'kabupaten', 'scope.kabupatenCode');
    return { watch: { kind: 'kabupaten', code }, loader: ['kabupaten_code', code] };
  }
  if (scope.districtCode != null) {
    const code = parseCode(scope.districtCode, 'district', 'scope.districtCode');
    return { watch: { kind: 'district', code }, loader: ['district_code', code] };
  }
  const id = await programId(context, scope.programSlug!, 'scope.programSlug');
  return { watch: { kind: 'program', programId: id }, loader: ['program', String(id)] };
}

/**
 * The `subscribe` of a family's summary subscription: the year checked by the family's rule, then a
 * tick at once and one per coalescing window in which the family's values of the scope changed
 * (an import of 75,000 desa is a handful of ticks). The subscription's resolver reads the summary.
 */
export async function summaryTicks(family: IndexFamilyId, context: Context, scope: IdmSummaryScopeInput, year: number): Promise<AsyncIterableIterator<SummaryTick>> {
  checkFamilyYear(family, year);
  const { watch } = await summaryScope(context, scope);
  return context.services.hub.summaryTicks(family, watch, year);
}

/** What differs between the families' change subscriptions; everything else is written once below. */
interface ChangeSubscriptionSpec {
  family: IndexFamilyId;
  /** The subscription field: idmUpdated, indeksDesaUpdated. */
  field: string;
  payload: ClassType;
  filter: ClassType;
  previous: ClassType;
  current: ClassType;
}

/**
 * A family's change subscription and the fields of its payload, from one definition: events are
 * read, filtered and resumed by the hub for every family alike; only the payload types differ.
 */
function changeSubscription(spec: ChangeSubscriptionSpec) {
  const name = FAMILY_NAMES[spec.family];

  @Resolver(() => spec.payload)
  class ChangeSubscriptionResolver {
    @Subscription(() => spec.payload, {
      name: spec.field,
      description: `${name} changes as they are written (by imports, sync or mutations on any instance). With \`after\`, first every matching change after that cursor, then live ones, in order, with no gap and no duplicate.`,
      subscribe: async ({ args, context }) => {
        const { where, after } = args as UpdateArgs;
        const ctx = context as Context;
        const filter = await updateFilter(ctx, spec.family, where);
        return ctx.services.hub.updates(filter, after == null ? undefined : changeId(after));
      },
    })
    updated(
      @Root() event: ChangeEvent,
      @Ctx() context: Context,
      @Arg('where', () => spec.filter, { nullable: true, validate: false, description: 'Which changes to receive; all when omitted.' }) _where?: ChangeFilterInput,
      @Arg('after', () => String, { nullable: true, validate: false, description: 'Resume after this cursor (from a previous event of any change subscription, or changeCursor).' })
      _after?: string,
    ): ChangeEvent {
      // Each event is resolved with fresh loaders: the subscription's context outlives many events.
      // They start primed with the desa and its parents, read once per event for all subscribers.
      context.renew();
      const { village, district, kabupaten, province } = event.region;
      const region = context.loaders.region;
      region.village.prime(village.code, village);
      region.district.prime(district.code, district);
      region.kabupaten.prime(kabupaten.code, kabupaten);
      region.province.prime(province.code, province);
      return event;
    }

    @FieldResolver(() => ID, { description: 'Global id (see `node`): this entry of the change log.' })
    id(@Root() event: ChangeEvent): string {
      return changeNodeId(event);
    }

    @FieldResolver(() => String, { description: 'Position in the change log; pass it as `after` to resume from here.' })
    cursor(@Root() event: ChangeEvent): string {
      return changeCursor(event.id);
    }

    @FieldResolver(() => VillageType, { description: 'The desa, resolvable up its hierarchy.' })
    async village(@Root() event: ChangeEvent, @Ctx() context: Context): Promise<VillageRow> {
      return (await context.loaders.region.village.load(event.villageCode))!;
    }

    @FieldResolver(() => spec.previous, { nullable: true, description: 'The value it replaced; null for a first value.' })
    previous(@Root() event: ChangeEvent): { score: number; status: IndexStatus } | null {
      return event.previousScore === null || event.previousStatus === null ? null : { score: event.previousScore, status: event.previousStatus };
    }

    @FieldResolver(() => spec.current, { nullable: true, description: 'The new value; null when the value was retracted.' })
    current(@Root() event: ChangeEvent): { score: number; status: IndexStatus; dimensions: Record<string, number> | null } | null {
      return event.score === null || event.status === null ? null : { score: event.score, status: event.status, dimensions: event.detail };
    }

    @FieldResolver(() => IdmProvenanceType, { description: 'What wrote this change, who and when.' })
    provenance(@Root() event: ChangeEvent): IdmProvenanceType {
      return { format: event.sourceFormat, file: event.sourceFile, line: event.sourceLine, recordedBy: event.recordedBy, recordedAt: event.recordedAt };
    }
  }
  return ChangeSubscriptionResolver;
}

export const IdmUpdatedResolver = changeSubscription({
  family: IndexFamilyId.IDM,
  field: 'idmUpdated',
  payload: IdmUpdateType,
  filter: IdmUpdateFilter,
  previous: IdmScoreStatusType,
  current: IdmScoreStatusType,
});

export const IndeksDesaUpdatedResolver = changeSubscription({
  family: IndexFamilyId.INDEKS_DESA,
  field: 'indeksDesaUpdated',
  payload: IndeksDesaUpdateType,
  filter: IndeksDesaUpdateFilter,
  previous: IndeksDesaScoreStatusType,
  current: IndeksDesaChangeValueType,
});

/** What differs between the families' summary subscriptions: the type and how a summary is read. */
interface SummarySubscriptionSpec<T> {
  family: IndexFamilyId;
  /** The subscription field: idmSummaryUpdated, indeksDesaSummaryUpdated. */
  field: string;
  /** The GraphQL type of the summary. */
  type: ClassType;
  /** The family's summary of a scope (the loader key summaryScope gives) in `year`, read with fresh loaders. */
  load(context: Context, scope: [SummaryScope, string], year: number): Promise<T>;
}

/**
 * A family's summary subscription from one definition: the year checked by the family's rule, a
 * tick at once and one per coalescing window in which the family's values of the scope changed
 * (LiveHub.summaryTicks), each answered with the summary as it stands.
 */
export function summarySubscription<T>(spec: SummarySubscriptionSpec<T>) {
  @Resolver()
  class SummarySubscriptionResolver {
    @Subscription(() => spec.type, {
      name: spec.field,
      description: `A scope's ${FAMILY_NAMES[spec.family]} summary for a year: now, then again whenever it changes, at most a few times per second.`,
      subscribe: async ({ args, context }) => {
        const { scope, year } = args as SummaryArgs;
        return summaryTicks(spec.family, context as Context, scope, year);
      },
    })
    async updated(
      @Ctx() context: Context,
      @Arg('scope', () => IdmSummaryScopeInput, { validate: false, description: 'The province, kabupaten or program.' }) scope: IdmSummaryScopeInput,
      @Arg('year', () => Int, { validate: false, description: 'The year to sum up.' }) year: number,
    ): Promise<T> {
      context.renew();
      const { loader } = await summaryScope(context, scope);
      return spec.load(context, loader, year);
    }
  }
  return SummarySubscriptionResolver;
}

export const IdmSummaryUpdatedResolver = summarySubscription<SummaryRow>({
  family: IndexFamilyId.IDM,
  field: 'idmSummaryUpdated',
  type: IdmSummaryType,
  load: (context, [scope, key], year) => context.loaders.idm.summary(scope, year).load(key),
});

export const IndeksDesaSummaryUpdatedResolver = summarySubscription<IndeksDesaSummaryRow>({
  family: IndexFamilyId.INDEKS_DESA,
  field: 'indeksDesaSummaryUpdated',
  type: IndeksDesaSummaryType,
  load: async (context, [scope, key], year) => levelSummary<IndeksDesaMean>(context, INDEKS_DESA_LEVEL, { scope, key }, year),
});

@Resolver()
export class LiveResolver {
  @Query(() => String, {
    description:
      'The cursor of the newest change of any index family. Ask for it with the data a page shows, then subscribe to idmUpdated or indeksDesaUpdated with it as `after`: every change written after that answer arrives, none is lost in between. One sequence for both families.',
  })
  async changeCursor(@Ctx() context: Context): Promise<string> {
    return changeCursor(await latestChangeId(context.sql));
  }

  @Query(() => String, {
    description:
      'The cursor of the newest change (the same as changeCursor: one sequence for every family). Ask for it with the data a page shows, then subscribe to idmUpdated with it as `after`: every change written after that answer arrives, none is lost in between.',
  })
  async idmChangeCursor(@Ctx() context: Context): Promise<string> {
    return changeCursor(await latestChangeId(context.sql));
  }
}
