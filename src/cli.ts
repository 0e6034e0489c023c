import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config';
import { DatabaseUnavailableError, openDatabase } from './db/database';
import { initORM, migrate } from './db/orm';
import { describeRegisterReport, importRegister, RegisterFormatError } from './importers/register.importer';
import { createSchema, printSdl } from './schema';

/**
 * Command-line tools. They find the same database as `npm start`: DATABASE_URL, or the embedded
 * cluster under the data folder, started for the command when the server is not running.
 */
const COMMANDS: Record<string, { summary: string; run: (config: Config, args: string[]) => Promise<void> }> = {
  'import:areas': {
    summary: 'Load or refresh the Kemendagri register (idn-area-data CSVs) into the database.',
    run: async (config) => {
      await withDatabase(config, async (url) => {
        const report = await importRegister(url, { dir: config.registerDir });
        process.stdout.write(`${describeRegisterReport(report)}\n`);
      });
    },
  },
  'schema:emit': {
    summary: 'Write the GraphQL SDL to schema/schema.graphql.',
    run: async () => {
      const file = path.resolve('schema', 'schema.graphql');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, printSdl(await createSchema()));
      process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
    },
  },
};

async function withDatabase(config: Config, work: (url: string) => Promise<void>): Promise<void> {
  const database = await openDatabase(config, (message) => process.stderr.write(`${message}\n`));
  try {
    const orm = await initORM(database.url);
    try {
      await migrate(orm);
    } finally {
      await orm.close();
    }
    await work(database.url);
  } finally {
    await database.release();
  }
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`usage: node dist/src/cli.js <command>\n${Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(14)} ${c.summary}`).join('\n')}\n`);
    process.exit(name ? 2 : 0);
  }
  await command.run(loadConfig(), args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof RegisterFormatError) {
    process.stderr.write(`desa-cerdas: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`desa-cerdas: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
