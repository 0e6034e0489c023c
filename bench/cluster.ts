import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from './support';

/**
 * `npm run cluster`: a deployment on one machine, from Debian's packages. A PostgreSQL primary and
 * a streaming replica (pg_basebackup -R), PgBouncer in transaction mode in front of the primary,
 * Redis, three API instances and HAProxy balancing HTTP and WebSocket across them with health
 * checks on /readyz. Everything binds to 127.0.0.1; state lives in ./.cluster (CLUSTER_DIR).
 *
 *   npm run cluster                  start what is not running (a second run reuses the rest)
 *   npm run cluster -- --status      every process as JSON: role, port, pid, alive
 *   npm run cluster -- --stop        stop everything (data kept); add --reset to delete it
 *
 * Each instance gets DATABASE_URL (the primary, direct: migrations and LISTEN), DATABASE_POOL_URL
 * (PgBouncer: the write pool and the ORM), DATABASE_READ_URL (the replica), REDIS_URL and
 * TRUST_PROXY=loopback (HAProxy's X-Forwarded-For); every other setting in the environment of
 * `npm run cluster` reaches every instance. Also used as a library by the fault and soak benches.
 */

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const INSTANCES = Number(process.env.CLUSTER_INSTANCES ?? 3);
const DATABASE = 'desa';

export type Role = 'postgres-primary' | 'postgres-replica' | 'pgbouncer' | 'redis' | 'haproxy' | `api-${number}`;

export interface ClusterState {
  dir: string;
  clusterPort: number;
  ports: { primary: number; replica: number; pgbouncer: number; redis: number; api: number[] };
  tokenSecret: string;
  /** API instance pids (the others are read from their pid files). */
  apiPids: (number | null)[];
}

export interface ProcessStatus {
  role: Role;
  port: number;
  pid: number | null;
  alive: boolean;
}

const root = path.resolve(__dirname, '..', '..');

export function clusterDir(): string {
  return path.resolve(process.env.CLUSTER_DIR ?? path.join(root, '.cluster'));
}

const stateFile = (dir: string) => path.join(dir, 'state.json');

export function readState(dir = clusterDir()): ClusterState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile(dir), 'utf8')) as ClusterState;
  } catch {
    return undefined;
  }
}

function writeState(state: ClusterState): void {
  fs.writeFileSync(stateFile(state.dir), JSON.stringify(state, null, 2), { mode: 0o600 });
}

const asRoot = process.getuid?.() === 0;

/** PostgreSQL and PgBouncer refuse to run as root: as root, run them as the `postgres` user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function run(command: string, args: string[], options: { quiet?: boolean } = {}): string {
  const [cmd, argv] = asPostgres(command, args);
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', options.quiet ? 'pipe' : 'inherit'] });
}

function ownDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
}

export function alive(pid: number | null | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function pidFromFile(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]!.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

/** Which Debian packages are missing, and the one command that installs them. */
function checkPackages(): void {
  const missing: string[] = [];
  if (!fs.existsSync(path.join(PG_BIN, 'postgres'))) missing.push('postgresql');
  for (const [binary, pkg] of [
    ['pgbouncer', 'pgbouncer'],
    ['haproxy', 'haproxy'],
    ['redis-server', 'redis-server'],
  ]) {
    if (spawnSync('sh', ['-c', `command -v ${binary} || test -x /usr/sbin/${binary}`]).status !== 0) missing.push(pkg!);
  }
  if (missing.length === 0) return;
  const command = `apt-get install -y ${missing.join(' ')}`;
  if (asRoot && process.env.CLUSTER_NO_INSTALL !== '1') {
    process.stdout.write(`installing ${missing.join(', ')}: ${command}\n`);
    execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command} >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${command} >/dev/null)`], { stdio: 'inherit' });
    return;
  }
  throw new Error(`missing Debian packages: ${missing.join(', ')}; install them with: sudo ${command}`);
}

async function initialState(dir: string): Promise<ClusterState> {
  const existing = readState(dir);
  if (existing) return existing;
  const used = new Set<number>();
  const pick = async () => {
    for (;;) {
      const port = await freePort();
      if (!used.has(port)) {
        used.add(port);
        return port;
      }
    }
  };
  const state: ClusterState = {
    dir,
    clusterPort: Number(process.env.CLUSTER_PORT ?? 4080),
    ports: { primary: await pick(), replica: await pick(), pgbouncer: await pick(), redis: await pick(), api: [] },
    tokenSecret: process.env.TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
    apiPids: [],
  };
  for (let i = 0; i < INSTANCES; i++) state.ports.api.push(await pick());
  state.apiPids = state.ports.api.map(() => null);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (asRoot) fs.chmodSync(dir, 0o755);
  writeState(state);
  return state;
}

// --- PostgreSQL -------------------------------------------------------------------------------

const primaryDir = (s: ClusterState) => path.join(s.dir, 'pg-primary');
const replicaDir = (s: ClusterState) => path.join(s.dir, 'pg-replica');

export function postgresUrl(port: number, database = DATABASE): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

function pgIsReady(port: number): boolean {
  return spawnSync(path.join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']).status === 0;
}

function psql(port: number, sql: string, database = 'postgres'): string {
  return execFileSync(path.join(PG_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-Atqc', sql], { encoding: 'utf8' }).trim();
}

function pgCtl(dataDir: string, action: 'start' | 'stop' | 'restart', port: number, extra: string[] = []): void {
  const log = path.join(dataDir, '..', `${path.basename(dataDir)}.log`);
  if (asRoot && !fs.existsSync(log)) {
    fs.writeFileSync(log, '');
    execFileSync('chown', ['postgres:postgres', log]);
  }
  const args = ['-D', dataDir, '-l', log, '-w', '-t', '120', ...extra, action];
  if (action !== 'stop') args.unshift('-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`);
  run(path.join(PG_BIN, 'pg_ctl'), args, { quiet: true });
}

function initPrimary(s: ClusterState): void {
  const dir = primaryDir(s);
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    ownDir(dir);
    run(path.join(PG_BIN, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], { quiet: true });
    fs.appendFileSync(
      path.join(dir, 'postgresql.conf'),
      [
        '# npm run cluster: a primary for one streaming replica',
        'wal_level = replica',
        'max_wal_senders = 5',
        'wal_keep_size = 256MB',
        'hot_standby = on',
        // Long replica reads are not cancelled by vacuum on the primary.
        'hot_standby_feedback = on',
        'max_connections = 200',
        'shared_buffers = 128MB',
        'fsync = on',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n');
  }
}

export async function startPrimary(s: ClusterState): Promise<void> {
  if (pgIsReady(s.ports.primary)) return;
  initPrimary(s);
  pgCtl(primaryDir(s), 'start', s.ports.primary);
  await waitFor('the primary', () => pgIsReady(s.ports.primary));
  if (psql(s.ports.primary, `select 1 from pg_database where datname = '${DATABASE}'`) !== '1') psql(s.ports.primary, `create database ${DATABASE}`);
}

export async function startReplica(s: ClusterState): Promise<void> {
  if (pgIsReady(s.ports.replica)) return;
  const dir = replicaDir(s);
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    ownDir(dir);
    // -R writes standby.signal and primary_conninfo: a streaming replica of the primary.
    run(path.join(PG_BIN, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(s.ports.primary), '-U', 'postgres', '-D', dir, '-R', '-X', 'stream', '-c', 'fast'], { quiet: true });
  }
  pgCtl(dir, 'start', s.ports.replica);
  await waitFor('the replica', () => pgIsReady(s.ports.replica));
}

export function stopPostgres(s: ClusterState, which: 'primary' | 'replica', mode: 'fast' | 'immediate' = 'fast'): void {
  const dir = which === 'primary' ? primaryDir(s) : replicaDir(s);
  if (!fs.existsSync(path.join(dir, 'postmaster.pid'))) return;
  try {
    run(path.join(PG_BIN, 'pg_ctl'), ['-D', dir, '-m', mode, '-w', 'stop'], { quiet: true });
  } catch {
    /* already stopped */
  }
}

export async function restartPrimary(s: ClusterState, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  stopPostgres(s, 'primary', mode);
  await startPrimary(s);
}

// --- PgBouncer, Redis, HAProxy ----------------------------------------------------------------

function pgbouncerFiles(s: ClusterState): { ini: string; pid: string; log: string } {
  const dir = path.join(s.dir, 'pgbouncer');
  const files = { ini: path.join(dir, 'pgbouncer.ini'), pid: path.join(dir, 'pgbouncer.pid'), log: path.join(dir, 'pgbouncer.log') };
  // Written each time (as HAProxy's): a settings change reaches the next start.
  {
    ownDir(dir);
    fs.writeFileSync(
      files.ini,
      [
        '[databases]',
        // Startup parameters cannot pass a transaction pooler: the read timeout is set here.
        `${DATABASE} = host=127.0.0.1 port=${s.ports.primary} dbname=${DATABASE} user=postgres connect_query='set statement_timeout = ${process.env.STATEMENT_TIMEOUT_MS ?? 5000}'`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${s.ports.pgbouncer}`,
        'unix_socket_dir =',
        'auth_type = any',
        'pool_mode = transaction',
        'max_client_conn = 2000',
        'default_pool_size = 20',
        'ignore_startup_parameters = extra_float_digits',
        'server_reset_query =',
        // After a failed login (the primary restarting), try again within a second, not 15.
        'server_login_retry = 1',
        `logfile = ${files.log}`,
        `pidfile = ${files.pid}`,
        'admin_users = postgres',
        '',
      ].join('\n'),
    );
    if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  }
  return files;
}

export async function startPgbouncer(s: ClusterState): Promise<void> {
  const files = pgbouncerFiles(s);
  if (alive(pidFromFile(files.pid)) && (await portOpen(s.ports.pgbouncer))) return;
  run('pgbouncer', ['-d', files.ini], { quiet: true });
  await waitFor('PgBouncer', () => portOpen(s.ports.pgbouncer), 20_000);
}

export async function stopPgbouncer(s: ClusterState): Promise<void> {
  await stopByPidFile(pgbouncerFiles(s).pid, 'SIGTERM');
}

const redisPid = (s: ClusterState) => path.join(s.dir, 'redis', 'redis.pid');

export async function startRedis(s: ClusterState): Promise<void> {
  if (alive(pidFromFile(redisPid(s))) && (await portOpen(s.ports.redis))) return;
  const dir = path.join(s.dir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('redis-server', ['--port', String(s.ports.redis), '--bind', '127.0.0.1', '--daemonize', 'yes', '--pidfile', redisPid(s), '--dir', dir, '--save', '', '--appendonly', 'no', '--logfile', path.join(dir, 'redis.log')]);
  await waitFor('Redis', () => portOpen(s.ports.redis), 20_000);
}

export async function stopRedis(s: ClusterState): Promise<void> {
  await stopByPidFile(redisPid(s), 'SIGTERM');
}

function haproxyFiles(s: ClusterState): { cfg: string; pid: string } {
  const dir = path.join(s.dir, 'haproxy');
  fs.mkdirSync(dir, { recursive: true });
  const files = { cfg: path.join(dir, 'haproxy.cfg'), pid: path.join(dir, 'haproxy.pid') };
  const body = JSON.stringify({ errors: [{ message: 'No API instance is ready: send the same request again in a moment.', extensions: { code: 'UNAVAILABLE', retryable: true } }] });
  fs.writeFileSync(path.join(dir, '503.http'), `HTTP/1.0 503 Service Unavailable\r\nCache-Control: no-cache\r\nConnection: close\r\nRetry-After: 1\r\nContent-Type: application/json\r\n\r\n${body}\n`);
  fs.writeFileSync(
    files.cfg,
    [
      'global',
      '  maxconn 9000',
      'defaults',
      '  mode http',
      '  option forwardfor',
      // A request to an instance that just died goes to another: it never reached the dead one.
      '  retries 3',
      '  option redispatch 1',
      '  retry-on conn-failure',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      // An upgraded WebSocket is a tunnel: graphql-ws pings every 12 s, so an hour is idle only when dead.
      '  timeout tunnel 1h',
      '  timeout client-fin 5s',
      // With no instance ready, answer as the API would: a coded, retryable GraphQL error.
      `  errorfile 503 ${path.join(dir, '503.http')}`,
      'frontend api',
      `  bind 127.0.0.1:${s.clusterPort}`,
      '  default_backend instances',
      'backend instances',
      // Sockets live for hours: the next one goes to the instance holding the fewest.
      '  balance leastconn',
      '  option httpchk GET /readyz',
      '  http-check expect status 200',
      // An instance marked down keeps its open sockets: a dead one ends them itself, a degraded one
      // (primary away) still serves them.
      '  default-server inter 1s fall 2 rise 2',
      ...s.ports.api.map((port, i) => `  server api-${i + 1} 127.0.0.1:${port} check`),
      '',
    ].join('\n'),
  );
  return files;
}

export async function startHaproxy(s: ClusterState): Promise<void> {
  const files = haproxyFiles(s);
  if (alive(pidFromFile(files.pid)) && (await portOpen(s.clusterPort))) return;
  execFileSync('haproxy', ['-D', '-f', files.cfg, '-p', files.pid], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor('HAProxy', () => portOpen(s.clusterPort), 20_000);
}

async function stopByPidFile(file: string, signal: NodeJS.Signals): Promise<void> {
  const pid = pidFromFile(file);
  if (!alive(pid)) return;
  process.kill(pid!, signal);
  await waitFor(`process ${pid} to exit`, () => !alive(pid), 20_000);
}

// --- API instances ----------------------------------------------------------------------------

export function instanceEnv(s: ClusterState, port: number): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: postgresUrl(s.ports.primary),
    DATABASE_POOL_URL: postgresUrl(s.ports.pgbouncer),
    DATABASE_READ_URL: postgresUrl(s.ports.replica),
    REDIS_URL: `redis://127.0.0.1:${s.ports.redis}`,
    TRUST_PROXY: 'loopback',
    TOKEN_SECRET: s.tokenSecret,
  };
}

const mainJs = path.join(root, 'dist', 'src', 'main.js');

/** Starts instance `i` (0-based) unless it runs; resolves once its /readyz answers. */
export async function startInstance(s: ClusterState, i: number): Promise<void> {
  const port = s.ports.api[i]!;
  if (!alive(s.apiPids[i]) || !(await portOpen(port))) {
    const log = fs.openSync(path.join(s.dir, `api-${i + 1}.log`), 'a');
    const child = spawn(process.execPath, [mainJs], { env: instanceEnv(s, port), stdio: ['ignore', log, log], detached: true });
    child.unref();
    fs.closeSync(log);
    s.apiPids[i] = child.pid ?? null;
    writeState(s);
  }
  await waitFor(`api-${i + 1}`, async () => {
    if (!alive(s.apiPids[i])) throw new Error(`api-${i + 1} exited; see ${path.join(s.dir, `api-${i + 1}.log`)}`);
    return ready(port);
  }, 300_000);
}

async function ready(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).ok;
  } catch {
    return false;
  }
}

/** `kill -9` of instance `i`: no drain, its sockets just end. */
export function killInstance(s: ClusterState, i: number): void {
  if (alive(s.apiPids[i])) process.kill(s.apiPids[i]!, 'SIGKILL');
}

export async function stopInstance(s: ClusterState, i: number): Promise<void> {
  const pid = s.apiPids[i];
  if (!alive(pid)) return;
  process.kill(pid!, 'SIGTERM');
  await waitFor(`api-${i + 1} to drain`, () => !alive(pid), 30_000);
}

// --- the whole ---------------------------------------------------------------------------------

export async function startCluster(log: (line: string) => void = () => undefined): Promise<ClusterState> {
  checkPackages();
  if (!fs.existsSync(mainJs)) throw new Error('dist/src/main.js is missing: run npm run build first');
  const s = await initialState(clusterDir());
  log('postgres primary…');
  await startPrimary(s);
  log('postgres replica…');
  await startReplica(s);
  await startPgbouncer(s);
  await startRedis(s);
  // The first instance migrates and loads the register; the others then find the work done.
  log('api instances (the first start migrates and loads the register: a minute or two)…');
  await startInstance(s, 0);
  await Promise.all(s.ports.api.slice(1).map((_, i) => startInstance(s, i + 1)));
  await startHaproxy(s);
  return s;
}

export async function stopCluster(s: ClusterState): Promise<void> {
  await Promise.all(s.ports.api.map((_, i) => stopInstance(s, i)));
  await stopByPidFile(haproxyFiles(s).pid, 'SIGUSR1');
  await stopPgbouncer(s);
  await stopRedis(s);
  stopPostgres(s, 'replica');
  stopPostgres(s, 'primary');
}

export async function clusterStatus(s: ClusterState): Promise<ProcessStatus[]> {
  const pgPid = (dir: string) => pidFromFile(path.join(dir, 'postmaster.pid'));
  const entries: Omit<ProcessStatus, 'alive'>[] = [
    { role: 'postgres-primary', port: s.ports.primary, pid: pgPid(primaryDir(s)) },
    { role: 'postgres-replica', port: s.ports.replica, pid: pgPid(replicaDir(s)) },
    { role: 'pgbouncer', port: s.ports.pgbouncer, pid: pidFromFile(pgbouncerFiles(s).pid) },
    { role: 'redis', port: s.ports.redis, pid: pidFromFile(redisPid(s)) },
    ...s.ports.api.map((port, i) => ({ role: `api-${i + 1}` as Role, port, pid: s.apiPids[i] ?? null })),
    { role: 'haproxy', port: s.clusterPort, pid: pidFromFile(path.join(s.dir, 'haproxy', 'haproxy.pid')) },
  ];
  return Promise.all(entries.map(async (e) => ({ ...e, alive: alive(e.pid) && (await portOpen(e.port)) })));
}

/** An admin token, minted by the API's own command against the cluster's primary. */
export function adminToken(s: ClusterState): string {
  const out = execFileSync(process.execPath, [mainJs, 'token', '--role', 'admin', '--subject', 'cluster-admin', '--ttl', '7d'], {
    env: { ...instanceEnv(s, 0), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.trim().split('\n').at(-1)!;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--status')) {
    const s = readState();
    process.stdout.write(`${JSON.stringify(s ? await clusterStatus(s) : [], null, 2)}\n`);
    return;
  }
  if (args.includes('--stop')) {
    const s = readState();
    if (s) await stopCluster(s);
    if (args.includes('--reset')) fs.rmSync(clusterDir(), { recursive: true, force: true });
    process.stdout.write(s ? `stopped${args.includes('--reset') ? ' and deleted ' + clusterDir() : ` (data kept in ${clusterDir()}; --stop --reset deletes it)`}\n` : 'no cluster here\n');
    return;
  }
  const started = Date.now();
  const s = await startCluster((line) => process.stdout.write(`${line}\n`));
  const base = `http://127.0.0.1:${s.clusterPort}`;
  process.stdout.write(
    [
      `cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s (state in ${s.dir})`,
      `  GraphQL (HTTP and graphql-ws): ${base}/graphql`,
      `  dashboard:                     ${base}/dashboard`,
      `  instances:                     ${s.ports.api.map((p) => `http://127.0.0.1:${p}`).join(' ')}`,
      `  primary ${postgresUrl(s.ports.primary)}  replica ${postgresUrl(s.ports.replica)}  pgbouncer ${postgresUrl(s.ports.pgbouncer)}  redis redis://127.0.0.1:${s.ports.redis}`,
      `  admin token (7 days): ${adminToken(s)}`,
      `  status: npm run cluster -- --status    stop: npm run cluster -- --stop`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`cluster: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
