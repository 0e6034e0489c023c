import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../graphql/connection';

/**
 * The cost of an operation is an upper bound on the objects its response can hold: every object
 * (non-leaf) field counts 1 for each object it may return, and a list field may return as many as
 * its page size (`first`, default 50, at most 500) or, unpaged, the most the data can hold. So
 * `provinces { kabupatens { districts { villages(first: 500) { edges { node { … } } } } } }` costs
 * 38 × 38 × 51 × (1 + 500 × …) and is refused before any SQL runs, while a province dashboard is
 * not. graphql-armor's cost-limit weighs every field the same whatever its list size, so it cannot
 * say this; hence this one hand-written rule: a single pass over the document, each fragment costed
 * once (per page size it is spread under) and reused, so a fragment spread twice at every level of
 * 30 levels costs 30 steps, not 2^30.
 */

/** Most items an unpaged list field can return, by `Type.field`: the register's maxima (idn-area-data 4.0.1) and the IDM's shape. */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Query.provinces': 38,
  'Program.provinces': 38,
  /** Jawa Timur has 38 kabupaten/kota. */
  'Province.kabupatens': 38,
  /** Kabupaten Nduga (95.03) has 51 kecamatan. */
  'Kabupaten.districts': 51,
  /** A program's loci are kabupaten: at most all 514 of them. */
  'Program.loci': 514,
  /** Programs are created by hand, one cohort a year. */
  'Query.programs': 50,
  /** IDM has been published yearly since 2015 (writes accept up to next year). */
  'Village.idmHistory': 20,
  'Query.idmYears': 20,
  'IdmAssessment.indicators': 50,
  'IdmSummary.byStatus': 5,
  /** MAX_HISTOGRAM_BINS. */
  'IdmSummary.histogram': 100,
  /** Rankings list children: 38 provinces, 38 kabupaten of a province, 51 kecamatan of a kabupaten. */
  'Query.idmRanking': 38,
  'Province.idmRanking': 38,
  'Kabupaten.idmRanking': 51,
  /** MAX_SEARCH_RESULTS. */
  'Query.search': 50,
};

/** Why an operation was refused: a limit, its value, what the operation measured. */
export interface LimitBreach {
  limit: 'cost' | 'depth' | 'aliases' | 'directives';
  max: number;
  actual?: number;
}

/** What costing needs from the schema, computed once per schema. */
export interface CostModel {
  schema: GraphQLSchema;
  /** Bounds of unpaged lists: LIST_BOUNDS plus, for introspection, the schema's own sizes. */
  bounds: ReadonlyMap<string, number>;
}

export function costModel(schema: GraphQLSchema, listBounds: Readonly<Record<string, number>> = LIST_BOUNDS): CostModel {
  const bounds = new Map(Object.entries(listBounds));
  // Introspection is answered from memory, but `types { fields { type { fields … } } }` still
  // multiplies: bound its lists by the schema's real sizes so a deep one is refused too.
  const types = Object.values(schema.getTypeMap());
  const most = (sizes: number[]) => Math.max(1, ...sizes);
  const fieldsOf = (t: (typeof types)[number]) => ('getFields' in t ? Object.values(t.getFields()) : []);
  bounds.set('__Schema.types', types.length);
  bounds.set('__Schema.directives', schema.getDirectives().length);
  bounds.set('__Type.fields', most(types.map((t) => fieldsOf(t).length)));
  bounds.set('__Type.inputFields', most(types.map((t) => fieldsOf(t).length)));
  bounds.set('__Type.enumValues', most(types.map((t) => ('getValues' in t ? t.getValues().length : 0))));
  bounds.set('__Type.interfaces', most(types.map((t) => ('getInterfaces' in t ? t.getInterfaces().length : 0))));
  bounds.set('__Type.possibleTypes', types.length);
  bounds.set('__Field.args', most(types.flatMap((t) => fieldsOf(t).map((f) => ('args' in f ? f.args.length : 0)))));
  bounds.set('__Directive.args', most(schema.getDirectives().map((d) => d.args.length)));
  bounds.set('__Directive.locations', 20);
  return { schema, bounds };
}

/**
 * The cost of the operation `operationName` (or the only one) of `document` with `variables`.
 * Unknown fields and fragments count 0: validation refuses them anyway.
 */
export function operationCost(model: CostModel, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return 0;
  const root = model.schema.getRootType(operation.operation);
  if (!root) return 0;

  const defaults = new Map<string, unknown>();
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) defaults.set(v.variable.name.value, valueFromASTUntyped(v.defaultValue));
  }
  const variable = (name: string) => (variables && name in variables ? variables[name] : defaults.get(name));

  /** Cost of one fragment per parent object, keyed by name and the page size it is spread under. */
  const memo = new Map<string, number>();

  /** A paged field's page size: its `first`, or the default page when it is not given. */
  const pageSize = (field: FieldNode): number => {
    const arg = field.arguments?.find((a) => a.name.value === 'first');
    if (!arg) return DEFAULT_PAGE_SIZE;
    const raw = arg.value.kind === Kind.VARIABLE ? variable(arg.value.name.value) : valueFromASTUntyped(arg.value);
    const n = typeof raw === 'number' && Number.isFinite(raw) ? raw : DEFAULT_PAGE_SIZE;
    // Beyond the maximum the resolver refuses with a clear message of its own; count the maximum.
    return Math.min(Math.max(Math.trunc(n), 0), MAX_PAGE_SIZE);
  };

  const fieldDef = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name && parent === root) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name && parent === root) return TypeMetaFieldDef;
    return 'getFields' in parent ? parent.getFields()[name] : undefined;
  };

  /** Cost per object of `parent`; `page` is the page size of the paged field this set selects from. */
  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType, page: number | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? model.schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += selectionCost(selection.selectionSet, type, page);
      } else {
        total += spreadCost(selection.name.value, page);
      }
    }
    return total;
  };

  const spreadCost = (name: string, page: number | undefined): number => {
    const key = `${name}\u0000${page ?? ''}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    // A cycle counts 0 here; validation refuses it.
    memo.set(key, 0);
    const fragment = fragments.get(name);
    const type = fragment && model.schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && type && isCompositeType(type) ? selectionCost(fragment.selectionSet, type, page) : 0;
    memo.set(key, cost);
    return cost;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, page: number | undefined): number => {
    if (!field.selectionSet) return 0;
    const def = fieldDef(parent, field.name.value);
    if (!def) return 0;
    const type = getNamedType(def.type);
    if (!isCompositeType(type)) return 0;
    const items = isListType(getNullableType(def.type)) ? listBound(model, parent, def.name, page) : 1;
    const paged = isObjectType(type) && def.args.some((a) => a.name === 'first');
    const ownPage = paged ? pageSize(field) : undefined;
    return items * (1 + selectionCost(field.selectionSet, type, ownPage));
  };

  return selectionCost(operation.selectionSet, root, undefined);
}

/** How many items a list field can return: its page (for a connection's edges) or its known bound. */
function listBound(model: CostModel, parent: GraphQLCompositeType, field: string, page: number | undefined): number {
  return model.bounds.get(`${parent.name}.${field}`) ?? page ?? MAX_PAGE_SIZE;
}
