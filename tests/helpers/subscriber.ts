import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A real graphql-ws client that collects what a subscription sends and lets a test wait for a
 * given number of results (resolved by the arrival itself: no sleeping, no polling).
 */
export class Subscriber<T = Record<string, unknown>> {
  readonly results: T[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  private readonly waiters: { count: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private readonly client: Client;
  private readonly unsubscribe: () => void;

  constructor(url: string, query: string, variables?: Record<string, unknown>, options: { token?: string } = {}) {
    this.client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
    });
    this.unsubscribe = this.client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) this.errors.push(result.errors);
          else this.results.push(result.data as T);
          this.check();
        },
        error: (error) => {
          this.errors.push(error);
          for (const w of this.waiters.splice(0)) w.reject(error);
        },
        complete: () => {
          this.completed = true;
          this.check();
        },
      },
    );
  }

  /** Resolves once `count` results have arrived in all (rejects on a subscription error). */
  waitFor(count: number): Promise<T[]> {
    if (this.results.length >= count) return Promise.resolve(this.results);
    return new Promise((resolve, reject) => this.waiters.push({ count, resolve: () => resolve(this.results), reject }));
  }

  /** Resolves with the first result that satisfies `predicate` (already received or still to come). */
  async waitUntil(predicate: (result: T) => boolean): Promise<T> {
    for (let count = 1; ; count++) {
      const results = await this.waitFor(count);
      if (predicate(results[count - 1]!)) return results[count - 1]!;
    }
  }

  /** Resolves when the server completes the subscription. */
  waitForComplete(): Promise<void> {
    if (this.completed) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ count: Number.POSITIVE_INFINITY, resolve, reject }));
  }

  private check(): void {
    for (const w of [...this.waiters]) {
      if (this.results.length >= w.count || (this.completed && w.count === Number.POSITIVE_INFINITY)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.client.dispose();
  }
}

/**
 * Runs one operation (query or mutation) over graphql-ws with `token` in connection_init; resolves
 * with its result, or rejects with what ended it (the server's CloseEvent, with its `code`).
 */
export async function overSocket(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  /** More of the subscribe payload: `extensions` (a trusted document's hash). */
  payload: { extensions?: Record<string, unknown> } = {},
): Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] }> {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
  });
  try {
    return await new Promise((resolve, reject) => {
      let result: unknown;
      client.subscribe(
        { query, variables, ...payload },
        {
          next: (r) => (result = r),
          // graphql-ws reports errors of the operation itself as an array, a closed socket as its CloseEvent.
          error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
          complete: () => resolve(result as never),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}
