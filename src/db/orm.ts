import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ormConfig } from './mikro-orm.config';

/** The seam tests and commands use: an ORM of these entities on `clientUrl`, nothing connected globally. */
export async function initORM(clientUrl: string, entities: NonNullable<Options['entities']>, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(entities, { clientUrl, ...overrides }));
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** True when no migration is pending. */
export async function isMigrated(orm: MikroORM): Promise<boolean> {
  return (await orm.getMigrator().getPendingMigrations()).length === 0;
}
