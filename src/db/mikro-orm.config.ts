import { DefaultLogger, defineConfig, type LogContext, type Options } from '@mikro-orm/postgresql';
import { recordStatement, type QueryStats } from './query-stats';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations';

/**
 * MikroORM hands every statement's log context to its logger, with the `loggerContext` of the
 * fork that ran it: a context's fork carries the operation's stats (src/context.ts), so ORM writes
 * count into `extensions.sql` beside the read pool's. Printing stays as configured (`debug`).
 */
class StatementCountingLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext): void {
    if (context.took !== undefined) recordStatement(context.stats as QueryStats | undefined, context.took);
    super.logQuery(context);
  }
}

/**
 * Shared by the app, the tests and the MikroORM CLI (`npm run migration:create`, through
 * src/mikro-orm.config.ts, which adds the entity list). The schema only ever changes through the
 * checked-in migrations; nothing synchronises it at run time.
 */
export function ormConfig(entities: NonNullable<Options['entities']>, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: process.env.DATABASE_URL,
    entities,
    extensions: [Migrator],
    migrations: {
      path: 'migrations',
      tableName: 'mikro_orm_migrations',
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    pool: { min: 0, max: 10 },
    // Refuse the global EntityManager: every request and every event works on its own fork.
    allowGlobalContext: false,
    loggerFactory: (options) => new StatementCountingLogger(options),
    ...overrides,
  });
}

