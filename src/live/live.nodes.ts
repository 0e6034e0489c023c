import { globalId, type NodeKind } from '../graphql/global-id';
import { IndexFamilyId } from '../index-family/index-family';
import { readChangesById, type ChangeEvent } from './change-log';

/**
 * Global ids of changes (see src/graphql/global-id.ts): `IdmUpdate:<change-log id>` for IDM's,
 * `IndeksDesaUpdate:<change-log id>` for the Indeks Desa's; one log, one sequence, each entry of one
 * family. The log only grows, so an id names the same change forever; `node` reads it back with its
 * region as it is now.
 */

/** The payload type of each family's changes, which is also the kind of its ids. */
const CHANGE_TYPES: Record<IndexFamilyId, string> = {
  [IndexFamilyId.IDM]: 'IdmUpdate',
  [IndexFamilyId.INDEKS_DESA]: 'IndeksDesaUpdate',
};

export function changeNodeId(event: Pick<ChangeEvent, 'id' | 'family'>): string {
  return globalId(CHANGE_TYPES[event.family], event.id);
}

/** Change-log ids are bigint: at most 19 digits, and within its range. */
function logId(key: string | undefined): string | undefined {
  return key !== undefined && /^[1-9]\d{0,18}$/.test(key) && BigInt(key) <= 2n ** 63n - 1n ? key : undefined;
}

/** The node kind of one family's changes: all asked for in one operation are read in one statement. */
function changeKind(family: IndexFamilyId): NodeKind {
  const type = CHANGE_TYPES[family];
  return {
    kind: type,
    load: async (keys, context) => {
      const ids = keys.map(([key, ...rest]) => (rest.length === 0 ? logId(key) : undefined));
      const wanted = ids.filter((id): id is string => id !== undefined);
      const found = new Map((wanted.length ? await readChangesById(context.sql, [...new Set(wanted)]) : []).map((e) => [e.id, e]));
      return ids.map((id) => {
        const event = id === undefined ? undefined : found.get(id);
        // An id of one family never names another family's entry.
        return event && event.family === family ? { type, value: event } : null;
      });
    },
  };
}

export const liveNodeKinds: NodeKind[] = Object.values(IndexFamilyId).map(changeKind);
