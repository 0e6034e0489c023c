import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from '../context';
import type { ChangeEvent } from './change-log';

/**
 * graphql-ws's `subscribe`, with one execution per change event per distinct operation: a thousand
 * dashboards watching a province with the same query get one result, computed once and sent a
 * thousand times. The result depends only on the event, the document, the variables (less the
 * resume cursor) and the viewer's role and scope, which make the key. Measured with `npm run bench:live`.
 */
export function sharedSubscribe(capacity = 20_000) {
  const results = new Map<string, Promise<ExecutionResult> | ExecutionResult>();
  const documents = new WeakMap<object, string>();

  const keyOf = (args: ExecutionArgs): string => {
    let text = documents.get(args.document);
    if (text === undefined) documents.set(args.document, (text = print(args.document)));
    const { after: _after, ...variables } = (args.variableValues ?? {}) as Record<string, unknown>;
    const viewer = (args.contextValue as Context | undefined)?.viewer;
    const access = viewer ? `${viewer.role ?? ''}:${viewer.scope.join(',')}` : '';
    return `${text}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(variables)}\u0000${access}`;
  };

  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterator(source)) return source as ExecutionResult;
    const key = keyOf(args);
    return mapIterator(source, (payload: unknown) => {
      const event = payload as Partial<ChangeEvent>;
      // Only change events are shared; anything else (summary ticks) is executed per subscriber.
      if (typeof event?.id !== 'string' || !event.region) return execute({ ...args, rootValue: payload });
      const k = `${event.id}\u0000${key}`;
      let result = results.get(k);
      if (!result) {
        result = execute({ ...args, rootValue: payload });
        results.set(k, result);
        // Events reach every subscriber within moments of each other; the oldest results go first.
        if (results.size > capacity) results.delete(results.keys().next().value!);
      }
      return result;
    });
  };
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
