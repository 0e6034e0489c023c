import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { lastYear } from '../src/idm/idm.rules';
import { percentile } from './support';

/**
 * What the fault and soak benches load the cluster with: subscribers that resume from their last
 * cursor after any disconnect (as the dashboard does), a writer at a fixed rate that remembers
 * every acknowledged write, and a reader. Every client sends its own X-Forwarded-For (HAProxy
 * appends the real one and the instances trust loopback), so per-address limits see many clients.
 */

export const YEAR = lastYear();

export function fakeAddress(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** The change id inside an idmUpdated / idmChangeCursor cursor. */
export function cursorId(cursor: string): bigint {
  return BigInt(Buffer.from(cursor, 'base64url').toString('utf8').split(':').pop() ?? '0');
}

const SUBSCRIPTION = 'subscription($after: String) { idmUpdated(after: $after) { cursor current { score } village { code } } }';

/** Write → receipt latencies, keyed by what the event carries. */
export class Latencies {
  readonly sentAt = new Map<string, number>();
  samples: number[] = [];
  received(key: string): void {
    const at = this.sentAt.get(key);
    if (at !== undefined) this.samples.push(Date.now() - at);
  }
  take(): { p50: number; p99: number; n: number } {
    const sorted = this.samples.sort((x, y) => x - y);
    this.samples = [];
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
  }
}

export class ResumingSubscriber {
  readonly seen = new Set<bigint>();
  duplicates = 0;
  reconnects = 0;
  /** ms from a disconnect to the next connection_ack, per reconnect. */
  readonly recoveries: number[] = [];
  last: string;
  private client?: Client;
  private disconnectedAt?: number;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly address: string,
    after: string,
    private readonly latencies?: Latencies,
  ) {
    this.last = after;
  }

  /** False from a disconnect until the next connection_ack. */
  get connected(): boolean {
    return this.disconnectedAt === undefined;
  }

  get lastId(): bigint {
    return cursorId(this.last);
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.connect(resolve));
  }

  private connect(onConnected?: () => void): void {
    const address = this.address;
    class ForwardedWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { 'x-forwarded-for': address } });
      }
    }
    const client = createClient({ url: this.url, webSocketImpl: ForwardedWebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    this.client = client;
    client.on('connected', () => {
      if (this.disconnectedAt !== undefined) this.recoveries.push(Date.now() - this.disconnectedAt);
      this.disconnectedAt = undefined;
      onConnected?.();
    });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      void client.dispose();
      if (this.closed) return;
      this.disconnectedAt ??= Date.now();
      this.reconnects++;
      // Spread the reconnects as real clients do (graphql-ws's default retry waits 1-4 s, randomised).
      setTimeout(() => this.connect(), 100 + Math.random() * 900);
    };
    client.on('closed', end);
    client.subscribe<{ idmUpdated: { cursor: string; current: { score: number | null }; village: { code: string } } }>(
      { query: SUBSCRIPTION, variables: { after: this.last } },
      {
        next: (result) => {
          const event = result.data?.idmUpdated;
          if (!event) return;
          const id = cursorId(event.cursor);
          if (this.seen.has(id)) this.duplicates++;
          else this.seen.add(id);
          this.last = event.cursor;
          this.latencies?.received(`${event.village.code}:${event.current.score}`);
        },
        error: end,
        complete: end,
      },
    );
  }

  async stop(): Promise<void> {
    this.closed = true;
    await this.client?.dispose();
  }
}

export interface WriteOutcome {
  acked: { village: string; score: number }[];
  /** Failures by `extensions.code` (or HTTP status / network error when there is none). */
  failures: Map<string, number>;
}

export class Writer {
  readonly outcome: WriteOutcome = { acked: [], failures: new Map() };
  private timer?: NodeJS.Timeout;
  private inflight = new Set<Promise<void>>();
  private counter = Math.floor(Math.random() * 500);
  private next = 0;
  private startedAt = 0;
  private stoppedAt = 0;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly villages: string[],
    private readonly latencies?: Latencies,
  ) {}

  start(perSecond: number): void {
    this.startedAt = Date.now();
    this.timer = setInterval(() => {
      const p = this.writeOne().finally(() => this.inflight.delete(p));
      this.inflight.add(p);
    }, 1000 / perSecond);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stoppedAt = Date.now();
    await Promise.all(this.inflight);
  }

  /** Writes sent per second between start and stop: below the rate asked when this process's event loop was too busy to send them. */
  get sentPerSecond(): number {
    return this.next / (((this.stoppedAt || Date.now()) - this.startedAt) / 1000);
  }

  private fail(code: string): void {
    this.outcome.failures.set(code, (this.outcome.failures.get(code) ?? 0) + 1);
  }

  private async writeOne(): Promise<void> {
    const village = this.villages[this.next++ % this.villages.length]!;
    // A new score each time (three decimals, 0.300-0.899): every write is a change.
    const score = 0.3 + (this.counter++ % 600) / 1000;
    const rounded = Math.round(score * 1000) / 1000;
    this.latencies?.sentAt.set(`${village}:${rounded}`, Date.now());
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'x-forwarded-for': '10.255.0.1' },
        body: JSON.stringify({
          query: 'mutation($i: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $i) { changes } }',
          variables: { i: [{ villageCode: village, year: YEAR, iks: rounded, ike: rounded, ikl: rounded, score: rounded }] },
        }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json().catch(() => ({}))) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      if (response.ok && body.data && !body.errors) this.outcome.acked.push({ village, score: rounded });
      else this.fail(body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`);
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      this.fail(`network: ${cause?.code ?? (error as Error).name}`);
    }
  }
}

/** Reads a mixed set of anonymous queries at a fixed rate; latencies per operation. */
export class Reader {
  readonly latencies = new Map<string, number[]>();
  errors = 0;
  readonly errorCodes = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private inflight = new Set<Promise<void>>();
  private i = 0;

  constructor(
    private readonly url: string,
    private readonly operations: { name: string; query: string; variables?: Record<string, unknown>; token?: string }[],
  ) {}

  start(perSecond: number): void {
    this.timer = setInterval(() => {
      const p = this.readOne().finally(() => this.inflight.delete(p));
      this.inflight.add(p);
    }, 1000 / perSecond);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.inflight);
  }

  take(): Map<string, number[]> {
    const out = new Map(this.latencies);
    this.latencies.clear();
    return out;
  }

  private async readOne(): Promise<void> {
    const op = this.operations[this.i++ % this.operations.length]!;
    const started = performance.now();
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': fakeAddress(50_000 + (this.i % 200)), ...(op.token ? { authorization: `Bearer ${op.token}` } : {}) },
        body: JSON.stringify({ query: op.query, variables: op.variables }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
      if (!response.ok || body.errors) {
        this.errors++;
        const code = body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
        this.errorCodes.set(code, (this.errorCodes.get(code) ?? 0) + 1);
        return;
      }
      const list = this.latencies.get(op.name) ?? [];
      list.push(performance.now() - started);
      this.latencies.set(op.name, list);
    } catch {
      this.errors++;
      this.errorCodes.set('network', (this.errorCodes.get('network') ?? 0) + 1);
    }
  }
}

/** The anonymous read mix: the bench's W1–W2 shapes and the dashboard's summary. */
export function readMix(kabupatenCode: string): { name: string; query: string; variables?: Record<string, unknown> }[] {
  return [
    { name: 'W1 provinces+kabupatens', query: '{ provinces { code name kabupatens { code name } } }' },
    { name: 'W2 villages page', query: 'query($k: String!) { kabupaten(code: $k) { villages(first: 50) { edges { node { code name idm { score status } } } } } }', variables: { k: kabupatenCode } },
    { name: 'dashboard summary', query: `query($y: Int!) { idmSummary(year: $y) { assessed movedUp movedDown byStatus { status count } } }`, variables: { y: YEAR } },
  ];
}

export async function graphql<T>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}
