import path from 'node:path';
import { z } from 'zod';

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
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  ADMIN_TOKEN: z.string().optional(),
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters (256 bits for HS256)').optional(),
  REQUIRE_TOKEN_FOR_READS: booleanFlag.optional(),
  PUBLISHED_YEAR_MIN_SHARE: z.coerce.number().gt(0, 'must be above 0').max(1, 'must be at most 1').default(0.5),
  QUERY_STATS: booleanFlag.optional(),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REGISTER_DIR: z.string().optional(),
  REDIS_URL: z.string().refine((v) => /^rediss?:\/\//.test(v), { message: 'must look like redis://host:6379' }).optional(),
  KEMENDES_API_URL: z.string().url('must be an http(s) URL').default('https://idm.kemendesa.go.id'),
  SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  SYNC_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
});

export interface Config {
  /** `development` (default), `test` or `production`. */
  env: 'development' | 'production' | 'test';
  /** HTTP and WebSocket port. @default 4000 */
  port: number;
  /** Interface to listen on. @default all interfaces */
  host?: string;
  /** PostgreSQL to use; without it an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl?: string;
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
  /** Deepest selection a query may have. @default 12 */
  maxQueryDepth: number;
  /** pino log level. @default info */
  logLevel: string;
  /** Folder holding the register CSVs. @default idn-area-data's data/ folder */
  registerDir: string;
  /** Redis for cross-instance change notifications instead of PostgreSQL LISTEN/NOTIFY. */
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
  if (!s.TOKEN_SECRET && s.NODE_ENV === 'production') {
    throw new ConfigError('TOKEN_SECRET is required when NODE_ENV=production (at least 32 characters)');
  }
  return {
    env: s.NODE_ENV,
    port: s.PORT,
    host: s.HOST,
    databaseUrl: s.DATABASE_URL,
    dataDir: path.resolve(s.DATA_DIR),
    embeddedPgPort: s.EMBEDDED_PG_PORT,
    tokenSecret: s.TOKEN_SECRET ?? DEVELOPMENT_TOKEN_SECRET,
    requireTokenForReads: s.REQUIRE_TOKEN_FOR_READS ?? false,
    publishedYearMinShare: s.PUBLISHED_YEAR_MIN_SHARE,
    queryStats: s.QUERY_STATS ?? s.NODE_ENV === 'development',
    maxQueryDepth: s.MAX_QUERY_DEPTH,
    logLevel: s.LOG_LEVEL,
    redisUrl: s.REDIS_URL,
    kemendes: { baseUrl: s.KEMENDES_API_URL.replace(/\/+$/, ''), concurrency: s.SYNC_CONCURRENCY, timeoutMs: s.SYNC_TIMEOUT_MS, retries: s.SYNC_RETRIES },
    registerDir: s.REGISTER_DIR ? path.resolve(s.REGISTER_DIR) : path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data'),
  };
}
