import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
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
import { MAX_NODE_IDS } from '../graphql/global-id';

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
 *
 * Those bounds are national maxima. Where a query names its region (`province(code: "64")`,
 * `kabupaten(code:)`, `district(code:)`, `village(code:)`), the lists under it are bounded by what
 * that region really holds (`RegionTotals`, which the region domain implements from the register):
 * a level never holds more regions than the region has, nor more than its parents × the page asked,
 * nor more than its parents × the most any one of them has. Kalimantan Timur's
 * `kabupatens { districts { villages(first: 25) { … } } }` is 10 kabupaten, 105 kecamatan and at
 * most 1,038 villages, not 38 × 51 × 25.
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
  /** The Indeks Desa from 2025 (writes accept up to next year); a status track lists the years of both families. */
  'Village.indeksDesaHistory': 20,
  'Village.statusTrack': 40,
  /** MAX_INDEKS_DESA_PER_MUTATION: at most one mismatch per desa-year written. */
  'IndeksDesaRecordResult.mismatches': 5000,
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
  /** MAX_NEAREST (geo.types.ts): `first` at most 100. */
  'Query.nearestVillages': 100,
  /** MAX_NODE_IDS. */
  'Query.nodes': MAX_NODE_IDS,
  /** The Indeks Desa's level lists, as IDM's: five statuses, MAX_HISTOGRAM_BINS, the children of a parent. */
  'IndeksDesaSummary.byStatus': 5,
  'IndeksDesaSummary.histogram': 100,
  'OfficialCounts.byStatus': 5,
  'Query.indeksDesaRanking': 38,
  'Province.indeksDesaRanking': 38,
  'Kabupaten.indeksDesaRanking': 51,
  'Program.indeksDesaRanking': 38,
  /** Published years of either family: one a year since 2015. */
  'Query.publishedYears': 20,
  'Province.publishedYears': 20,
  'Kabupaten.publishedYears': 20,
};

/**
 * Scalars whose value is itself large, costed as this many objects each by their arguments: a
 * region's boundary (its `detail`). Measured on the shipped shapes: a kecamatan's FULL boundary is
 * about 1 KB of JSON (a kabupaten's 6 KB), MEDIUM a quarter to a half of that, LOW under 1 KB for a
 * kabupaten; an object of an answer is about 50–100 bytes. The weights are the low end of that,
 * so the dashboard's views (a kabupaten's desa at MEDIUM) stay within MAX_QUERY_COST while a query
 * for many shapes at FULL is refused like as many objects as its bytes.
 */
const BOUNDARY_WEIGHT = (args: (name: string) => unknown): number => ({ LOW: 1, FULL: 10 })[String(args('detail'))] ?? 2;
export const SCALAR_WEIGHTS: Readonly<Record<string, (args: (name: string) => unknown) => number>> = {
  'Province.boundary': BOUNDARY_WEIGHT,
  'Kabupaten.boundary': BOUNDARY_WEIGHT,
  'District.boundary': BOUNDARY_WEIGHT,
  'Village.boundary': BOUNDARY_WEIGHT,
};

/** Why an operation was refused: a limit, its value, what the operation measured. */
export interface LimitBreach {
  limit: 'cost' | 'depth' | 'aliases' | 'directives';
  max: number;
  actual?: number;
}

/**
 * The register's real sizes, as the region domain knows them: the kernel only needs numbers. The
 * levels are the schema's types from the top (`Province`, `Kabupaten`, `District`, `Village`); a
 * field moving between two of them moves down (a list of children) or up (the one parent).
 */
export interface RegionTotals {
  /** The schema's type of each level of the register, top first. */
  readonly levels: readonly string[];
  /** The region a code names (any form its lookup field accepts), or undefined when the register does not hold it. */
  region(code: string): RegionSize | undefined;
  /** Moves whenever the sizes change: costs computed before are recomputed. */
  readonly generation: number;
}

/** What one region holds. Entries it does not give are unbounded (the national bounds apply). */
export interface RegionSize {
  /** Its level: an index into `RegionTotals.levels`. */
  readonly level: number;
  /** The codes of the regions it lies in, top first: `above[i]` is at level i, for i < level. */
  readonly above: readonly string[];
  /** `total[q]`: how many regions of level q lie in it (q ≥ its level; its own level is 1). */
  readonly total: readonly number[];
  /** `most[p][q]`: the most regions of level q under any one region of level p inside it (level ≤ p < q). */
  readonly most: readonly (readonly number[] | undefined)[];
}

/** What costing needs from the schema, computed once per schema. */
export interface CostModel {
  schema: GraphQLSchema;
  /** Bounds of unpaged lists: LIST_BOUNDS plus, for introspection, the schema's own sizes. */
  bounds: ReadonlyMap<string, number>;
  /** The register's sizes, when the server has them; without, every list has its national bound. */
  register?: RegionTotals;
  /** The register level of each level type, by name. */
  levels: ReadonlyMap<string, number>;
  /** Connections and edges whose items are of a level type: the level of their items, by type name. */
  connections: ReadonlyMap<string, number>;
  edges: ReadonlyMap<string, number>;
}

export interface CostModelOptions {
  /** @default LIST_BOUNDS */
  listBounds?: Readonly<Record<string, number>>;
  /** Real sizes for lists under a region the query names. */
  register?: RegionTotals;
}

export function costModel(schema: GraphQLSchema, options: CostModelOptions = {}): CostModel {
  const bounds = new Map(Object.entries(options.listBounds ?? LIST_BOUNDS));
  // Introspection is answered from memory, but `types { fields { type { fields … } } }` still
  // multiplies: bound its lists by the schema's real sizes so a deep one is refused too.
  const types = Object.values(schema.getTypeMap());
  const most = (sizes: number[]) => Math.max(1, ...sizes);
  const fieldsOf = (t: (typeof types)[number]) => ('getFields' in t ? Object.values(t.getFields()) : []);
  bounds.set('__Schema.types', types.length);
  bounds.set('__Schema.directives', schema.getDirectives().length);
  // Each list by the largest of the types that have it: an input type's fields are inputFields, an
  // object's are fields, and only an interface or union has possibleTypes.
  const outputs = types.filter((t) => isObjectType(t) || isInterfaceType(t));
  bounds.set('__Type.fields', most(outputs.map((t) => fieldsOf(t).length)));
  bounds.set('__Type.inputFields', most(types.filter(isInputObjectType).map((t) => fieldsOf(t).length)));
  bounds.set('__Type.enumValues', most(types.map((t) => ('getValues' in t ? t.getValues().length : 0))));
  bounds.set('__Type.interfaces', most(types.map((t) => ('getInterfaces' in t ? t.getInterfaces().length : 0))));
  bounds.set('__Type.possibleTypes', most(types.filter(isAbstractType).map((t) => schema.getPossibleTypes(t).length)));
  bounds.set('__Field.args', most(outputs.flatMap((t) => fieldsOf(t).map((f) => ('args' in f ? f.args.length : 0)))));
  bounds.set('__Directive.args', most(schema.getDirectives().map((d) => d.args.length)));
  bounds.set('__Directive.locations', 20);

  const levels = new Map((options.register?.levels ?? []).map((name, level) => [name, level] as const));
  // A Relay connection of a level type: `XConnection.edges: [XEdge]`, `XEdge.node: X`.
  const edges = new Map<string, number>();
  const connections = new Map<string, number>();
  const itemLevel = (type: (typeof types)[number], field: string) => {
    const f = 'getFields' in type ? type.getFields()[field] : undefined;
    return f && getNamedType(f.type).name;
  };
  for (const type of types) {
    const node = itemLevel(type, 'node');
    if (node !== undefined && levels.has(node)) edges.set(type.name, levels.get(node)!);
  }
  for (const type of types) {
    const edge = itemLevel(type, 'edges');
    if (edge !== undefined && edges.has(edge)) connections.set(type.name, edges.get(edge)!);
  }
  return { schema, bounds, register: options.register, levels, connections, edges };
}

/**
 * Where a set of objects sits in the register, once the query has named a region: inside `region`
 * at `level` (for a connection or an edge: hanging from objects at `level`, its items at `items`).
 * `distinct` when no two of the objects are the same region: then together they hold no more than
 * the region does. Going up makes copies (every village's `district`), so it loses that.
 */
interface Scope {
  region: RegionSize;
  code: string;
  level: number;
  items?: number;
  edge?: boolean;
  distinct: boolean;
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
  const argument = (field: FieldNode, name: string): unknown => {
    const arg = field.arguments?.find((a) => a.name.value === name);
    if (!arg) return undefined;
    return arg.value.kind === Kind.VARIABLE ? variable(arg.value.name.value) : valueFromASTUntyped(arg.value);
  };

  /**
   * Cost of one fragment, keyed by name, the page size it is spread under and, inside a named
   * region, where it sits and under how many parents. Outside a region a cost is per parent object
   * (it grows in proportion); inside, the region's totals cap it, so the count is part of the key.
   * Spreads of one fragment at one place share an entry, which keeps a bomb linear; places are
   * bounded by the expanded document, which MAX_FIELDS bounds before the cost is asked.
   */
  const memo = new Map<string, number>();

  /** A paged field's page size: its `first`, or the default page when it is not given. */
  const pageSize = (field: FieldNode): number => {
    const raw = argument(field, 'first');
    if (raw === undefined) return DEFAULT_PAGE_SIZE;
    const n = typeof raw === 'number' && Number.isFinite(raw) ? raw : DEFAULT_PAGE_SIZE;
    // Beyond the maximum the resolver refuses with a clear message of its own; count the maximum.
    return Math.min(Math.max(Math.trunc(n), 0), MAX_PAGE_SIZE);
  };

  const fieldDef = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name && parent === root) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name && parent === root) return TypeMetaFieldDef;
    return 'getFields' in parent ? parent.getFields()[name] : undefined;
  };

  /**
   * Objects under `count` objects of `parent` (within `scope`, when the query named a region);
   * `page` is the page size of the paged field this set selects from.
   */
  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType, count: number, scope: Scope | undefined, page: number | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, count, scope, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? model.schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += selectionCost(selection.selectionSet, type, count, type === parent ? scope : undefined, page);
      } else {
        total += spreadCost(selection.name.value, parent, count, scope, page);
      }
    }
    return total;
  };

  const spreadCost = (name: string, parent: GraphQLCompositeType, count: number, scope: Scope | undefined, page: number | undefined): number => {
    const fragment = fragments.get(name);
    const type = fragment && model.schema.getType(fragment.typeCondition.name.value);
    // A fragment on another type (an interface, a union) leaves the region: costed by national bounds.
    const inside = type === parent ? scope : undefined;
    const per = inside ? count : 1;
    const key = `${name}\u0000${page ?? ''}${inside ? `\u0000${inside.code}/${inside.level}/${inside.items ?? ''}/${inside.edge ? 1 : 0}/${inside.distinct ? 1 : 0}/${per}` : ''}`;
    let cost = memo.get(key);
    if (cost === undefined) {
      // A cycle counts 0 here; validation refuses it.
      memo.set(key, 0);
      cost = fragment && type && isCompositeType(type) ? selectionCost(fragment.selectionSet, type, per, inside, page) : 0;
      memo.set(key, cost);
    }
    return inside ? cost : count * cost;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, count: number, scope: Scope | undefined, page: number | undefined): number => {
    if (!field.selectionSet) {
      const weight = SCALAR_WEIGHTS[`${parent.name}.${field.name.value}`];
      return weight ? count * weight((name) => argument(field, name)) : 0;
    }
    const def = fieldDef(parent, field.name.value);
    if (!def) return 0;
    const type = getNamedType(def.type);
    if (!isCompositeType(type)) return 0;
    const list = isListType(getNullableType(def.type));
    const perParent = list ? listBound(model, parent, def.name, page) : 1;
    const paged = isObjectType(type) && def.args.some((a) => a.name === 'first');
    const ownPage = paged ? pageSize(field) : undefined;
    const inner = scope ? within(scope, type.name, list, count, perParent) : parent === root ? lookup(field, type.name) : undefined;
    const items = inner ? inner.items : count * perParent;
    return items + selectionCost(field.selectionSet, type, items, inner?.scope, ownPage);
  };

  /** A root field that names its region by code: the one region, the start of a scope. */
  const lookup = (field: FieldNode, type: string): { items: number; scope: Scope } | undefined => {
    const level = model.levels.get(type);
    const code = level === undefined ? undefined : argument(field, 'code');
    const region = typeof code === 'string' ? model.register?.region(code) : undefined;
    if (!region || region.level !== level) return undefined;
    return { items: 1, scope: { region, code: code as string, level, distinct: true } };
  };

  /**
   * How many objects a field returns for `count` objects in `scope`, and where they sit; undefined
   * when the field leaves the register (an IDM summary, a ranking), whose lists take national bounds.
   */
  const within = (scope: Scope, type: string, list: boolean, count: number, perParent: number): { items: number; scope: Scope } | undefined => {
    const { region, level: from } = scope;
    /** At most `count` × the most one parent at `from` has at `to`, and, for distinct parents, the region's total. */
    const children = (to: number, asked: number) =>
      Math.min(count * asked, count * (region.most[from]?.[to] ?? Infinity), scope.distinct ? (region.total[to] ?? Infinity) : Infinity);
    const level = model.levels.get(type);
    if (scope.items === undefined) {
      if (level !== undefined && !list && level < from) {
        // Up: the one parent of each. Above the named region, it is that region's ancestor.
        const code = level < region.level ? region.above[level] : scope.code;
        const above = level < region.level ? code && model.register?.region(code) : region;
        if (!code || !above) return undefined;
        return { items: count, scope: { region: above, code, level, distinct: count <= 1 } };
      }
      if (level !== undefined && list && level > from) return { items: children(level, perParent), scope: { ...scope, level } };
      const items = model.connections.get(type);
      if (items !== undefined && !list && items > from) return { items: count, scope: { ...scope, items } };
      return undefined;
    }
    if (!scope.edge && list && model.edges.get(type) === scope.items) {
      return { items: children(scope.items, perParent), scope: { ...scope, edge: true } };
    }
    if (scope.edge && !list && level === scope.items) return { items: count, scope: { region, code: scope.code, level, distinct: scope.distinct } };
    return undefined;
  };

  return selectionCost(operation.selectionSet, root, 1, undefined, undefined);
}

/** How many items a list field can return: its page (for a connection's edges) or its known bound. */
function listBound(model: CostModel, parent: GraphQLCompositeType, field: string, page: number | undefined): number {
  return model.bounds.get(`${parent.name}.${field}`) ?? page ?? MAX_PAGE_SIZE;
}
