import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import { FIRST_YEAR, isAssessmentYear, lastYear, latestPublishedYear } from './idm.rules';

/** A year argument: IDM's first year to next year, else BAD_USER_INPUT naming the argument and the value. */
export function checkYear(year: number, argument = 'year'): number {
  if (!isAssessmentYear(year)) {
    throw new BadUserInputError(`${argument} ${year} is not a year of IDM: give a whole year from ${FIRST_YEAR} to ${lastYear()}`, { argument, value: year });
  }
  return year;
}

/**
 * The year lists, filters and summaries use when none is given: the latest published one (see
 * `latestPublishedYear`), never a year that a few records created; null before any is published.
 */
export async function publishedYear(context: Context): Promise<number | null> {
  const { years, registerDesa } = await context.loaders.idm.yearCounts.load('*');
  return latestPublishedYear(years, registerDesa, context.services.config.publishedYearMinShare);
}

