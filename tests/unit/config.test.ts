import { ConfigError, DEVELOPMENT_TOKEN_SECRET, loadConfig } from '../../src/config';
import { DatabaseUnavailableError, openDatabase } from '../../src/db/database';

describe('config', () => {
  it('defaults for a newcomer: port 4000, embedded database, development token secret, query stats on, public reads', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.tokenSecret).toBe(DEVELOPMENT_TOKEN_SECRET);
    expect(config.queryStats).toBe(true);
    expect(config.requireTokenForReads).toBe(false);
    expect(config.publishedYearMinShare).toBe(0.5);
  });

  it('refuses a malformed DATABASE_URL with a one-line message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'localhost:5432/db' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'localhost:5432/db' })).toThrow(/^Invalid setting DATABASE_URL: must look like postgres:\/\//);
  });

  it('has no default secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TOKEN_SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'too-short' })).toThrow(/^Invalid setting TOKEN_SECRET: must be at least 32 characters/);
    expect(loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'a-secret-of-at-least-thirty-two-characters' }).queryStats).toBe(false);
  });

  it('stops with what to do when the retired ADMIN_TOKEN is still set', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'old-static-admin-token' })).toThrow(/^ADMIN_TOKEN is no longer read: .*npm run token -- --role admin/);
  });

  it('reads the published-year share and the reads-need-a-token switch', () => {
    expect(loadConfig({ PUBLISHED_YEAR_MIN_SHARE: '0.8', REQUIRE_TOKEN_FOR_READS: 'true' })).toMatchObject({ publishedYearMinShare: 0.8, requireTokenForReads: true });
    expect(() => loadConfig({ PUBLISHED_YEAR_MIN_SHARE: '0' })).toThrow(/Invalid setting PUBLISHED_YEAR_MIN_SHARE/);
    expect(() => loadConfig({ PUBLISHED_YEAR_MIN_SHARE: '1.5' })).toThrow(/Invalid setting PUBLISHED_YEAR_MIN_SHARE/);
  });

  it('rejects a bad port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/Invalid setting PORT/);
  });

  it('reports an unreachable database in one line', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    const attempt = openDatabase(config, () => undefined);
    await expect(attempt).rejects.toThrow(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(/^Cannot reach the database at 127\.0\.0\.1:1\/none: [^\n]+$/);
  });

  it('front-door settings: limits, CORS origins, trusted proxies, rate limit off in tests only', () => {
    const defaults = loadConfig({});
    expect(defaults.limits).toEqual({ maxDepth: 12, maxCost: 200_000, maxAliases: 30, maxDirectives: 20, maxTokens: 3000, maxFields: 1000 });
    expect(defaults.corsOrigins).toBe('*');
    expect(defaults.trustProxy).toBe(false);
    expect(defaults.rateLimit).toEqual({ costPerWindow: 500_000, windowSeconds: 10 });
    expect(loadConfig({ NODE_ENV: 'test' }).rateLimit.costPerWindow).toBe(0);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.id, https://b.example.id' }).corsOrigins).toEqual(['https://a.example.id', 'https://b.example.id']);
    expect(() => loadConfig({ CORS_ORIGINS: 'a.example.id' })).toThrow(/^Invalid setting CORS_ORIGINS: must be \* or comma-separated origins/);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'somewhere' })).toThrow(/^Invalid setting TRUST_PROXY/);
    expect(loadConfig({ INTROSPECTION: '0', GRAPHIQL: 'false' })).toMatchObject({ introspection: false, graphiql: false });
  });
});
