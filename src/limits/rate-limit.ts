import { GraphQLError } from 'graphql';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from '../errors';

/** The least a request, a WebSocket operation or a new socket is charged, whatever its cost: it keeps floods of cheap requests in check. */
export const REQUEST_MIN_COST = 500;
/** What a failed authentication adds: guessing tokens runs out of budget fifty times faster than reading. */
export const AUTH_FAILURE_COST = 25_000;

/**
 * A budget of cost units per client address per window (fixed windows). An operation is charged
 * its cost (see query-cost.ts), at least REQUEST_MIN_COST; a client over budget is refused until
 * its window ends.
 *
 * With `redisUrl` the budget is one for all instances (counted in Redis, so N instances behind a
 * balancer do not give a client N budgets); while Redis does not answer, each instance counts in
 * its own memory (rate-limiter-flexible's insurance limiter) and nothing is refused for Redis's
 * sake. Without Redis each instance counts its own clients.
 */
export class RateLimit {
  private readonly limiter?: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(options: { costPerWindow: number; windowSeconds: number; redisUrl?: string }) {
    if (options.costPerWindow <= 0) return;
    const memory = new RateLimiterMemory({ points: options.costPerWindow, duration: options.windowSeconds });
    if (!options.redisUrl) {
      this.limiter = memory;
      return;
    }
    // No offline queue: while Redis is down a charge fails at once and the insurance limiter counts it.
    this.redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
    this.limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: 'desa-cerdas:rate',
      points: options.costPerWindow,
      duration: options.windowSeconds,
      insuranceLimiter: memory,
    });
  }

  /** Where budgets are counted (for logs and tests). */
  get store(): 'off' | 'memory' | 'redis' {
    return !this.limiter ? 'off' : this.redis ? 'redis' : 'memory';
  }

  close(): void {
    this.redis?.disconnect();
  }

  get enabled(): boolean {
    return this.limiter !== undefined;
  }

  /** Charges `units` to `client`: undefined while within budget, else the seconds until it may try again. */
  async charge(client: string, units: number): Promise<number | undefined> {
    if (!this.limiter || units <= 0) return undefined;
    try {
      await this.limiter.consume(client, Math.ceil(units));
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  /** Adds `units` without refusing anything now (a failed authentication). */
  async penalise(client: string, units: number): Promise<void> {
    await this.limiter?.penalty(client, units);
  }
}

/** The refusal, in GraphQL's shape: status 429 and Retry-After over HTTP. */
export function rateLimitedError(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many requests from your address: try again in ${retryAfterSeconds} s, and ask for less per request (smaller pages, fewer fields).`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
