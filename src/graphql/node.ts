import { isInterfaceType, type GraphQLSchema } from 'graphql';
import { Arg, Ctx, Field, ID, InterfaceType, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../errors';
import type { Context } from './context';
import { MAX_NODE_IDS, NODE_TYPE } from './global-id';

/** The `Node` interface and the `node` and `nodes` queries; ids and their kinds are in global-id.ts. */

@InterfaceType('Node', {
  description: 'An object with a global id: fetch it again with `node(id:)` (the Relay object identification specification).',
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Opaque global id, stable across restarts and servers; `node(id:)` answers it.' })
  id!: string;
}

@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, { nullable: true, description: 'The object with this global id; null when there is none (or the id is not one this API made).' })
  node(@Arg('id', () => ID, { description: 'A global id, as an `id` field returned it.' }) id: string, @Ctx() context: Context): Promise<object | null> {
    return context.loaders.node.load(id);
  }

  @Query(() => [NodeInterface], {
    nullable: 'items',
    description: `The objects with these global ids, in the same order; null for each id with no object. At most ${MAX_NODE_IDS} ids.`,
  })
  nodes(
    @Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_NODE_IDS}.` }) ids: string[],
    @Ctx() context: Context,
  ): Promise<(object | null)[]> {
    if (ids.length > MAX_NODE_IDS) throw new BadUserInputError(`nodes takes at most ${MAX_NODE_IDS} ids, got ${ids.length}: split the list`, { argument: 'ids', max: MAX_NODE_IDS });
    return Promise.all(ids.map((id) => context.loaders.node.load(id)));
  }
}

/**
 * Tells graphql-js which type a `node` answer is of: the one its NodeKind named. Set on the built
 * schema, not through type-graphql's `resolveType` option, which wraps it in an async function that
 * graphql-jit cannot await (it then reports that Node "must resolve to an Object type").
 */
export function installNodeInterface(schema: GraphQLSchema): void {
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('node: the schema has no Node interface');
  node.resolveType = (value) => (value as Record<symbol, string>)[NODE_TYPE];
}
