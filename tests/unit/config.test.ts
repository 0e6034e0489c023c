import { ConfigError, DEVELOPMENT_ADMIN_TOKEN, loadConfig } from '../../src/config';
import { DatabaseUnavailableError, openDatabase } from '../../src/db/database';

describe('config', () => {
  it('defaults for a newcomer: port 4000, embedded database, development token, query stats on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.adminToken).toBe(DEVELOPMENT_ADMIN_TOKEN);
    expect(config.queryStats).toBe(true);
  });

  it('refuses a malformed DATABASE_URL with a one-line message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'localhost:5432/db' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'localhost:5432/db' })).toThrow(/^Invalid setting DATABASE_URL: must look like postgres:\/\//);
  });

  it('has no default secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ADMIN_TOKEN is required/);
    expect(loadConfig({ NODE_ENV: 'production', ADMIN_TOKEN: 'a-long-enough-secret' }).queryStats).toBe(false);
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
    expect(defaults.limits).toEqual({ maxDepth: 12, maxCost: 200_000, maxAliases: 30, maxDirectives: 20, maxTokens: 3000 });
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
