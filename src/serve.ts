import 'reflect-metadata';
import { mintToken } from './auth/token';
import { Role } from './auth/viewer';
import { ConfigError, DEVELOPMENT_TOKEN_SECRET, loadConfig } from './config';
import { DatabaseUnavailableError, openDatabase } from './db/database';
import { createLogger, routeConsoleToLog } from './logger';
import { startServer } from './server';

/** `npm start`: open the database (embedded unless DATABASE_URL), migrate, load the register, serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  routeConsoleToLog(log);
  const database = await openDatabase(config, (message) => log.info(message));
  log.info(`database: ${database.description}`);
  let server;
  try {
    server = await startServer({ config, databaseUrl: database.url, log });
  } catch (error) {
    await database.release();
    throw error;
  }
  if (config.tokenSecret === DEVELOPMENT_TOKEN_SECRET) {
    // Outside production only (config refuses a missing TOKEN_SECRET there): something to try mutations with.
    const { token } = await mintToken(config.tokenSecret, { subject: 'development', role: Role.ADMIN, ttlSeconds: 7 * 86_400 });
    log.warn(`TOKEN_SECRET is not set: tokens are signed with a development secret. An admin token for 7 days: ${token}`);
  }
  log.info(`Desa Cerdas API ready at ${server.url} (GraphiQL in a browser, graphql-ws on the same path)`);

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(`${signal}: draining HTTP and WebSocket connections`);
    server
      .stop()
      .then(() => database.release())
      .then(
        () => {
          log.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Setup problems a user can fix get one line, not a stack trace.
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    process.stderr.write(`desa-cerdas: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`desa-cerdas: failed to start: ${(error as Error)?.message ?? String(error)}\n`);
  if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${(error as Error)?.stack}\n`);
  process.exit(1);
});
