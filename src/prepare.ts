import type { MikroORM } from '@mikro-orm/postgresql';
import { withSql } from './db/sql';
import type { Config } from './config';
import { describeBoundaryReport, importBoundaries } from './importers/boundaries.importer';
import { describeRegisterReport, importRegister } from './importers/register.importer';
import { seedPrograms } from './program/program.seed';
import { migrate } from './db/orm';

/**
 * What every process does before using a database, server or command alike: apply pending
 * migrations, load the register (and the shipped shapes) into an empty database, and seed the public program facts.
 */
export async function prepareDatabase(orm: MikroORM, config: Config, databaseUrl: string, log: (message: string) => void): Promise<void> {
  await withSql(databaseUrl, 'desa-cerdas-prepare', (sql) =>
    sql.withClient(async (session) => {
      // Instances starting together (a rolling deploy, a test suite) take turns: one migrates and
      // loads, the others find the work done.
      await session.query(`select pg_advisory_lock(hashtext('desa-cerdas:prepare'))`);
      try {
        const applied = await migrate(orm);
        if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
        const [{ empty }] = await sql.query<{ empty: boolean }>('select not exists (select 1 from village) as empty');
        if (empty) {
          log('empty register: importing idn-area-data');
          const report = await importRegister(databaseUrl, { dir: config.registerDir, plain: true });
          log(describeRegisterReport(report));
        }
        const [{ shapeless }] = await sql.query<{ shapeless: boolean }>('select not exists (select 1 from region_shape) as shapeless');
        if (shapeless && config.boundariesDir) {
          log(`no region shapes: importing ${config.boundariesDir}`);
          const report = await importBoundaries(databaseUrl, [config.boundariesDir], { plain: true });
          log(describeBoundaryReport(report));
        }
        await sql.transaction((client) => seedPrograms(client));
      } finally {
        await session.query(`select pg_advisory_unlock(hashtext('desa-cerdas:prepare'))`);
      }
    }),
  );
}
