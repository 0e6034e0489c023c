import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { LRUCache } from 'lru-cache';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { OperationLimits } from '../config';
import { ErrorCode } from '../errors';
import { expandedFieldCount } from './field-count';
import { costModel, operationCost, type CostModel, type LimitBreach as CostBreach, type RegionTotals } from './query-cost';

/** A limit an operation went over, with the limit's value and what the operation measured. */
/**
 * A request with this header set to `report` gets its cost in `extensions.cost`: `estimate`, the
 * most objects the response could hold as the cost rule counts them, and `max` (MAX_QUERY_COST).
 * Hot Chocolate answers the same header; Shopify and GitHub report costs in the response too, so a
 * client can see how far a query is from the limit before it grows past it.
 */
export const COST_REPORT_HEADER = 'graphql-cost';

export interface LimitBreach {
  limit: CostBreach['limit'] | 'fields';
  max: number;
  actual?: number;
}

/** The name of each limit as reported in `extensions.limit` and in metrics. */
export type LimitName = LimitBreach['limit'] | 'tokens';

/** What to tell a client about each limit: the setting that holds it and how to ask for less. */
const ADVICE: Record<LimitBreach['limit'], { setting: string; advice: string }> = {
  depth: { setting: 'MAX_QUERY_DEPTH', advice: 'Select fewer nested levels; follow a deep path in a second query.' },
  aliases: { setting: 'MAX_ALIASES', advice: 'Use fewer aliases: page through a list or pass a filter instead of repeating a field.' },
  directives: { setting: 'MAX_DIRECTIVES', advice: 'Use fewer directives.' },
  fields: {
    setting: 'MAX_FIELDS',
    advice: 'Select fewer fields: a fragment spread twice counts its fields twice, so spread each fragment once where it is needed.',
  },
  cost: {
    setting: 'MAX_QUERY_COST',
    advice: 'Ask for smaller pages (first), fewer nested lists, or split the query; page through long lists with after.',
  },
};

/** A refusal in GraphQL's shape: a validation failure naming the limit, its value and what the operation measured. */
export function limitError(breach: LimitBreach): GraphQLError {
  const { setting, advice } = ADVICE[breach.limit];
  const measured =
    breach.limit === 'cost'
      ? `the operation may return up to ${breach.actual!.toLocaleString('en')} objects, over the limit of ${breach.max.toLocaleString('en')}`
      : breach.limit === 'fields'
        ? `the operation selects ${breach.actual!.toLocaleString('en')} fields once its fragments are expanded, over the limit of ${breach.max.toLocaleString('en')}`
        : `the operation has ${breach.actual ?? 'more than'} ${breach.limit === 'depth' ? 'levels' : breach.limit}, over the limit of ${breach.max}`;
  return new GraphQLError(`Operation refused: ${measured} (${setting}). ${advice}`, {
    extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, limit: breach.limit, max: breach.max, ...(breach.actual === undefined ? {} : { actual: breach.actual }) },
  });
}

/**
 * The limits of one server, shared by Apollo (HTTP) and graphql-ws: the parser's token limit,
 * validation rules for depth, aliases and directives (graphql-armor, which counts each fragment once),
 * and the cost check, which needs the variables and so runs once the operation is known.
 */
export class OperationLimiter {
  readonly parseOptions: ParseOptions;
  readonly validationRules: ValidationRule[];
  private readonly model: CostModel;
  private readonly documents = new LRUCache<string, DocumentNode>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (_document, source) => source.length || 1 });
  private readonly validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  /** Costs by document, then by operation, scalar variables and the register's generation. */
  private readonly costs = new WeakMap<DocumentNode, LRUCache<string, number>>();
  private readonly register?: RegionTotals;
  private readonly refused: (limit: LimitName) => void;

  constructor(
    schema: GraphQLSchema,
    private readonly limits: OperationLimits,
    options: {
      introspection: boolean;
      onRefused?: (limit: LimitName) => void;
      /** The register's sizes, for lists under a region the operation names; national bounds without. */
      register?: RegionTotals;
    },
  ) {
    const refused = (this.refused = options.onRefused ?? (() => undefined));
    this.parseOptions = { maxTokens: limits.maxTokens };
    this.model = costModel(schema, { register: options.register });
    this.register = options.register;
    // armor reports through onReject; it would throw out of validation instead with propagateOnRejection.
    const report = (limit: LimitBreach['limit'], max: number) => ({
      n: max,
      propagateOnRejection: false,
      onReject: [
        (context: ValidationContext | null, error: GraphQLError) => {
          refused(limit);
          context?.reportError(limitError({ limit, max, actual: foundIn(error) }));
        },
      ],
    });
    this.validationRules = [
      // First, so that no later rule and never the compiler works on an unbounded expansion.
      (context) => ({
        Document: (document) => {
          const breach = this.fieldBreach(document);
          if (breach) context.reportError(breach);
          return undefined;
        },
      }),
      // Depth counts fields: a fragment spread is not a level of the response.
      maxDepthRule({ ...report('depth', limits.maxDepth), flattenFragments: true }),
      maxAliasesRule(report('aliases', limits.maxAliases)),
      maxDirectivesRule(report('directives', limits.maxDirectives)),
      ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ];
  }

  /**
   * Parses with the token limit (a document over it is a syntax error, counted as a refusal).
   * Documents are cached by their text: a thousand dashboards subscribe with the same query.
   */
  parse(source: string): DocumentNode {
    const cached = this.documents.get(source);
    if (cached) return cached;
    try {
      const document = parse(source, this.parseOptions);
      this.documents.set(source, document);
      return document;
    } catch (error) {
      if (isTokenLimitError(error)) this.refused('tokens');
      throw error;
    }
  }

  /**
   * The refusal when the operation expands to more fields than MAX_FIELDS (linear in the document's
   * text: see field-count.ts), counted as a refusal; undefined when it is within the limit.
   */
  fieldBreach(document: DocumentNode): GraphQLError | undefined {
    const actual = expandedFieldCount(document);
    if (actual <= this.limits.maxFields) return undefined;
    this.refused('fields');
    return limitError({ limit: 'fields', max: this.limits.maxFields, actual });
  }

  /**
   * The field bound, then the standard rules and the other limits, once per parsed document (cached
   * documents are never changed). An operation over the field bound is not validated further.
   */
  validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
    let errors = this.validated.get(document);
    if (!errors) {
      const breach = this.fieldBreach(document);
      errors = breach ? [breach] : validate(schema, document, [...specifiedRules, ...this.validationRules]).map(asValidationFailure);
      this.validated.set(document, errors);
    }
    return errors;
  }

  /** MAX_QUERY_COST. */
  get maxCost(): number {
    return this.limits.maxCost;
  }

  /** The operation's cost, or the refusal when it is over the limit. */
  cost(document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): { cost: number; error?: GraphQLError } {
    const cost = this.remembered(document, operationName, variables, () => operationCost(this.model, document, operationName, variables));
    if (cost <= this.limits.maxCost) return { cost };
    this.refused('cost');
    return { cost, error: limitError({ limit: 'cost', max: this.limits.maxCost, actual: cost }) };
  }

  /**
   * A cost computed once per document, operation and variables, while the register's sizes stay
   * as they were. Only short scalar variables make a key (a page's code, year and page size); an
   * operation with input objects (filters, a write's rows) is costed each time, since writing out
   * its variables could cost more than costing it.
   */
  private remembered(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, compute: () => number): number {
    if (!Object.values(variables ?? {}).every(isShortScalar)) return compute();
    const key = `${this.register?.generation ?? 0}\u0000${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    let ofDocument = this.costs.get(document);
    // A dashboard's document is sent with a few dozen variable sets.
    if (!ofDocument) this.costs.set(document, (ofDocument = new LRUCache({ max: 256 })));
    let cost = ofDocument.get(key);
    if (cost === undefined) ofDocument.set(key, (cost = compute()));
    return cost;
  }
}

/** A variable that may be part of a cost's key: null, a number or boolean, or a string of at most 256 characters. */
function isShortScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && !(typeof value === 'string' && value.length > 256));
}

/** armor's message ends "…exceeded, found N."; the number is what the operation measured. */
function foundIn(error: GraphQLError): number | undefined {
  const match = /found (\d+)/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/** graphql-js's own token limit throws a syntax error with this wording. */
export function isTokenLimitError(error: unknown): boolean {
  return error instanceof GraphQLError && /Document contains more that \d+ tokens/.test(error.message);
}

/** Validation errors carry their code on every transport (Apollo adds it over HTTP). */
function asValidationFailure(error: GraphQLError): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: { ...error.extensions, code: ErrorCode.GRAPHQL_VALIDATION_FAILED } });
}
