import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Context } from '../graphql/context';
import type { LimitName } from '../limits/operation-limits';

/** Operation names are chosen by clients: past this many distinct ones, new names count as "other". */
const MAX_OPERATION_NAMES = 200;

/** What the metrics read from the running server when scraped. */
export interface MetricSources {
  /** Change-log entries written but not yet dispatched by this instance. */
  changeLogLag(): Promise<number>;
  /** Connections of each database pool: in use, and requests waiting for one. */
  pools(): Record<string, { inUse: number; waiting: number }>;
}

/**
 * The server's Prometheus metrics (prom-client), in a registry of its own so that several servers
 * in one process (the tests) do not collide. Served at /metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();

  readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation name, transport and outcome (ok, or the first error code).',
    labelNames: ['operation', 'transport', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time from receiving an operation to its response (subscriptions: to their first result).',
    labelNames: ['transport'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly statements = new Histogram({
    name: 'graphql_sql_statements_per_operation',
    help: 'SQL statements one operation ran.',
    buckets: [0, 1, 2, 4, 8, 16, 32, 64, 128],
    registers: [this.registry],
  });
  readonly refused = new Counter({
    name: 'graphql_refused_total',
    help: 'Operations, requests and sockets refused, by the limit that refused them.',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly sockets = new Gauge({ name: 'graphql_ws_sockets_open', help: 'Open graphql-ws sockets.', registers: [this.registry] });
  readonly subscriptions = new Gauge({ name: 'graphql_ws_operations_open', help: 'Operations running on graphql-ws sockets (mostly subscriptions).', registers: [this.registry] });
  readonly eventsDelivered = new Counter({ name: 'live_events_delivered_total', help: 'Subscription results sent to clients.', registers: [this.registry] });
  readonly routeRequests = new Counter({
    name: 'http_route_requests_total',
    help: 'Requests to the plain HTTP routes beside GraphQL (such as the Kemendes rumusan mirror), by route and outcome.',
    labelNames: ['route', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'live_change_log_lag',
      help: 'Change-log entries not yet dispatched to this instance’s subscribers.',
      registers: [this.registry],
      async collect() {
        this.set(await sources.changeLogLag().catch(() => NaN));
      },
    });
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections in use, and requests waiting for one, by pool.',
      labelNames: ['pool', 'state'] as const,
      registers: [this.registry],
      collect() {
        for (const [pool, { inUse, waiting }] of Object.entries(sources.pools())) {
          this.set({ pool, state: 'in_use' }, inUse);
          this.set({ pool, state: 'waiting' }, waiting);
        }
      },
    });
  }

  /** A label for an operation name that cannot grow without bound. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES || name.length > 64) return '(other)';
    this.names.add(name);
    return name;
  }

  refusedBy(limit: LimitName | 'rate' | 'ws_frame' | 'ws_operations' | 'ws_sockets' | 'body_size'): void {
    this.refused.inc({ limit });
  }

  /** Counts one request to a plain HTTP route; `outcome` is one of a few words the route defines. */
  countRoute(route: string, outcome: string): void {
    this.routeRequests.inc({ route, outcome });
  }

  /** Records one finished operation. */
  observe(transport: 'http' | 'ws', operationName: string | null | undefined, firstErrorCode: unknown, seconds: number, statements?: number): void {
    const outcome = typeof firstErrorCode === 'string' ? firstErrorCode : 'ok';
    this.operations.inc({ operation: this.operationLabel(operationName), transport, outcome });
    this.duration.observe({ transport }, seconds);
    if (statements !== undefined) this.statements.observe(statements);
  }

  /** GET /metrics in Prometheus' text format. */
  handler(): RequestHandler {
    return async (_req, res, next) => {
      try {
        const text = await this.registry.metrics();
        res.type(this.registry.contentType).send(text);
      } catch (error) {
        next(error);
      }
    };
  }

  /** Apollo's side: every HTTP operation, its outcome, time and SQL statements (read from the context when it ends). */
  apolloPlugin(): ApolloServerPlugin<Context> {
    const metrics = this;
    return {
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse({ response, contextValue, operationName, errors }) {
            const code = response.body.kind === 'single' ? response.body.singleResult.errors?.[0]?.extensions?.code : errors?.[0]?.extensions?.code;
            if (code === 'RATE_LIMITED') metrics.refusedBy('rate');
            metrics.observe('http', operationName, code, (performance.now() - started) / 1000, contextValue.stats.statements);
          },
        };
      },
    };
  }
}
