import { globalId, type NodeKind } from '../graphql/global-id';
import { readChangesById, type ChangeEvent } from './change-log';

/**
 * Global ids of IDM changes (see src/graphql/global-id.ts): `IdmUpdate:<change-log id>`. The log only
 * grows, so an id names the same change forever; `node` reads it back with its region as it is now.
 */

export function changeNodeId(event: Pick<ChangeEvent, 'id'>): string {
  return globalId('IdmUpdate', event.id);
}

/** Change-log ids are bigint: at most 19 digits, and within its range. */
function logId(key: string | undefined): string | undefined {
  return key !== undefined && /^[1-9]\d{0,18}$/.test(key) && BigInt(key) <= 2n ** 63n - 1n ? key : undefined;
}

export const liveNodeKinds: NodeKind[] = [
  {
    kind: 'IdmUpdate',
    // All the changes asked for in one operation are read in one statement.
    load: async (keys, context) => {
      const ids = keys.map(([key, ...rest]) => (rest.length === 0 ? logId(key) : undefined));
      const wanted = ids.filter((id): id is string => id !== undefined);
      const found = new Map((wanted.length ? await readChangesById(context.sql, [...new Set(wanted)]) : []).map((e) => [e.id, e]));
      return ids.map((id) => {
        const event = id === undefined ? undefined : found.get(id);
        return event ? { type: 'IdmUpdate', value: event } : null;
      });
    },
  },
];
