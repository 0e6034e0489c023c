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
});
