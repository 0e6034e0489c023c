import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../errors';

/** Largest page a connection serves; asking for more is a BAD_USER_INPUT error, not a silent cut. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'True when more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when the page was asked for with `after`, so items precede it.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge, or null for an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Number of items to return, 0 to ${MAX_PAGE_SIZE}. @default ${DEFAULT_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an `endCursor` or edge `cursor`).' })
  after?: string | null;
}

/** A page request after validation: `after` is the decoded sort key. */
export interface PageRequest {
  first: number;
  after: string | null;
}

export function pageRequest(args: PageArgs): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}; page through larger lists with after`, {
      argument: 'first',
      max: MAX_PAGE_SIZE,
    });
  }
  return { first, after: args.after == null ? null : decodeCursor(args.after) };
}

const CURSOR_PREFIX = 'c1:';

/** Cursors are opaque to clients: base64url of a versioned sort key. */
export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX) || text.length === CURSOR_PREFIX.length) {
    throw new BadUserInputError(`"${cursor}" is not a cursor of this API: pass back an endCursor or edge cursor unchanged`, { argument: 'after' });
  }
  return text.slice(CURSOR_PREFIX.length);
}

export interface Connection<T> {
  edges: { readonly cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Counted when read: only when a client selects `totalCount`. */
  readonly totalCount: Promise<number>;
}

/**
 * An edge whose cursor is encoded only if a client selects it (or `pageInfo`'s cursors): most
 * dashboard queries never ask, and a thousand base64 encodings per response add up.
 */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly keyOf: (row: T) => string,
  ) {}

  get cursor(): string {
    return encodeCursor(this.keyOf(this.node));
  }
}

/** Builds the connection object from `first + 1` rows sorted by `keyOf`. */
export function toConnection<T>(rows: T[], request: PageRequest, keyOf: (row: T) => string, totalCount: () => Promise<number>): Connection<T> {
  const hasNextPage = rows.length > request.first;
  const edges = (hasNextPage ? rows.slice(0, request.first) : rows).map((node) => new Edge(node, keyOf));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: request.after !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    // A getter, not a method: a field's default resolution reads it as a property.
    get totalCount() {
      return totalCount();
    },
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `An edge in a ${name} connection.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} items (Relay connection).` })
  class ConnectionClass {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    // A resolver, not a plain property: the count is a promise, which compiled execution awaits
    // only for fields that have one.
    @Field(() => Int, { simple: false, description: 'Number of items in the whole list under the same filter, across all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}
