import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations';
import { entities } from './entities';

/**
 * Shared by the app, the tests and the MikroORM CLI (`npm run migration:create`). The schema only
 * ever changes through the checked-in migrations; nothing synchronises it at run time.
 */
export function ormConfig(overrides: Partial<Options> = {}): Options {
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
    ...overrides,
  });
}

export default ormConfig();
