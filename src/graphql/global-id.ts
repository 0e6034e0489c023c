import type { Context } from './context';
import type { LoaderRegistry } from './loader-registry';

/**
 * Global object identification, as the Relay specification writes it
 * (https://relay.dev/graphql/objectidentification.htm): every object with identity implements
 * `Node` with an opaque `id`, and `node(id:)` / `nodes(ids:)` fetch any of them again. Relay needs
 * it to refetch a fragment; Apollo Client's default cache needs `id` to normalize at all.
 *
 * An id is base64url of `Kind:key:key…`: the kind (a GraphQL type name, or a name that leads to one,
 * as `Program` leads to a region seen through that program) and the natural keys of the object
 * (codes, a village code and a year, a change-log id), never a process-local value, so an id stays
 * valid across restarts and instances. This module knows no domain: each domain registers a
 * `NodeKind` for the ids it hands out, and the composition root (src/schema.ts) lists them. The
 * `Node` interface and the `node` fields are in node.ts.
 */

/** Most ids `nodes` takes in one call; more is a BAD_USER_INPUT error. */
export const MAX_NODE_IDS = 100;

/** The key parts of an id; none may contain `:`. */
export type IdPart = string | number;

/** Makes the opaque id of an object from its kind and natural keys. */
export function globalId(kind: string, ...keys: IdPart[]): string {
  const parts = [kind, ...keys.map(String)];
  if (parts.some((p) => p === '' || p.includes(':'))) throw new Error(`globalId: empty part or ':' in ${parts.join(', ')}`);
  return Buffer.from(parts.join(':'), 'utf8').toString('base64url');
}

/** The kind and keys of an id, or null when it is not one this API could have made. */
export function parseGlobalId(id: string): { kind: string; keys: string[] } | null {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  // Only the canonical spelling: every id has one text, so clients may compare ids as strings.
  if (Buffer.from(text, 'utf8').toString('base64url') !== id) return null;
  const [kind, ...keys] = text.split(':');
  if (!kind || keys.length === 0 || keys.some((k) => k === '')) return null;
  return { kind, keys };
}

/** An object `node` answers with, and the GraphQL type it is of. */
export interface NodeValue {
  type: string;
  value: object;
}

/**
 * The ids of one kind: how to fetch their objects. `load` receives the keys of many ids at once (all
 * of one operation's `node` and `nodes` fields of this kind) and returns, in key order, each object
 * or null when there is none (or the keys are malformed: such an id was never handed out).
 */
export interface NodeKind {
  kind: string;
  load(keys: readonly string[][], context: Context): Promise<(NodeValue | null)[]>;
}

/** Where `node` finds the type of the object it answers with (rows are plain objects). */
export const NODE_TYPE = Symbol('nodeType');

/** The objects of ids, batched per operation: one `load` per kind for all the ids asked for together. */
export class NodeLoader {
  private readonly kinds: ReadonlyMap<string, NodeKind>;

  constructor(
    private readonly registry: LoaderRegistry,
    kinds: readonly NodeKind[],
    private readonly context: Context,
  ) {
    this.kinds = new Map(kinds.map((k) => [k.kind, k]));
  }

  load(id: string): Promise<object | null> {
    return this.registry
      .get<string, object | null>('node', async (ids) => {
        const parsed = ids.map(parseGlobalId);
        const results: (object | null)[] = ids.map(() => null);
        const byKind = new Map<NodeKind, number[]>();
        parsed.forEach((p, i) => {
          const kind = p && this.kinds.get(p.kind);
          if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), i]);
        });
        await Promise.all(
          [...byKind].map(async ([kind, positions]) => {
            const values = await kind.load(positions.map((i) => parsed[i]!.keys), this.context);
            positions.forEach((i, j) => {
              const found = values[j];
              if (found) results[i] = { ...found.value, [NODE_TYPE]: found.type };
            });
          }),
        );
        return results;
      })
      .load(id);
  }
}

declare module './context' {
  interface Loaders {
    node: NodeLoader;
  }
}

