import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { laterLsn } from './read-routing';

/**
 * The WAL position of each writer's last write (by token subject), so the next read of that
 * writer, through any instance, waits for the replica to replay past it or reads from the primary
 * (see read-routing.ts). Kept for `ttlMs`: later than that, the lag guard alone keeps reads fresh.
 * In memory each instance knows its own writers' positions; with Redis every instance knows all of
 * them. A client can also send the position back itself (`X-Desa-LSN`, returned by every mutation).
 */
export interface WriteFences {
  record(subject: string, lsn: string): Promise<void>;
  get(subject: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** How long a writer's position is remembered. */
export const FENCE_TTL_MS = 60_000;

export class MemoryWriteFences implements WriteFences {
  protected readonly local = new LRUCache<string, string>({ max: 100_000, ttl: FENCE_TTL_MS });

  async record(subject: string, lsn: string): Promise<void> {
    this.local.set(subject, laterLsn(this.local.get(subject), lsn)!);
  }

  async get(subject: string): Promise<string | undefined> {
    return this.local.get(subject);
  }

  async close(): Promise<void> {}
}

/** Memory first, Redis for what other instances wrote; a Redis outage degrades to memory, never fails a request. */
export class RedisWriteFences extends MemoryWriteFences {
  private readonly redis: Redis;

  constructor(url: string) {
    super();
    // No offline queue: a request must not wait for a Redis that is down.
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    this.redis.on('error', () => undefined);
  }

  override async record(subject: string, lsn: string): Promise<void> {
    await super.record(subject, lsn);
    await this.redis.set(key(subject), lsn, 'PX', FENCE_TTL_MS).catch(() => undefined);
  }

  override async get(subject: string): Promise<string | undefined> {
    const shared = await this.redis.get(key(subject)).catch(() => null);
    return laterLsn(await super.get(subject), shared ?? undefined);
  }

  override async close(): Promise<void> {
    this.redis.disconnect();
  }
}

function key(subject: string): string {
  return `desa-cerdas:fence:${subject}`;
}

export function createWriteFences(redisUrl: string | undefined): WriteFences {
  return redisUrl ? new RedisWriteFences(redisUrl) : new MemoryWriteFences();
}
