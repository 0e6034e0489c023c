import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import type { Context } from './context';

/**
 * The read planner. A root field of the register (`province`, `villages`, …) is answered with ONE
 * SQL statement that builds the whole selected subtree as JSON inside PostgreSQL, with correlated
 * subqueries and `json_agg` (the way PostGraphile and the bench's raw endpoint do). Node then walks
 * plain objects whose fields are read back by trivial resolvers: no DataLoader promise per node, no
 * per-node SQL, no rows parsed into objects the response does not need.
 *
 * Measured on the bench's W1 (1,025 desa under province 64) the DataLoader path cost 41 ms of Node
 * CPU per request; see the README's "How reads work" for the numbers with the planner.
 *
 * What a plan does not cover keeps working unchanged: a field with no plan is resolved by its own
 * resolver (batched DataLoaders) from the planned object, which then carries the full row the
 * resolvers expect. A relation whose arguments are invalid is left to its resolver too, so the
 * error appears at the field that caused it, exactly as without the planner.
 *
 * How the pieces meet:
 * - each domain describes its types in an `ObjectPlan` (`region.plan.ts`, `idm.plan.ts`): the row
 *   columns, and for each field either a column or a relation written as SQL over its parent;
 * - a planned value lives on the parent object under `@<response key>` (GraphQL names cannot hold
 *   `@`, so no real field is shadowed), and `installPlanner` wraps the resolver of every planned field
 *   to return it when present;
 * - plain fields (no resolver) are read by graphql-js' default resolver from the row's own keys.
 */

/** Arguments of one field, coerced by graphql-js from literals, variables and defaults. */
export type FieldArgs = Record<string, unknown>;

/** Builds one statement: parameters and table aliases, unique within it. */
export interface PlanScope {
  /** Appends a parameter and returns its placeholder (`$3`). */
  param(value: unknown): string;
  /** The parameter list, for SQL builders that append to it themselves. */
  readonly values: unknown[];
  context: Context;
}

/** A scalar read from the row (or computed from it) in SQL, given the field's arguments. */
export interface ColumnPlan {
  kind: 'column';
  sql(alias: string, args: FieldArgs): string;
}

/** A field left to its resolver, which reads only the row keys named (e.g. a summary found by code). */
export interface ResolverPlan {
  kind: 'resolver';
  reads: readonly string[];
}

/** Builds one child object's JSON from a row aliased `alias`, with optional extra key/SQL pairs. */
export type Render = (alias: string, extra?: Record<string, string>) => string;

/**
 * Child objects of a field as a SQL expression over the parent's alias that yields JSON: an object
 * (or null), or an array. `render(alias)` builds one child object from a row aliased `alias`.
 */
export interface RelationPlan {
  kind: 'relation';
  /** The GraphQL object type of the children. */
  type: string;
  /** Where the children sit inside the field's value: `[]` for an object or a list, `['edges', 'node']` for a connection. */
  through?: readonly string[];
  /**
   * The SQL, or null to leave this field to its resolver. `parent` is the parent row's alias (`''`
   * for a root field); `child` a fresh alias for the child rows. May throw for invalid arguments.
   */
  sql(scope: PlanScope, parent: string, child: string, args: FieldArgs, render: Render): string | null | Promise<string | null>;
  /** Turns the planned JSON into what the field's resolver returns (e.g. rows into a connection). */
  finish?(value: unknown, source: unknown, args: FieldArgs, context: Context): unknown;
  /** Row keys of the parent that `finish` reads. */
  reads?: readonly string[];
  /** Row keys of each child that `finish` reads (e.g. what cursors are made of). */
  childReads?: readonly string[];
}

export type FieldPlan = ColumnPlan | RelationPlan | ResolverPlan;

/** How rows of one GraphQL object type are built in SQL. */
export interface ObjectPlan {
  /**
   * The row as the type's resolvers read it: row key → SQL over the row's alias (a column name, or
   * a function of the alias for an expression). A planned object carries the keys its selection
   * reads (plain fields, and what planned resolvers declare in `reads`), and every column when a
   * selected field is left to a resolver that may read any of them.
   */
  columns: Record<string, string | ((alias: string) => string)>;
  /** Fields planned otherwise than by reading `columns` (relations, computed values). */
  fields: Record<string, FieldPlan>;
}

export interface PlannerConfig {
  /** Object types by GraphQL name. */
  objects: Record<string, ObjectPlan>;
  /** Fields a module adds to another module's types (IDM fields on the register's), by type name. */
  extensions?: Record<string, Record<string, FieldPlan>>;
  /** Query fields answered by one planned statement. */
  roots: Record<string, RelationPlan>;
}

/** One configuration from each domain module's: types, their extensions by other modules, roots. */
export function mergePlans(...configs: PlannerConfig[]): PlannerConfig {
  const objects: Record<string, ObjectPlan> = {};
  for (const config of configs) for (const [name, plan] of Object.entries(config.objects)) objects[name] = { ...plan, fields: { ...plan.fields } };
  for (const config of configs) {
    for (const [name, fields] of Object.entries(config.extensions ?? {})) {
      const plan = objects[name];
      if (!plan) throw new Error(`planner: fields added to ${name}, which no module plans`);
      Object.assign(plan.fields, fields);
    }
  }
  return { objects, roots: Object.assign({}, ...configs.map((c) => c.roots)) };
}

/** A JSON array of the child objects `render` builds from `from`, in `orderBy`; `'[]'` when there are none. */
export function jsonList(render: string, orderBy: string, from: string): string {
  return `coalesce((select json_agg(${render} order by ${orderBy}) from ${from}), '[]'::json)`;
}

/** The key a planned value of a field is stored under on its parent object. */
export function plannedKey(responseKey: string): string {
  return `@${responseKey}`;
}

function responseKeyOf(info: GraphQLResolveInfo): string {
  return info.fieldNodes[0]!.alias?.value ?? info.fieldName;
}

/** Upper bound of json_build_object's arguments (PostgreSQL allows 100): 50 key/value pairs. */
const PAIRS_PER_OBJECT = 50;

interface Walk {
  scope: PlanScope;
  schema: GraphQLSchema;
  info: GraphQLResolveInfo;
  aliases: number;
}

class Planner {
  constructor(
    private readonly config: PlannerConfig,
    private readonly schema: GraphQLSchema,
  ) {}

  /** The statement answering a root field, or null when its plan declines (the resolver runs). */
  async planRoot(root: RelationPlan, args: FieldArgs, info: GraphQLResolveInfo, context: Context): Promise<{ text: string; values: unknown[] } | null> {
    const values: unknown[] = [];
    const scope: PlanScope = {
      values,
      context,
      param: (value) => {
        values.push(value);
        return `$${values.length}`;
      },
    };
    const walk: Walk = { scope, schema: this.schema, info, aliases: 0 };
    const sql = await this.relation(walk, root, '', args, info.fieldNodes, info.returnType, true);
    return sql === null ? null : { text: `select ${sql} as v`, values };
  }

  /**
   * SQL of a relation's JSON, or null when it cannot be planned. Errors of a nested relation (bad
   * arguments) are swallowed here so that its resolver raises them at the right path; a root's
   * errors propagate, which is where its resolver would raise them too.
   */
  private async relation(
    walk: Walk,
    plan: RelationPlan,
    parent: string,
    args: FieldArgs,
    fieldNodes: readonly FieldNode[],
    fieldType: GraphQLOutputType,
    isRoot: boolean,
  ): Promise<string | null> {
    const childType = this.schema.getType(plan.type);
    if (!isObjectType(childType)) throw new Error(`planner: ${plan.type} is not an object type`);
    const childNodes = this.descend(walk, getNamedType(fieldType) as GraphQLObjectType, fieldNodes, plan.through ?? []);
    if (childNodes === null) return null;
    const objectPlan = this.config.objects[plan.type];
    if (!objectPlan) throw new Error(`planner: no object plan for ${plan.type}`);
    const child = `t${++walk.aliases}`;
    // Children are planned first (their plans may be async); `render` then only assembles text.
    const pairs = await this.object(walk, objectPlan, childType, childNodes, child, plan.childReads ?? []);
    const placeholder = `\u0000${child}\u0000`;
    const render: Render = (alias, extra = {}) => jsonObject(new Map([...pairs, ...Object.entries(extra)])).replaceAll(placeholder, alias);
    try {
      return await plan.sql(walk.scope, parent, child, args, render);
    } catch (error) {
      if (isRoot) throw error;
      return null;
    }
  }

  /**
   * The field nodes of the children below `through` (e.g. `edges` then `node` of a connection). A
   * connection is planned only when each step is selected under one response key: two aliases of
   * `node` could ask for different arguments on the same shared child objects.
   */
  private descend(walk: Walk, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], through: readonly string[]): readonly FieldNode[] | null {
    let nodes = fieldNodes;
    let current = type;
    for (const step of through) {
      const fields = collectSubfields(walk.schema, walk.info.fragments, walk.info.variableValues, current, nodes);
      const matching = [...fields.entries()].filter(([, n]) => n[0]!.name.value === step);
      if (matching.length === 0) return [];
      if (matching.length > 1) return null;
      nodes = matching[0]![1];
      const next = getNamedType(current.getFields()[step]!.type);
      if (!isObjectType(next)) throw new Error(`planner: ${current.name}.${step} is not an object`);
      current = next;
    }
    return nodes;
  }

  /**
   * The key/SQL pairs of one child object, over a placeholder alias that `render` replaces: the row
   * keys, each selected column, and each planned relation under its `@` key.
   */
  private async object(
    walk: Walk,
    plan: ObjectPlan,
    type: GraphQLObjectType,
    fieldNodes: readonly FieldNode[],
    alias: string,
    reads: readonly string[],
  ): Promise<Map<string, string>> {
    const placeholder = `\u0000${alias}\u0000`;
    const column = (key: string) => {
      const sql = plan.columns[key]!;
      return typeof sql === 'function' ? sql(placeholder) : `${placeholder}.${sql}`;
    };
    const pairs = new Map<string, string>();
    const fields = fieldNodes.length ? collectSubfields(walk.schema, walk.info.fragments, walk.info.variableValues, type, fieldNodes) : new Map<string, readonly FieldNode[]>();
    let fullRow = false;
    for (const key of reads) pairs.set(key, column(key));
    for (const [responseKey, nodes] of fields) {
      const name = nodes[0]!.name.value;
      if (name.startsWith('__')) continue;
      const field = type.getFields()[name]!;
      const fieldPlan = plan.fields[name];
      if (!fieldPlan) {
        if (!field.resolve && name in plan.columns) pairs.set(name, column(name));
        else fullRow = true;
        continue;
      }
      if (fieldPlan.kind === 'resolver') {
        for (const key of fieldPlan.reads) pairs.set(key, column(key));
        continue;
      }
      if (fieldPlan.kind === 'column') {
        const args = this.argumentsOf(walk, field, nodes);
        if (args === null) fullRow = true;
        else pairs.set(field.resolve ? plannedKey(responseKey) : name, fieldPlan.sql(placeholder, args));
        continue;
      }
      const sql = await this.nestedRelation(walk, fieldPlan, field, nodes, placeholder);
      if (sql === null) {
        fullRow = true;
        continue;
      }
      pairs.set(plannedKey(responseKey), sql);
      for (const key of fieldPlan.reads ?? []) pairs.set(key, column(key));
    }
    if (fullRow) for (const key of Object.keys(plan.columns)) pairs.set(key, column(key));
    return pairs;
  }

  private async nestedRelation(walk: Walk, plan: RelationPlan, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], parent: string): Promise<string | null> {
    const args = this.argumentsOf(walk, field, nodes);
    return args === null ? null : this.relation(walk, plan, parent, args, nodes, field.type, false);
  }

  /** The field's coerced arguments, or null when they are invalid: its resolver then raises the error at its path. */
  private argumentsOf(walk: Walk, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): FieldArgs | null {
    if (field.args.length === 0) return {};
    try {
      return getArgumentValues(field, nodes[0]!, walk.info.variableValues);
    } catch {
      return null;
    }
  }
}

/** `json_build_object` over key/SQL pairs, merged through jsonb past PostgreSQL's 100-argument limit. */
function jsonObject(pairs: Map<string, string>): string {
  const entries = [...pairs].map(([key, sql]) => `'${key.replaceAll("'", "''")}', ${sql}`);
  if (entries.length <= PAIRS_PER_OBJECT) return `json_build_object(${entries.join(', ')})`;
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += PAIRS_PER_OBJECT) chunks.push(`jsonb_build_object(${entries.slice(i, i + PAIRS_PER_OBJECT).join(', ')})`);
  return `(${chunks.join(' || ')})::json`;
}

/**
 * Wraps the resolvers of planned fields: a root field runs its plan (one statement) and falls back
 * to its resolver when the plan declines; any other planned field returns the value its parent
 * carries under `@<response key>`, and runs its resolver when the parent was not planned.
 */
export function installPlanner(schema: GraphQLSchema, config: PlannerConfig): void {
  const planner = new Planner(config, schema);
  const query = schema.getQueryType()!;
  for (const [name, root] of Object.entries(config.roots)) {
    const field = query.getFields()[name];
    if (!field?.resolve) throw new Error(`planner: Query.${name} has no resolver to plan`);
    field.resolve = planRootResolver(planner, root, field.resolve);
  }
  for (const [typeName, plan] of Object.entries(config.objects)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`planner: ${typeName} is not an object type`);
    for (const [fieldName, fieldPlan] of Object.entries(plan.fields)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`planner: ${typeName}.${fieldName} does not exist`);
      // A column of a plain field is stored under its own name, where the default resolver reads it.
      if (fieldPlan.kind === 'resolver' || (fieldPlan.kind === 'column' && !field.resolve)) continue;
      field.resolve = plannedValueResolver(field.resolve ?? defaultFieldResolver, fieldPlan.kind === 'relation' ? fieldPlan.finish : undefined);
    }
  }
}

function planRootResolver(planner: Planner, root: RelationPlan, resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return async (source, args, context, info) => {
    const plan = await planner.planRoot(root, args, info, context);
    if (!plan) return resolve(source, args, context, info);
    const [row] = await context.sql.query<{ v: unknown }>(plan.text, plan.values);
    const value = row!.v;
    return root.finish ? root.finish(value, source, args, context) : value;
  };
}

function plannedValueResolver(resolve: GraphQLFieldResolver<unknown, Context>, finish: RelationPlan['finish']): GraphQLFieldResolver<unknown, Context> {
  return (source, args, context, info) => {
    const value = (source as Record<string, unknown>)[plannedKey(responseKeyOf(info))];
    if (value === undefined) return resolve(source, args, context, info);
    return finish ? finish(value, source, args, context) : value;
  };
}
