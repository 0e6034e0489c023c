/**
 * An async iterator fed by pushes, for subscriptions. Unlike an async generator, `return()` takes
 * effect at once even while a consumer waits, so an unsubscribe frees its resources immediately.
 */
export class PushQueue<T> implements AsyncIterableIterator<T> {
  private readonly values: T[] = [];
  private readonly waiting: ((result: IteratorResult<T>) => void)[] = [];
  private failure?: unknown;
  /** Producers waiting for room; made on first use (a subscription is kept by thousands of dashboards). */
  private lowWater?: { size: number; resolve: () => void }[];
  closed = false;

  constructor(
    private readonly onClose: () => void = () => undefined,
    /** Most values held for a slow consumer before the subscription fails. @default 10000 */
    private readonly capacity = 10_000,
  ) {}

  get size(): number {
    return this.values.length;
  }

  push(value: T): void {
    if (this.closed) return;
    const waiter = this.waiting.shift();
    if (waiter) return waiter({ value, done: false });
    if (this.values.length >= this.capacity) {
      return this.fail(new Error(`subscriber fell ${this.capacity} events behind; resubscribe with the last cursor received`));
    }
    this.values.push(value);
  }

  /** Ends the stream after the values already queued. */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    this.releaseLowWater();
    for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
  }

  fail(error: unknown): void {
    if (this.closed) return;
    this.failure = error;
    this.values.length = 0;
    this.end();
  }

  /** Resolves once fewer than `size` values wait (or the queue is closed): backpressure for producers. */
  whenBelow(size: number): Promise<void> {
    if (this.values.length < size || this.closed) return Promise.resolve();
    return new Promise((resolve) => (this.lowWater ??= []).push({ size, resolve }));
  }

  private releaseLowWater(): void {
    const waiting = this.lowWater;
    if (!waiting) return;
    for (const w of [...waiting]) {
      if (this.values.length < w.size || this.closed) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.values.length) {
      const value = this.values.shift()!;
      if (this.lowWater?.length) this.releaseLowWater();
      return Promise.resolve({ value, done: false });
    }
    if (this.failure !== undefined) {
      const error = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.values.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
