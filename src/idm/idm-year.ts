import type { Context, Services } from '../graphql/context';
import { checkFamilyYear } from '../index-family/family-reads';
import { IndexFamilyId } from '../index-family/index-family';
import { latestPublishedYear } from './idm.rules';

/** A year argument: IDM's first year to its last (2024), else BAD_USER_INPUT naming the argument, the value and, for 2025 on, the Indeks Desa. */
export function checkYear(year: number, argument = 'year'): number {
  return checkFamilyYear(IndexFamilyId.IDM, year, argument);
}

/**
 * The year lists, filters and summaries use when none is given: the latest published one (see
 * `latestPublishedYear`), never a year that a few records created; null before any is published.
 */
export async function publishedYear(context: Context): Promise<number | null> {
  const [years, desa] = await Promise.all([context.loaders.idm.yearCounts.load('*'), registerDesa(context)]);
  return latestPublishedYear(years, desa, context.services.config.publishedYearMinShare);
}

/** How long an instance trusts its count of the register's desa. @default 10 minutes */
export const REGISTER_DESA_TTL_MS = 10 * 60_000;

const registerDesaCounts = new WeakMap<Services, { count: Promise<number>; until: number }>();

/**
 * The register's desa and desa adat, counted once per instance every REGISTER_DESA_TTL_MS: counting
 * costs ~15 ms and would fall on every read that omits a year, while the register changes only with
 * `npm run import:areas`, and a few desa more or less do not move a year across half of 75,000.
 */
export function registerDesa(context: Context): Promise<number> {
  const cached = registerDesaCounts.get(context.services);
  if (cached && cached.until > Date.now()) return cached.count;
  const count = context.loaders.idm.repository.registerDesa();
  registerDesaCounts.set(context.services, { count, until: Date.now() + REGISTER_DESA_TTL_MS });
  // A failed count is not kept: the next read asks again.
  count.catch(() => registerDesaCounts.delete(context.services));
  return count;
}

