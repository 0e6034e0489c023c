import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mintScopedToken, revokeToken } from './auth/token.service';
import { parseTtl, TokenError } from './auth/token';
import { Role } from './auth/viewer';
import { ConfigError, loadConfig, type Config } from './config';
import { DatabaseUnavailableError, openDatabase } from './db/database';
import { initORM } from './db/orm';
import { entities } from './entities';
import { prepareDatabase } from './prepare';
import { BoundaryInputError, describeBoundaryReport, importBoundaries } from './importers/boundaries.importer';
import { describeIdmReport, IdmInputError, importIdm } from './importers/idm/idm.importer';
import { describeSyncReport, syncIdm, type SyncScope } from './importers/idm/kemendes.sync';
import { describeIndeksDesaReport, importIndeksDesa, IndeksDesaInputError } from './importers/indeks-desa/indeks-desa.importer';
import { BpsInputError, describeBpsReport, importBpsBridge } from './importers/bps.importer';
import { describeRegisterReport, importRegister, RegisterFormatError } from './importers/register.importer';
import { createNotifier } from './live/notifier';
import { parseCode } from './region/region-code';
import { createSchema, printSdl } from './schema';

/**
 * Command-line tools. They find the same database as `npm start`: DATABASE_URL, or the embedded
 * cluster under the data folder, started for the command when the server is not running.
 */
const COMMANDS: Record<string, { summary: string; run: (config: Config, args: string[]) => Promise<void> }> = {
  migrate: {
    summary: 'Apply pending migrations, load the register into an empty database, seed the programs, and exit (the migration Job run before a rollout).',
    run: async (config) => {
      await withDatabase(config, async () => {
        process.stdout.write('database prepared: no migration pending\n');
      });
    },
  },
  'import:areas': {
    summary:
      'Load or refresh the Kemendagri register (idn-area-data CSVs) into the database; --bps FILE [--dry-run] [--rejects FILE] loads BPS codes from the BPS-Kemendagri bridge instead.',
    run: async (config, argv) => {
      const { values } = parseArgs({
        args: argv,
        options: { bps: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, rejects: { type: 'string' } },
      });
      if (values.bps === undefined) {
        if (values['dry-run'] || values.rejects !== undefined) throw new UsageError('--dry-run and --rejects go with --bps FILE');
        await withDatabase(config, async (url) => {
          const report = await importRegister(url, { dir: config.registerDir });
          process.stdout.write(`${describeRegisterReport(report)}\n`);
        });
        return;
      }
      const file = values.bps;
      await withDatabase(config, async (url) => {
        const report = await importBpsBridge(url, file, { dryRun: values['dry-run'], rejectsFile: values.rejects ?? 'rejects-bps.csv' });
        process.stdout.write(`${describeBpsReport(report)}\n`);
        // Non-zero only when nothing matched: rejected rows alone are a normal, reported outcome.
        if (Object.values(report.byLevel).every((c) => c.matched === 0)) process.exitCode = 1;
      });
    },
  },
  'import:idm': {
    summary:
      'Import IDM from national spreadsheets (CSV/XLSX) and Kemendes API JSON files or folders. [--dry-run] [--rejects FILE] PATH...; --retract --reason TEXT PATH... takes back the desa-years the files hold',
    run: async (config, argv) => {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          'dry-run': { type: 'boolean', default: false },
          rejects: { type: 'string', default: 'rejects-idm.csv' },
          retract: { type: 'boolean', default: false },
          reason: { type: 'string' },
        },
      });
      if (positionals.length === 0) throw new UsageError('import:idm needs at least one file or folder');
      if (values.retract && !values.reason?.trim()) throw new UsageError('import:idm --retract needs --reason "why these values are taken back"');
      if (!values.retract && values.reason !== undefined) throw new UsageError('--reason goes with --retract');
      const retract = values.retract ? { reason: values.reason! } : undefined;
      await withDatabase(config, async (url) => {
        const publisher = createNotifier({ databaseUrl: url, redisUrl: config.redisUrl });
        const report = await importIdm(url, positionals, { dryRun: values['dry-run'], rejectsFile: values.rejects, retract, publisher }).finally(() => publisher.close());
        process.stdout.write(`${describeIdmReport(report)}\n`);
        // Non-zero only when nothing valid was found: rejected rows alone are a normal, reported outcome.
        if (report.accepted === 0) process.exitCode = 1;
      });
    },
  },
  'import:indeks-desa': {
    summary:
      'Import the Indeks Desa from dinas sheets (CSV/XLSX, wide or long layout) files or folders. [--dry-run] [--rejects FILE] [--year YYYY, for sheets that do not say; default 2025] PATH...',
    run: async (config, argv) => {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          'dry-run': { type: 'boolean', default: false },
          rejects: { type: 'string', default: 'rejects-indeks-desa.csv' },
          year: { type: 'string' },
        },
      });
      if (positionals.length === 0) throw new UsageError('import:indeks-desa needs at least one file or folder');
      const year = values.year === undefined ? undefined : Number(values.year);
      if (year !== undefined && !(Number.isInteger(year) && /^\d{4}$/.test(values.year!))) throw new UsageError('import:indeks-desa --year needs a year such as 2025');
      await withDatabase(config, async (url) => {
        const publisher = createNotifier({ databaseUrl: url, redisUrl: config.redisUrl });
        const report = await importIndeksDesa(url, positionals, { dryRun: values['dry-run'], rejectsFile: values.rejects, year, publisher }).finally(() => publisher.close());
        process.stdout.write(`${describeIndeksDesaReport(report)}\n`);
        // Non-zero only when nothing valid was found: rejected rows alone are a normal, reported outcome.
        if (report.accepted === 0) process.exitCode = 1;
      });
    },
  },
  'import:boundaries': {
    summary:
      'Import region shapes (GeoJSON or .geojson.gz, any level, matched to the register by code) from files or folders. [--dry-run] [--rejects FILE] [--max-file-mb N, default 200] PATH...',
    run: async (config, argv) => {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          'dry-run': { type: 'boolean', default: false },
          rejects: { type: 'string', default: 'rejects-boundaries.csv' },
          'max-file-mb': { type: 'string' },
        },
      });
      if (positionals.length === 0) throw new UsageError('import:boundaries needs at least one file or folder');
      const maxMb = values['max-file-mb'] === undefined ? undefined : Number(values['max-file-mb']);
      if (maxMb !== undefined && !(Number.isFinite(maxMb) && maxMb > 0)) throw new UsageError('import:boundaries --max-file-mb needs a positive number of megabytes');
      await withDatabase(config, async (url) => {
        const report = await importBoundaries(url, positionals, { dryRun: values['dry-run'], rejectsFile: values.rejects, maxFileBytes: maxMb && maxMb * 1024 * 1024 });
        process.stdout.write(`${describeBoundaryReport(report)}\n`);
        const written = Object.values(report.byLevel).reduce((n, c) => n + c.inserted + c.updated + c.unchanged, 0);
        // Non-zero only when nothing valid was found: rejected features alone are a normal, reported outcome.
        if (written === 0) process.exitCode = 1;
      });
    },
  },
  token: {
    summary: 'Mint a token: --role admin|operator --subject NAME [--scope 64.02 ...] [--ttl 30d]; or revoke one: --revoke JTI|TOKEN [--reason TEXT].',
    run: async (config, argv) => {
      const { values } = parseArgs({
        args: argv,
        options: {
          role: { type: 'string' },
          subject: { type: 'string' },
          scope: { type: 'string', multiple: true, default: [] },
          ttl: { type: 'string', default: '30d' },
          revoke: { type: 'string' },
          reason: { type: 'string' },
        },
      });
      await withDatabase(config, async (url) => {
        if (values.revoke !== undefined) {
          const { tokenId, revokedAt } = await revokeToken(url, values.revoke, values.reason ?? null);
          process.stdout.write(`revoked ${tokenId} at ${revokedAt.toISOString()}: every instance refuses it from now on\n`);
          return;
        }
        const role = { admin: Role.ADMIN, operator: Role.OPERATOR }[values.role?.toLowerCase() ?? ''];
        if (!role) throw new UsageError('token needs --role admin or --role operator (or --revoke JTI)');
        if (!values.subject) throw new UsageError('token needs --subject, who the token is for (e.g. dinas-pmd-kukar)');
        const scope = values.scope.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
        const minted = await mintScopedToken(url, config.tokenSecret, { subject: values.subject, role, scope, ttlSeconds: parseTtl(values.ttl) });
        process.stderr.write(
          `${role} token for ${values.subject}${scope.length ? ` in ${minted.scopeNames.join(', ')}` : ''}, id ${minted.tokenId}, expires ${minted.expiresAt.toISOString()}\n` +
            `revoke it with: npm run token -- --revoke ${minted.tokenId}\n`,
        );
        process.stdout.write(`${minted.token}\n`);
      });
    },
  },
  'sync:idm': {
    summary: 'Fetch IDM from the Kemendes API for every desa of a scope. --year YYYY and one of --province, --kabupaten, --district, --village CODE',
    run: async (config, argv) => {
      const { values } = parseArgs({
        args: argv,
        options: { year: { type: 'string' }, province: { type: 'string' }, kabupaten: { type: 'string' }, district: { type: 'string' }, village: { type: 'string' } },
      });
      const year = Number(values.year);
      if (!Number.isInteger(year)) throw new UsageError('sync:idm needs --year YYYY');
      const given = (['province', 'kabupaten', 'district', 'village'] as const).filter((level) => values[level] !== undefined);
      if (given.length !== 1) throw new UsageError('sync:idm needs exactly one of --province, --kabupaten, --district, --village');
      const level = given[0]!;
      let code: string;
      try {
        code = parseCode(values[level]!, level);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const scope: SyncScope = { year, [`${level}Code`]: code };
      await withDatabase(config, async (url) => {
        const publisher = createNotifier({ databaseUrl: url, redisUrl: config.redisUrl });
        const report = await syncIdm(url, scope, { ...config.kemendes, publisher }).finally(() => publisher.close());
        process.stdout.write(`${describeSyncReport(report)}\n`);
        if (report.fetched === 0 && report.desa > 0 && report.failed.length > 0) {
          process.stderr.write(`desa-cerdas: no desa could be fetched from ${report.baseUrl} (${report.failed[0]!.error}); check KEMENDES_API_URL and the network\n`);
          process.exitCode = 1;
        }
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

/** A command used wrongly: the message and the usage, exit code 2. */
class UsageError extends Error {}

async function withDatabase(config: Config, work: (url: string) => Promise<void>): Promise<void> {
  const database = await openDatabase(config, (message) => process.stderr.write(`${message}\n`));
  try {
    const orm = await initORM(database.url, entities);
    try {
      await prepareDatabase(orm, config, database.url, (message) => process.stderr.write(`${message}\n`));
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
    process.stderr.write(`usage: node dist/src/main.js <command>\n${Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(18)} ${c.summary}`).join('\n')}\n`);
    process.exit(name ? 2 : 0);
  }
  await command.run(loadConfig(), args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof RegisterFormatError ||
    error instanceof BpsInputError ||
    error instanceof IdmInputError ||
    error instanceof IndeksDesaInputError ||
    error instanceof BoundaryInputError ||
    error instanceof UsageError ||
    error instanceof TokenError
  ) {
    process.stderr.write(`desa-cerdas: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`desa-cerdas: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
