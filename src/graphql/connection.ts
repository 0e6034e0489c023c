import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../errors';

/** Largest page a connection serves; asking for more is a BAD_USER_INPUT error, not a silent cut. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType({ description: 'Relay page information.' })
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

/** What a batch loader returns for one parent: one row more than asked tells whether a next page exists. */
export interface Page<T> {
  rows: T[];
  /** Counted only when a client selects `totalCount`. */
  totalCount: () => Promise<number>;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Builds the connection object from `first + 1` rows sorted by `keyOf`. */
export function toConnection<T>(rows: T[], request: PageRequest, keyOf: (row: T) => string, totalCount: () => Promise<number>): Connection<T> {
  const hasNextPage = rows.length > request.first;
  const edges = rows.slice(0, request.first).map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay connection).` })
  class ConnectionClass {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { simple: true, description: 'Number of items in the whole list under the same filter, across all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}
