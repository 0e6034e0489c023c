import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { codePrefix } from '../region/region-code';
import { IndexFamilyId, yearProblem } from './index-family';
import { IndexStatus } from './index-status';
import type { FamilyLevel } from './level-family';
import { emptyLevelSummary } from './level.repository';
import type { FamilyYear, LevelSummaryRow, MovementRow, RankingParent, RankingRequest, RankingRow, SummaryFrame, SummaryScope } from './level.rows';

/**
 * What every family's summary, ranking and histogram fields do, written once over the family
 * descriptor: the GraphQL types differ per family (their means), the resolving does not.
 */

export const NATION: SummaryFrame = { scope: 'root', key: '*' };

/** A year argument of `family`, else BAD_USER_INPUT naming the argument, the value and, for a year of the other family, that family. */
export function checkFamilyYear(family: IndexFamilyId, year: number, argument = 'year'): number {
  const problem = yearProblem(family, year, new Date(), argument);
  if (problem) throw new BadUserInputError(problem, { argument, value: year });
  return year;
}

/** Most bins a histogram may have. */
export const MAX_HISTOGRAM_BINS = 100;
/** Most entries a ranking returns (the largest parent, Kabupaten Nduga, has 51 kecamatan). */
export const MAX_RANKING_ENTRIES = 51;

/** The summary of one key of a scope in `year`, or the empty one when there is no year. */
export function levelSummary<M extends Record<string, number>>(context: Context, family: FamilyLevel, frame: SummaryFrame, year: number | null): Promise<LevelSummaryRow<M>> | LevelSummaryRow<M> {
  if (year === null) return emptyLevelSummary<M>(frame, null);
  return context.loaders.levels.summary<M>(family, frame.scope, year, frame.programId).load(frame.key);
}

/**
 * The frame a summary is compared with as its parent: the region above it in the same frame (within
 * a program: the same program's), the program of a locus; none for the nation and a whole program.
 */
export async function parentFrame(context: Context, frame: SummaryFrame): Promise<SummaryFrame | null> {
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

/** Each mean of `mean` minus the same of `other`, to the family's precision; null when either is missing. */
export function meanDifference<M extends Record<string, number>>(family: FamilyLevel, mean: M | null, other: M | null): M | null {
  if (!mean || !other) return null;
  return Object.fromEntries(Object.keys(family.means).map((name) => [name, family.round(mean[name]! - other[name]!)])) as M;
}

/** A summary's mean minus that of `frame` in the same year. */
export async function meanAgainst<M extends Record<string, number>>(context: Context, family: FamilyLevel, row: LevelSummaryRow<M>, frame: SummaryFrame | null): Promise<M | null> {
  if (!frame || !row.mean || row.year === null) return null;
  const other = await context.loaders.levels.summary<M>(family, frame.scope, row.year, frame.programId).load(frame.key);
  return meanDifference(family, row.mean, other.mean);
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
  status: IndexStatus;
}

/** A summary's histogram in `bins` bins over the family's range, each coloured by the status of its middle. */
export async function histogramBins(context: Context, family: FamilyLevel, row: LevelSummaryRow, bins: number): Promise<HistogramBin[]> {
  if (!Number.isInteger(bins) || bins < 1 || bins > MAX_HISTOGRAM_BINS) {
    throw new BadUserInputError(`bins must be between 1 and ${MAX_HISTOGRAM_BINS}, got ${bins}`, { argument: 'bins' });
  }
  if (row.assessed === 0 || row.year === null) return [];
  const { frame } = row;
  const histogram = await context.loaders.levels.histogram(family, frame.scope, row.year, bins, frame.programId).load(frame.key);
  if (!histogram) return [];
  const width = (histogram.hi - histogram.lo) / bins;
  return histogram.counts.map((count, i) => {
    const from = histogram.lo + i * width;
    return { from: family.round(from), to: family.round(i === bins - 1 ? histogram.hi : from + width), count, status: family.statusFromScore(from + width / 2) };
  });
}

/** Share of the assessed desa having one of `statuses`; null when none was assessed. */
export function statusShare(family: FamilyLevel, row: LevelSummaryRow, statuses: readonly IndexStatus[]): number | null {
  if (row.assessed === 0) return null;
  const counted = row.byStatus.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s.count, 0);
  return family.roundShare(counted / row.assessed);
}

export interface RankingInput {
  year: number;
  by: 'MEAN_SCORE' | 'STATUS_SHARE';
  statuses?: IndexStatus[] | null;
  direction: 'TOP' | 'BOTTOM';
  first: number;
}

/** A ranked region with the frame of its own summary. */
export interface RankEntry extends RankingRow {
  frame: SummaryFrame;
  year: number;
}

/** The children of `key` ranked as `args` asks (the year already checked by the family), each with its own summary frame. */
export async function levelRanking(context: Context, family: FamilyLevel, parent: RankingParent, key: string, args: RankingInput, programId?: number): Promise<RankEntry[]> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_RANKING_ENTRIES) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_RANKING_ENTRIES}, got ${args.first}`, { argument: 'first' });
  }
  const statuses = args.statuses ?? [];
  if (args.by === 'STATUS_SHARE' && statuses.length === 0) {
    throw new BadUserInputError('by: STATUS_SHARE needs statuses, e.g. statuses: [MANDIRI, MAJU]', { argument: 'statuses' });
  }
  const request: RankingRequest = { parent, year: args.year, by: args.by, statuses: args.by === 'STATUS_SHARE' ? statuses : [], direction: args.direction, first: args.first, programId };
  const rows = await context.loaders.levels.ranking(family, request).load(key);
  const scope: SummaryScope = parent === 'root' ? 'province_code' : parent === 'province_code' ? 'kabupaten_code' : 'district_code';
  return rows.map((row) => ({ ...row, year: args.year, frame: { scope, key: row.code, programId } }));
}

/** Assessed desa ÷ the register's desa and desa adat in the summary's scope, to 4 decimals; null for an empty scope. */
export async function coverage(context: Context, row: LevelSummaryRow): Promise<number | null> {
  const desa = await context.loaders.levels.registerDesa(row.frame.scope, row.frame.programId).load(row.frame.key);
  return desa === 0 ? null : Math.round((row.assessed / desa) * 10_000) / 10_000;
}

/** The decree's national counts of the summary's year, for the national summary only. */
export function officialCounts(family: FamilyLevel, row: LevelSummaryRow): { year: number; total: number; source: string; byStatus: { status: IndexStatus; count: number; share: number }[] } | null {
  if (row.frame.scope !== 'root' || row.frame.programId !== undefined || row.year === null) return null;
  const official = family.officialCounts[row.year];
  if (!official) return null;
  return {
    year: row.year,
    total: official.total,
    source: official.source,
    byStatus: Object.values(IndexStatus).map((status) => ({ status, count: official.byStatus[status], share: family.roundShare(official.byStatus[status] / official.total) })),
  };
}

/**
 * The published years of a scope, newest first: the years (of either family) assessed for at
 * least `minShare` of that scope's desa. A kabupaten that loaded its 2025 sheet has 2025 while the
 * nation, with one kabupaten loaded, still has IDM 2024 as its newest.
 */
export async function publishedYears(context: Context, frame: SummaryFrame): Promise<(FamilyYear & { assessed: number })[]> {
  const [counts, desa] = await Promise.all([
    context.loaders.levels.scopeYears(frame.scope, frame.programId).load(frame.key),
    context.loaders.levels.registerDesa(frame.scope, frame.programId).load(frame.key),
  ]);
  const share = context.services.config.publishedYearMinShare;
  return counts
    .filter((c) => desa > 0 && c.assessed >= share * desa)
    .map((c) => ({ family: c.family, year: c.year, assessed: c.assessed }))
    .sort((a, b) => b.year - a.year);
}

/** The newest published year of a scope, of either family (null before any). */
export async function latestPublished(context: Context, frame: SummaryFrame): Promise<(FamilyYear & { assessed: number }) | null> {
  return (await publishedYears(context, frame))[0] ?? null;
}

/** The newest year of `family` published for the scope, for a summary asked without a year. */
export async function familyPublishedYear(context: Context, family: IndexFamilyId, frame: SummaryFrame): Promise<number | null> {
  return (await publishedYears(context, frame)).find((y) => y.family === family)?.year ?? null;
}

/**
 * How the status of a summary's desa moved against `from` (a year of either family, before the
 * summary's), or, when null, each desa's previous assessed year in the family's `previousTables`.
 */
export function summaryMovement(context: Context, family: FamilyLevel, row: LevelSummaryRow, from: { index: IndexFamilyId; year: number } | null | undefined): Promise<MovementRow> | MovementRow {
  if (row.year === null || row.assessed === 0) return { compared: 0, up: 0, down: 0, same: 0 };
  let end: FamilyYear | null = null;
  if (from) {
    const problem = yearProblem(from.index, from.year, new Date(), 'from.year');
    if (problem) throw new BadUserInputError(problem, { argument: 'from', value: from });
    if (from.year >= row.year) throw new BadUserInputError(`from.year ${from.year} must be before the summary's year ${row.year}`, { argument: 'from', value: from });
    end = { family: from.index, year: from.year };
  }
  const { frame } = row;
  return context.loaders.levels.movement(family, frame.scope, row.year, end, frame.programId).load(frame.key);
}
