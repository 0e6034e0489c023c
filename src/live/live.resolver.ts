import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../graphql/context';
import { BadUserInputError } from '../errors';
import { decodeCursor, encodeCursor } from '../graphql/connection';
import type { SummaryScope } from '../idm/idm.repository';
import { checkYear } from '../idm/idm-year';
import type { SummaryRow } from '../idm/idm.rows';
import { IdmProvenanceType, IdmScoreStatusType, IdmSummaryType } from '../idm/idm.types';
import { parseCode } from '../region/region-code';
import { VillageType, type VillageRow } from '../region/region.types';
import { latestChangeId, type ChangeEvent } from './change-log';
import type { SummaryWatchScope, UpdateFilter } from './live-hub';
import { changeNodeId } from './live.nodes';
import { IdmSummaryScopeInput, IdmUpdateFilter, IdmUpdateType } from './live.types';

interface UpdateArgs {
  where?: IdmUpdateFilter | null;
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

/** The change-log cursor: opaque to clients, a log id inside. */
function changeCursor(id: string): string {
  return encodeCursor(`idm:${id}`);
}

function changeId(cursor: string): string {
  const key = decodeCursor(cursor);
  const id = key.startsWith('idm:') ? key.slice(4) : '';
  if (!/^\d+$/.test(id)) throw new BadUserInputError(`"${cursor}" is not an idmUpdated cursor: pass back a cursor this subscription sent`, { argument: 'after' });
  return id;
}

async function updateFilter(context: Context, where: IdmUpdateFilter | null | undefined): Promise<UpdateFilter> {
  const filter: UpdateFilter = {};
  if (!where) return filter;
  if (where.villageCode != null) filter.villageCode = parseCode(where.villageCode, 'village', 'where.villageCode');
  if (where.districtCode != null) filter.districtCode = parseCode(where.districtCode, 'district', 'where.districtCode');
  if (where.kabupatenCode != null) filter.kabupatenCode = parseCode(where.kabupatenCode, 'kabupaten', 'where.kabupatenCode');
  if (where.provinceCode != null) filter.provinceCode = parseCode(where.provinceCode, 'province', 'where.provinceCode');
  if (where.programSlug != null) filter.programId = await programId(context, where.programSlug, 'where.programSlug');
  if (where.statusChanged) filter.statusChanged = true;
  return filter;
}

async function summaryScope(context: Context, scope: IdmSummaryScopeInput): Promise<{ watch: SummaryWatchScope; loader: [SummaryScope, string] }> {
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

@Resolver(() => IdmUpdateType)
export class LiveResolver {
  @Query(() => String, {
    description:
      'The cursor of the newest IDM change. Ask for it with the data a page shows, then subscribe to idmUpdated with it as `after`: every change written after that answer arrives, none is lost in between.',
  })
  async idmChangeCursor(@Ctx() context: Context): Promise<string> {
    return changeCursor(await latestChangeId(context.sql));
  }

  @Subscription(() => IdmUpdateType, {
    description:
      'IDM changes as they are written (by imports, sync or mutations on any instance). With `after`, first every matching change after that cursor, then live ones, in order, with no gap and no duplicate.',
    subscribe: async ({ args, context }) => {
      const { where, after } = args as UpdateArgs;
      const ctx = context as Context;
      const filter = await updateFilter(ctx, where);
      return ctx.services.hub.updates(filter, after == null ? undefined : changeId(after));
    },
  })
  idmUpdated(
    @Root() event: ChangeEvent,
    @Ctx() context: Context,
    @Arg('where', () => IdmUpdateFilter, { nullable: true, validate: false, description: 'Which changes to receive; all when omitted.' }) _where?: IdmUpdateFilter,
    @Arg('after', () => String, { nullable: true, validate: false, description: 'Resume after this cursor (from a previous event).' }) _after?: string,
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

  @Subscription(() => IdmSummaryType, {
    description: "A scope's IDM summary for a year: now, then again whenever it changes, at most a few times per second.",
    subscribe: async ({ args, context }) => {
      const { scope, year } = args as SummaryArgs;
      const ctx = context as Context;
      checkYear(year);
      const { watch } = await summaryScope(ctx, scope);
      return ctx.services.hub.summaryTicks(watch, year);
    },
  })
  async idmSummaryUpdated(
    @Ctx() context: Context,
    @Arg('scope', () => IdmSummaryScopeInput, { validate: false, description: 'The province, kabupaten or program.' }) scope: IdmSummaryScopeInput,
    @Arg('year', () => Int, { validate: false, description: 'The year to sum up.' }) year: number,
  ): Promise<SummaryRow> {
    context.renew();
    const { loader } = await summaryScope(context, scope);
    return context.loaders.idm.summary(loader[0], year).load(loader[1]);
  }

  @FieldResolver(() => ID)
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

  @FieldResolver(() => IdmScoreStatusType, { nullable: true, description: 'The value it replaced; null for a first value.' })
  previous(@Root() event: ChangeEvent): IdmScoreStatusType | null {
    return event.previousScore === null || event.previousStatus === null ? null : { score: event.previousScore, status: event.previousStatus };
  }

  @FieldResolver(() => IdmScoreStatusType, { nullable: true, description: 'The new value; null when the value was retracted.' })
  current(@Root() event: ChangeEvent): IdmScoreStatusType | null {
    return event.score === null || event.status === null ? null : { score: event.score, status: event.status };
  }

  @FieldResolver(() => IdmProvenanceType, { description: 'What wrote this change, who and when.' })
  provenance(@Root() event: ChangeEvent): IdmProvenanceType {
    return { format: event.sourceFormat, file: event.sourceFile, line: event.sourceLine, recordedBy: event.recordedBy, recordedAt: event.recordedAt };
  }
}
