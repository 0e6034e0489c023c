import type { Context } from '../graphql/context';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors';
import type { IndexFamily } from './index-family';
import { RejectReason } from './reject-reason';
import { recordFamily } from './write-store';
import { OutOfScopeError, RejectedBatchError, type FamilyRetraction, type FamilyWriteBase, type Reject, type WriteReport } from './write-report';

/** Who writes and where they may: the viewer's actor string and its scope (auth/viewer.ts). */
export interface MutationWriter {
  actor: string;
  /** Province and kabupaten codes an OPERATOR token may write in; undefined for an ADMIN. */
  scope: readonly string[] | undefined;
  /** The token's subject, for the error message. */
  subject: string | null;
}

/**
 * The mutations' side of the write path, for every family: all or nothing, as the viewer, within its
 * scope. Rejects become one error naming each bad item by its path and value (`input[1].sosial 90`).
 */
export async function writeFromMutation<R extends FamilyWriteBase, X>(
  context: Context,
  family: IndexFamily<R, X>,
  writes: readonly (R | FamilyRetraction<X>)[],
  writer: MutationWriter,
  locate: (r: Reject) => string,
  verb: string,
): Promise<WriteReport> {
  // Mutation fields run one after another: what an earlier one loaded must not answer for this one.
  context.renew();
  try {
    return await recordFamily(context.sql, family, writes, { actor: writer.actor, scope: writer.scope, allOrNothing: true, publisher: context.services.notifier });
  } catch (error) {
    if (error instanceof OutOfScopeError) {
      const outside = error.outside.map((o) => `${writes.length > 1 ? `input[${o.index}] ` : ''}${o.village.name} (${o.village.code})`);
      throw new ForbiddenError(`Nothing was ${verb}: the token of ${writer.subject} may write in ${error.scope.join(', ')} only, and ${outside.join(', ')} lie${outside.length > 1 ? '' : 's'} outside.`, {
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
export function valueAt(item: unknown, path: string): unknown {
  return path.split(/[.[\]]+/).filter(Boolean).reduce<unknown>((value, part) => (value == null ? undefined : (value as Record<string, unknown>)[part]), item);
}

/**
 * A retract mutation of any family (retractIdmAssessment, retractIndeksDesa): one retraction through
 * the mutations' write path, named `file` in the change log; its errors name the argument at fault.
 */
export async function retractFromMutation<R extends FamilyWriteBase, X>(
  context: Context,
  family: IndexFamily<R, X>,
  writer: MutationWriter,
  file: string,
  args: { villageCode: string; year: number; reason: string },
): Promise<{ villageCode: string; year: number; previous: WriteReport['retractions'][number]['previous']; reason: string }> {
  const retraction: FamilyRetraction<X> = { kind: 'retraction', source: { format: 'graphql', file, line: 1 }, villageCode: args.villageCode, names: {}, year: args.year, reason: args.reason, expected: null };
  const values: Record<string, unknown> = args;
  const report = await writeFromMutation(context, family, [retraction], writer, (r) => `${r.field ?? 'villageCode'} ${JSON.stringify(values[r.field ?? 'villageCode'])}`, 'retracted');
  const [done] = report.retractions;
  return { villageCode: done!.villageCode, year: done!.year, previous: done!.previous, reason: args.reason.trim() };
}
