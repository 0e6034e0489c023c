import {
  createSourceEventStream,
  execute,
  getOperationAST,
  Kind,
  print,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
} from 'graphql';
import type { Context } from '../graphql/context';
import type { ChangeEvent } from './change-log';

/**
 * Arguments of a subscription field that choose which events reach a subscriber, not how an event
 * is answered (its resolver ignores them): `idmUpdated(where, after)`, `indeksDesaUpdated(where, after)`.
 */
const EVENT_SELECTORS: Record<string, readonly string[]> = { idmUpdated: ['where', 'after'], indeksDesaUpdated: ['where', 'after'] };

/**
 * graphql-ws's `subscribe`, with one execution per change event per distinct operation: a thousand
 * dashboards watching different kabupaten with the same query get one result, computed once (and,
 * by the WebSocket transport, serialized once) and sent a thousand times. An event's answer
 * depends on the event, the document, the variables used in the selection and the viewer's role and
 * scope, which make the key; variables used only to choose events (EVENT_SELECTORS) do not. Summary
 * ticks are shared the same way: the hub sends one tick object to every subscriber of a watch (per
 * window, and for the subscribers that arrive in one turn of the event loop).
 * Measured with `npm run bench:live`.
 */
export function sharedSubscribe(capacity = 2_000) {
  /** Results by event id, then by operation key; the key strings are made once per subscription. */
  const results = new Map<string, Map<string, Promise<ExecutionResult> | ExecutionResult>>();
  /** Results of other payloads (summary ticks: one object per watch and window), by the payload itself. */
  const resultsOfPayload = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();
  const documents = new WeakMap<DocumentNode, { text: string; selectorVariables: Map<string | undefined, Set<string>> }>();

  const describe = (document: DocumentNode) => {
    let known = documents.get(document);
    if (!known) documents.set(document, (known = { text: print(document), selectorVariables: new Map() }));
    return known;
  };

  const keyOf = (args: ExecutionArgs): string => {
    const doc = describe(args.document);
    const name = args.operationName ?? undefined;
    let selectorOnly = doc.selectorVariables.get(name);
    if (!selectorOnly) doc.selectorVariables.set(name, (selectorOnly = variablesOnlyChoosingEvents(args.document, name)));
    const variables = Object.entries(args.variableValues ?? {}).filter(([v]) => !selectorOnly.has(v));
    const viewer = (args.contextValue as Context | undefined)?.viewer;
    const access = viewer ? `${viewer.role ?? ''}:${viewer.scope.join(',')}` : '';
    return `${doc.text}\u0000${name ?? ''}\u0000${JSON.stringify(variables)}\u0000${access}`;
  };

  /** The results for one payload: change events by id (their objects differ per subscriber after replay), anything else by identity. */
  const resultsFor = (payload: unknown) => {
    const event = payload as Partial<ChangeEvent>;
    if (typeof event?.id === 'string' && event.region) {
      let ofEvent = results.get(event.id);
      if (!ofEvent) {
        results.set(event.id, (ofEvent = new Map()));
        // Events reach every subscriber within moments of each other; the oldest events go first.
        if (results.size > capacity) results.delete(results.keys().next().value!);
      }
      return ofEvent;
    }
    if (typeof payload !== 'object' || payload === null) return undefined;
    let ofPayload = resultsOfPayload.get(payload);
    if (!ofPayload) resultsOfPayload.set(payload, (ofPayload = new Map()));
    return ofPayload;
  };

  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterator(source)) return source as ExecutionResult;
    const key = keyOf(args);
    return mapIterator(source, (payload: unknown) => {
      const shared = resultsFor(payload);
      if (!shared) return execute({ ...args, rootValue: payload });
      let result = shared.get(key);
      if (!result) shared.set(key, (result = execute({ ...args, rootValue: payload })));
      return result;
    });
  };
}

/** Variables that appear only in the event-choosing arguments of the operation's root field. */
export function variablesOnlyChoosingEvents(document: DocumentNode, operationName: string | undefined): Set<string> {
  const operation = getOperationAST(document, operationName);
  const root = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  const selectors = new Set(root ? (EVENT_SELECTORS[root.name.value] ?? []) : []);
  const inSelectors = new Set<string>();
  const elsewhere = new Set<string>();
  let selectorDepth = 0;
  visit(document, {
    VariableDefinition: () => false,
    Argument: {
      enter: (node: ArgumentNode) => {
        if (root?.arguments?.includes(node) && selectors.has(node.name.value)) selectorDepth++;
      },
      leave: (node: ArgumentNode) => {
        if (root?.arguments?.includes(node) && selectors.has(node.name.value)) selectorDepth--;
      },
    },
    Variable: (node) => {
      (selectorDepth > 0 ? inSelectors : elsewhere).add(node.name.value);
    },
  });
  return new Set([...inSelectors].filter((v) => !elsewhere.has(v)));
}

function isAsyncIterator(value: unknown): value is AsyncIterator<unknown> {
  return typeof (value as AsyncIterator<unknown>)?.next === 'function';
}

function mapIterator<T, U>(source: AsyncIterator<T>, map: (value: T) => U | Promise<U>): AsyncIterableIterator<U> {
  return {
    async next() {
      const r = await source.next();
      return r.done ? { value: undefined, done: true } : { value: await map(r.value), done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
