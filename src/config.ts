import path from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { PROJECT_ROOT } from './project-root';

/** The upper three levels' shapes, shipped with the project (data/boundaries/README.md). */
const SHIPPED_BOUNDARIES = path.join(PROJECT_ROOT, 'data', 'boundaries');

/**
 * The one reader of the environment. Everything configurable is read, validated and defaulted here;
 * the rest of the code receives a typed `Config`.
 */

/** Raised for a setting that cannot be used; `main` prints its message on one line and exits. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '' && url.pathname.length > 1;
    } catch {
      return false;
    }
  },
  { message: 'must look like postgres://user:password@host:5432/database' },
);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_URL: postgresUrl.optional(),
  DATABASE_READ_URL: postgresUrl.optional(),
  READ_YOUR_WRITES_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(500),
  READ_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(2_000),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  ADMIN_TOKEN: z.string().optional(),
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters (256 bits for HS256)').optional(),
  REQUIRE_TOKEN_FOR_READS: booleanFlag.optional(),
  PUBLISHED_YEAR_MIN_SHARE: z.coerce.number().gt(0, 'must be above 0').max(1, 'must be at most 1').default(0.5),
  QUERY_STATS: booleanFlag.optional(),
  QUERY_PLANNER: booleanFlag.default(true),
  RESPONSE_CACHE: booleanFlag.default(true),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().min(1).max(16_384).default(64),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(200_000),
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
  MAX_TOKENS: z.coerce.number().int().min(100).default(3_000),
  MAX_FIELDS: z.coerce.number().int().min(1).default(1_000),
  TRUSTED_DOCUMENTS: z.string().optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  WS_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).default(100),
  WS_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(500),
  RATE_LIMIT_COST: z.coerce.number().int().min(0).optional(),
  RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).default(10),
  CORS_ORIGINS: z
    .string()
    .transform((v) => (v.trim() === '*' ? ('*' as const) : v.split(',').map((o) => o.trim()).filter(Boolean)))
    .refine((v) => v === '*' || v.every((o) => /^https?:\/\/[^/\s]+$/.test(o)), { message: 'must be * or comma-separated origins such as https://dashboard.example.id' })
    .default('*'),
  TRUST_PROXY: z.string().default('false'),
  INTROSPECTION: booleanFlag.default(true),
  GRAPHIQL: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REGISTER_DIR: z.string().optional(),
  BOUNDARIES_DIR: z.string().optional(),
  REDIS_URL: z.string().refine((v) => /^rediss?:\/\//.test(v), { message: 'must look like redis://host:6379' }).optional(),
  KEMENDES_API_URL: z.string().url('must be an http(s) URL').default('https://idm.kemendesa.go.id'),
  SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  SYNC_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  RUMUSAN_MAX_AGE_S: z.coerce.number().int().min(0).max(31_536_000).default(3_600),
});

export interface OperationLimits {
  /** Deepest selection, counted through fragments. @default 12 */
  maxDepth: number;
  /** Upper bound on the objects a response may hold (see src/limits/query-cost.ts). @default 200000 */
  maxCost: number;
  /** Aliased fields, counted through fragments. @default 30 */
  maxAliases: number;
  /** Directives in one operation. @default 20 */
  maxDirectives: number;
  /** Lexical tokens in one document. @default 3000 */
  maxTokens: number;
  /**
   * Fields of one operation once its fragments are expanded, leaves included (GraphiQL's
   * introspection selects 229, the dashboard's largest view 68). @default 1000
   */
  maxFields: number;
}

export interface WebSocketLimits {
  /** Largest message a client may send; a larger frame closes the socket with 1009. @default 1 MiB */
  maxPayloadBytes: number;
  /** Operations running at once on one socket. @default 100 */
  maxSubscriptionsPerSocket: number;
  /** Open sockets from one client address (an office behind one NAT address opens many). @default 500 */
  maxSocketsPerAddress: number;
}

export interface Config {
  /** `development` (default), `test` or `production`. */
  env: 'development' | 'production' | 'test';
  /** HTTP and WebSocket port. @default 4000 */
  port: number;
  /** Interface to listen on. @default all interfaces */
  host?: string;
  /**
   * PostgreSQL to use, a direct connection to the primary: migrations, the change-log listener
   * (`LISTEN` is a session: it cannot go through a transaction-mode pooler) and, unless
   * `databasePoolUrl`, every write and read. Without it an embedded PostgreSQL is started under `dataDir`.
   */
  databaseUrl?: string;
  /**
   * The same primary through a transaction-mode pooler (PgBouncer): the write pool and the ORM use
   * it, with unnamed statements and no startup parameters. @default DATABASE_URL
   */
  databasePoolUrl?: string;
  /**
   * A streaming replica for reads (the planner, the loaders, summaries, exports); writes and reads
   * after a client's own write go to the primary (see src/db/read-routing.ts). @default none: reads use the primary
   */
  databaseReadUrl?: string;
  /** With a replica: how a read after a write and a lagging replica are handled. */
  replica: {
    /** How long a read after the reader's own write waits for the replica before reading the primary. @default 500 */
    waitMs: number;
    /** Lag past which reads go to the primary until the replica catches up. @default 2000 */
    maxLagMs: number;
  };
  /** Folder for the embedded PostgreSQL and other local state. @default ./.data */
  dataDir: string;
  /** Port of the embedded PostgreSQL. @default 54329 */
  embeddedPgPort: number;
  /** Signs and verifies tokens (HS256). Required in production. @default a development secret outside production */
  tokenSecret: string;
  /** Anonymous requests may read unless this is set. @default false */
  requireTokenForReads: boolean;
  /**
   * Where a year is omitted, lists and summaries use the newest year assessed for at least this
   * share of the register's desa (desa + desa adat). @default 0.5
   */
  publishedYearMinShare: number;
  /** Attach `extensions.sql = { statements, ms }` to every response. @default true in development */
  queryStats: boolean;
  /**
   * Answer region and IDM queries with one planned SQL statement per root field; off, every field
   * goes through its resolver and DataLoaders (same answers, more statements). @default true
   */
  queryPlanner: boolean;
  /** Cache answers to anonymous queries, never serving one older than the last write. @default true */
  responseCache: boolean;
  /** Most megabytes of answers the response cache holds. @default 64 */
  responseCacheMaxMb: number;
  /** What one GraphQL operation may ask for, the same over HTTP and WebSocket; checked before it runs. */
  limits: OperationLimits;
  /** Origins whose browser pages may call the API (CORS). @default * (reads are public; credentials travel in a header, never cookies) */
  corsOrigins: '*' | string[];
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client address: `false`, `true` (any), a
   * hop count, or addresses/subnets (`loopback`, `10.0.0.0/8`). @default false
   */
  trustProxy: boolean | number | string[];
  /**
   * TRUSTED_DOCUMENTS: manifests (JSON files of sha256 hash → document, as graphql-codegen's client
   * preset writes with `persistedDocuments: true`; comma-separated) of the only documents requests
   * may run, over HTTP and WebSocket; an ADMIN token may still send any. Empty: any document runs.
   * @default none (any document)
   */
  trustedDocuments: string[];
  /** Largest request body over HTTP. @default 16 MiB (a full recordIdmAssessments batch) */
  maxBodyBytes: number;
  /** PostgreSQL statement_timeout of the read pool, in ms; 0 turns it off. @default 5000 */
  statementTimeoutMs: number;
  ws: WebSocketLimits;
  /** Cost units a client address may spend per window; off when `costPerWindow` is 0. */
  rateLimit: { costPerWindow: number; windowSeconds: number };
  /** Schema introspection (GraphiQL, codegen need it). @default true */
  introspection: boolean;
  /** GraphiQL on GET /graphql for browsers. @default true */
  graphiql: boolean;
  /** pino log level. @default info */
  logLevel: string;
  /** Folder holding the register CSVs. @default idn-area-data's data/ folder */
  registerDir: string;
  /**
   * Folder of the region shapes an empty database is loaded with (every GeoJSON file in it);
   * `none` loads none. @default the project's data/boundaries (provinces, kabupaten, kecamatan)
   */
  boundariesDir: string | null;
  /**
   * Redis for cross-instance change notifications instead of PostgreSQL LISTEN/NOTIFY, for one
   * rate-limit budget shared by all instances (else each counts in memory), and for writers' WAL
   * positions (read-your-writes through any instance).
   */
  redisUrl?: string;
  /** The live IDM sync: base URL of the Kemendes API and how hard to press it. */
  kemendes: {
    /** @default https://idm.kemendesa.go.id */
    baseUrl: string;
    /** Requests in flight at once. @default 8 */
    concurrency: number;
    /** Per-request timeout. @default 15000 */
    timeoutMs: number;
    /** Retries after a network error, timeout, 429 or 5xx, with exponential backoff. @default 3 */
    retries: number;
  };
  /**
   * `Cache-Control: public, max-age` of `GET /open/api/desa/rumusan/{kode}/{tahun}` answers, in
   * seconds: how long OpenSID, a proxy or a CDN may reuse one before asking again (a conditional
   * request is answered 304 while the desa-year is unchanged). @default 3600
   */
  rumusanMaxAgeSeconds: number;
}

/** The secret tokens are signed with outside production when TOKEN_SECRET is unset; `main` then prints an admin token. */
export const DEVELOPMENT_TOKEN_SECRET = 'development-only-token-secret-not-for-production';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, so `DATABASE_URL= npm start` means "embedded".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const s = parsed.data;
  if (s.ADMIN_TOKEN !== undefined) {
    throw new ConfigError(
      'ADMIN_TOKEN is no longer read: tokens are signed and carry a role and scope. Set TOKEN_SECRET, mint an admin token with `npm run token -- --role admin --subject <you>`, and unset ADMIN_TOKEN',
    );
  }
  if ((s.DATABASE_POOL_URL || s.DATABASE_READ_URL) && !s.DATABASE_URL) {
    throw new ConfigError('DATABASE_POOL_URL and DATABASE_READ_URL need DATABASE_URL, the direct connection to the primary (migrations and LISTEN)');
  }
  if (!s.TOKEN_SECRET && s.NODE_ENV === 'production') {
    throw new ConfigError('TOKEN_SECRET is required when NODE_ENV=production (at least 32 characters)');
  }
  return {
    env: s.NODE_ENV,
    port: s.PORT,
    host: s.HOST,
    databaseUrl: s.DATABASE_URL,
    databasePoolUrl: s.DATABASE_POOL_URL,
    databaseReadUrl: s.DATABASE_READ_URL,
    replica: { waitMs: s.READ_YOUR_WRITES_WAIT_MS, maxLagMs: s.READ_REPLICA_MAX_LAG_MS },
    dataDir: path.resolve(s.DATA_DIR),
    embeddedPgPort: s.EMBEDDED_PG_PORT,
    tokenSecret: s.TOKEN_SECRET ?? DEVELOPMENT_TOKEN_SECRET,
    requireTokenForReads: s.REQUIRE_TOKEN_FOR_READS ?? false,
    publishedYearMinShare: s.PUBLISHED_YEAR_MIN_SHARE,
    queryStats: s.QUERY_STATS ?? s.NODE_ENV === 'development',
    queryPlanner: s.QUERY_PLANNER,
    responseCache: s.RESPONSE_CACHE,
    responseCacheMaxMb: s.RESPONSE_CACHE_MAX_MB,
    limits: { maxDepth: s.MAX_QUERY_DEPTH, maxCost: s.MAX_QUERY_COST, maxAliases: s.MAX_ALIASES, maxDirectives: s.MAX_DIRECTIVES, maxTokens: s.MAX_TOKENS, maxFields: s.MAX_FIELDS },
    corsOrigins: s.CORS_ORIGINS,
    trustProxy: parseTrustProxy(s.TRUST_PROXY),
    trustedDocuments: (s.TRUSTED_DOCUMENTS ?? '').split(',').map((file) => file.trim()).filter(Boolean).map((file) => path.resolve(file)),
    maxBodyBytes: s.MAX_BODY_BYTES,
    statementTimeoutMs: s.STATEMENT_TIMEOUT_MS,
    ws: { maxPayloadBytes: s.WS_MAX_PAYLOAD_BYTES, maxSubscriptionsPerSocket: s.WS_MAX_SUBSCRIPTIONS, maxSocketsPerAddress: s.WS_MAX_SOCKETS_PER_ADDRESS },
    // Off in tests, which send bursts from one address; generous elsewhere (see README).
    rateLimit: { costPerWindow: s.RATE_LIMIT_COST ?? (s.NODE_ENV === 'test' ? 0 : 500_000), windowSeconds: s.RATE_LIMIT_WINDOW_S },
    introspection: s.INTROSPECTION,
    graphiql: s.GRAPHIQL,
    logLevel: s.LOG_LEVEL,
    redisUrl: s.REDIS_URL,
    kemendes: { baseUrl: s.KEMENDES_API_URL.replace(/\/+$/, ''), concurrency: s.SYNC_CONCURRENCY, timeoutMs: s.SYNC_TIMEOUT_MS, retries: s.SYNC_RETRIES },
    rumusanMaxAgeSeconds: s.RUMUSAN_MAX_AGE_S,
    registerDir: s.REGISTER_DIR ? path.resolve(s.REGISTER_DIR) : path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data'),
    boundariesDir: s.BOUNDARIES_DIR === 'none' ? null : s.BOUNDARIES_DIR ? path.resolve(s.BOUNDARIES_DIR) : SHIPPED_BOUNDARIES,
  };
}

function parseTrustProxy(value: string): Config['trustProxy'] {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === '0' || v === '') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((part) => part.trim()).filter(Boolean);
  try {
    proxyaddr.compile(list);
  } catch (error) {
    throw new ConfigError(`Invalid setting TRUST_PROXY: ${(error as Error).message}; use false, true, a hop count or addresses/subnets such as loopback,10.0.0.0/8`);
  }
  return list;
}
