import Redis from 'ioredis';
import type pg from 'pg';
import { dedicatedConnection, Sql } from '../db/sql';

/**
 * How instances tell each other that the change log grew. Only the newest change id travels
 * (NOTIFY payloads are limited to 8,000 bytes); every instance then reads the events from the log
 * itself, so a lost or duplicated notification costs latency, never an event.
 */
export interface ChangeNotifier {
  /** Announces that change-log rows up to `lastId` are committed. */
  publish(lastId: string): Promise<void>;
  /** Calls `listener` on every announcement, and with null after a reconnect (to catch up). */
  listen(listener: (lastId: string | null) => void): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'idm_change';

/** How long a Redis publish may take before the write it announces answers without it. */
const PUBLISH_TIMEOUT_MS = 1_000;

export interface NotifierOptions {
  /** Logs connection trouble; the notifier keeps retrying by itself. */
  onError?: (message: string, error: unknown) => void;
  /** First reconnect delay; doubles up to 30 s. @default 250 */
  minBackoffMs?: number;
}

/** PostgreSQL LISTEN/NOTIFY on a dedicated connection, re-established with backoff when it drops. */
export class PgNotifier implements ChangeNotifier {
  private listener?: (lastId: string | null) => void;
  private client?: pg.Client;
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly publisher: Sql;

  constructor(
    private readonly databaseUrl: string,
    private readonly options: NotifierOptions = {},
  ) {
    this.publisher = new Sql(databaseUrl, { max: 2, name: 'desa-cerdas-notify' });
  }

  async publish(lastId: string): Promise<void> {
    await this.publisher.query(`select pg_notify($1, $2)`, [CHANNEL, lastId]);
  }

  async listen(listener: (lastId: string | null) => void): Promise<void> {
    this.listener = listener;
    await this.connect();
  }

  private async connect(attempt = 0): Promise<void> {
    const client = dedicatedConnection(this.databaseUrl, 'desa-cerdas-listen');
    client.on('notification', (message) => this.listener?.(message.payload ?? null));
    client.on('error', (error) => this.options.onError?.('LISTEN connection failed', error));
    client.on('end', () => {
      if (this.closed || this.client !== client) return;
      this.client = undefined;
      this.scheduleReconnect(0);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      this.client = client;
      // Anything committed while we were not listening is read now.
      if (attempt > 0 || this.listener) this.listener?.(null);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      if (this.closed) return;
      this.options.onError?.('LISTEN connection failed', error);
      if (attempt === 0 && !this.reconnectTimer) throw error;
      this.scheduleReconnect(attempt);
    }
  }

  private scheduleReconnect(attempt: number): void {
    if (this.closed) return;
    const delay = Math.min(30_000, (this.options.minBackoffMs ?? 250) * 2 ** attempt);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect(attempt + 1);
    }, delay);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await Promise.all([this.client?.end().catch(() => undefined), this.publisher.end().catch(() => undefined)]);
  }
}

/** Redis pub/sub, for deployments that prefer it; ioredis reconnects and resubscribes by itself. */
export class RedisNotifier implements ChangeNotifier {
  private readonly publisher: Redis;
  private subscriber?: Redis;

  constructor(
    private readonly redisUrl: string,
    private readonly options: NotifierOptions = {},
  ) {
    this.publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.publisher.on('error', (error) => this.options.onError?.('Redis publisher failed', error));
  }

  async publish(lastId: string): Promise<void> {
    // While Redis is away ioredis queues the command: a write's answer must not wait for it (the
    // instances' catch-up poll finds the change anyway).
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not take the notification within 1 s')), PUBLISH_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.publisher.publish(CHANNEL, lastId), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async listen(listener: (lastId: string | null) => void): Promise<void> {
    const subscriber = new Redis(this.redisUrl, { lazyConnect: true });
    this.subscriber = subscriber;
    subscriber.on('error', (error) => this.options.onError?.('Redis subscriber failed', error));
    subscriber.on('message', (_channel: string, message: string) => listener(message));
    // After a reconnect ioredis resubscribes; catch up on what was published meanwhile.
    subscriber.on('ready', () => listener(null));
    await subscriber.connect();
    await subscriber.subscribe(CHANNEL);
  }

  async close(): Promise<void> {
    await Promise.all([this.subscriber?.quit().catch(() => undefined), this.publisher.quit().catch(() => undefined)]);
  }
}

export function createNotifier(config: { databaseUrl: string; redisUrl?: string }, options?: NotifierOptions): ChangeNotifier {
  return config.redisUrl ? new RedisNotifier(config.redisUrl, options) : new PgNotifier(config.databaseUrl, options);
}
