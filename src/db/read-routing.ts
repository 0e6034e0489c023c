import type { Sql } from './sql';

/**
 * Where a read goes when there is a streaming replica (DATABASE_READ_URL). Writes, migrations and
 * LISTEN always use the primary; a read uses the replica unless one of these says otherwise:
 *
 * - the reader has written (its own last write's WAL position, see write-fences.ts, or the
 *   `X-Desa-LSN` header a client sends back): the replica serves it once it has replayed past that
 *   position, waited for at most `waitMs`, else the primary does: read-your-writes;
 * - the replica is behind by more than `maxLagMs` (measured against the primary's WAL position
 *   sampled every `sampleMs`) or does not answer: every read goes to the primary until it is back.
 *
 * PostgreSQL 15 has no "wait for LSN", so waiting is a short poll of `pg_last_wal_replay_lsn()`.
 */
export interface ReadRoutingOptions {
  /** How long a read after a write waits for the replica before reading from the primary. @default 500 */
  waitMs?: number;
  /** Lag past which the replica is passed over. @default 2000 */
  maxLagMs?: number;
  /** How often the primary's and the replica's WAL positions are compared. @default 250 */
  sampleMs?: number;
  /** How long a replica that failed is left alone. @default 2000 */
  downMs?: number;
}

export type ReplicaState = 'none' | 'ok' | 'lagging' | 'down';

/** A WAL position ("16/B374D848") as a number, or undefined when it is not one. */
export function parseLsn(text: string | null | undefined): bigint | undefined {
  const match = text ? /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim()) : null;
  return match ? (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`) : undefined;
}

/** The later of two WAL positions (either may be missing). */
export function laterLsn(a: string | undefined, b: string | undefined): string | undefined {
  const pa = parseLsn(a);
  const pb = parseLsn(b);
  if (pa === undefined) return pb === undefined ? undefined : b;
  if (pb === undefined) return a;
  return pb > pa ? b : a;
}

/** Node's socket errors and pg's own words for a connection that is gone or never came. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended|server closed the connection/i;

/**
 * Errors that mean "this server is not there, or cannot serve now" (a restart, a failover, a
 * pooler between servers), not "this statement is wrong": the statement can be tried again.
 */
export function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    // 08: connection exception; 57P01-03: shutting down, cannot connect now; 53300: too many connections.
    return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
  }
  if (typeof code === 'string' && SOCKET_ERRORS.has(code)) return true;
  return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
}

/** What a replica read may retry on the primary: the server is gone, or replay cancelled the statement (40001 on a standby). */
function replicaCannotServe(error: unknown): boolean {
  return isUnavailable(error) || (error as { code?: unknown })?.code === '40001';
}

const NOT_A_STANDBY = 2n ** 64n;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ReadRouting {
  private readonly waitMs: number;
  private readonly maxLagMs: number;
  private readonly sampleMs: number;
  private readonly downMs: number;
  /** The replica's replayed position at the last look, and the primary's positions over the last seconds. */
  private replayed?: bigint;
  private readonly samples: { at: number; lsn: bigint }[] = [];
  private lag = 0;
  private downUntil = 0;
  private lastError?: string;
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    readonly primary: Sql,
    readonly replica: Sql | undefined,
    options: ReadRoutingOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 500;
    this.maxLagMs = options.maxLagMs ?? 2_000;
    this.sampleMs = options.sampleMs ?? 250;
    this.downMs = options.downMs ?? 2_000;
  }

  /** Starts watching the replica's lag (nothing to do without one). */
  async start(): Promise<void> {
    if (!this.replica) return;
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.sampleMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** For /readyz and metrics: the replica's state and how far behind it is. */
  state(): { replica: ReplicaState; lagMs: number; reason?: string } {
    if (!this.replica) return { replica: 'none', lagMs: 0 };
    if (Date.now() < this.downUntil) return { replica: 'down', lagMs: this.lag, reason: this.lastError };
    return { replica: this.lag > this.maxLagMs ? 'lagging' : 'ok', lagMs: this.lag };
  }

  /** Where a read goes for a client that must see every write up to `afterLsn` (none: any recent state). */
  async reader(afterLsn?: string): Promise<Sql> {
    const replica = this.replica;
    if (!replica || this.state().replica !== 'ok') return this.primary;
    if (afterLsn === undefined) return replica;
    const wanted = parseLsn(afterLsn);
    if (wanted === undefined) return this.primary;
    if (this.replayed !== undefined && this.replayed >= wanted) return replica;
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const replayed = await this.replayPosition();
      if (replayed === undefined) return this.primary;
      if (replayed >= wanted) return replica;
      if (Date.now() >= deadline) return this.primary;
      await sleep(Math.min(20, Math.max(1, deadline - Date.now())));
    }
  }

  /**
   * The primary's WAL position now: every transaction committed before this call ends at or before
   * it, so a replica that has replayed past it shows them all. Undefined without a replica.
   */
  async writePosition(): Promise<string | undefined> {
    if (!this.replica) return undefined;
    const [row] = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    return row?.lsn;
  }

  /** For a SqlSession whose replica read failed: read from the primary instead (and leave the replica alone for a while). */
  readonly fallback = (error: unknown): Sql | undefined => {
    if (!this.replica || !replicaCannotServe(error)) return undefined;
    this.markDown(error);
    return this.primary;
  };

  private markDown(error: unknown): void {
    this.downUntil = Date.now() + this.downMs;
    this.lastError = (error as Error)?.message ?? String(error);
  }

  private async replayPosition(): Promise<bigint | undefined> {
    try {
      const [row] = await this.replica!.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn');
      // Null: not a standby (DATABASE_READ_URL names a primary), which has everything.
      const lsn = row?.lsn === null ? NOT_A_STANDBY : parseLsn(row?.lsn);
      if (lsn !== undefined && (this.replayed === undefined || lsn > this.replayed)) this.replayed = lsn;
      return lsn;
    } catch (error) {
      this.markDown(error);
      return undefined;
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = Date.now();
      const [row] = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn').catch(() => [] as { lsn: string }[]);
      const primaryLsn = parseLsn(row?.lsn);
      if (primaryLsn !== undefined && (this.samples.length === 0 || primaryLsn > this.samples.at(-1)!.lsn)) this.samples.push({ at: now, lsn: primaryLsn });
      while (this.samples.length > 1 && now - this.samples[0]!.at > 600_000) this.samples.shift();
      const replayed = await this.replayPosition();
      if (replayed === undefined) return;
      // Behind by the age of the oldest primary position the replica has not reached.
      const pending = this.samples.find((s) => s.lsn > replayed);
      this.lag = pending ? now - pending.at : 0;
      // Everything it has replayed no longer needs its samples.
      while (this.samples.length > 1 && this.samples[1]!.lsn <= replayed) this.samples.shift();
    } finally {
      this.ticking = false;
    }
  }
}
