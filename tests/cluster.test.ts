import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PG_BIN, postgresUrl, startPgbouncer, startPrimary, startReplica, stopPgbouncer, stopPostgres, type ClusterState } from '../bench/cluster';
import { freePort } from '../bench/support';
import { lastYear } from '../src/idm/idm.rules';
import { mintTestToken, startTestServer, type TestServer } from './helpers/server';
import { Role } from '../src/auth/viewer';

/**
 * The consistency rules of README § "Replicas and consistency", against a real primary and a
 * streaming replica of its own (initdb + pg_basebackup -R from PostgreSQL 15's binaries, in a
 * temporary folder), with PgBouncer in transaction mode in front of the primary when it is
 * installed. Replay on the replica is paused (pg_wal_replay_pause) to make it lag on demand.
 */
const haveBinaries = fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_basebackup'));
const havePgbouncer = spawnSync('sh', ['-c', 'command -v pgbouncer']).status === 0;
const haveRedis = spawnSync('redis-cli', ['-h', '127.0.0.1', 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
const skipReason = !haveBinaries ? `PostgreSQL server binaries not found in ${PG_BIN} (apt-get install postgresql-15)` : !haveRedis ? 'no Redis on 127.0.0.1:6379' : undefined;
if (skipReason) process.stderr.write(`tests/cluster.test.ts skipped: ${skipReason}\n`);
const maybe = skipReason ? describe.skip : describe;

jest.setTimeout(240_000);

const YEAR = lastYear();

maybe('a primary, a streaming replica and PgBouncer', () => {
  let state: ClusterState;
  let primary: pg.Client;
  let replica: pg.Client;
  /** Two instances that trust the replica for a minute of lag, sharing writers' positions through Redis. */
  let a: TestServer;
  let b: TestServer;
  /** An instance that passes the replica over once it is 300 ms behind. */
  let strict: TestServer;
  let village: string;
  let token: string;
  const subject = `cluster-test-${process.pid}-${Date.now().toString(36)}`;
  let score = 0.5;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-cluster-test-'));
    fs.chmodSync(dir, 0o755);
    state = {
      dir,
      clusterPort: 0,
      ports: { primary: await freePort(), replica: await freePort(), pgbouncer: await freePort(), redis: 0, api: [] },
      tokenSecret: '',
      apiPids: [],
    };
    await startPrimary(state);
    // The replica copies the empty database; the migrations and the register reach it by streaming.
    await startReplica(state);
    if (havePgbouncer) await startPgbouncer(state);
    const env = {
      DATABASE_URL: postgresUrl(state.ports.primary),
      DATABASE_READ_URL: postgresUrl(state.ports.replica),
      ...(havePgbouncer ? { DATABASE_POOL_URL: postgresUrl(state.ports.pgbouncer) } : {}),
      RESPONSE_CACHE: '1',
    };
    a = await startTestServer({ ...env, REDIS_URL: 'redis://127.0.0.1:6379', READ_REPLICA_MAX_LAG_MS: '60000' });
    b = await startTestServer({ ...env, REDIS_URL: 'redis://127.0.0.1:6379', READ_REPLICA_MAX_LAG_MS: '60000' });
    strict = await startTestServer({ ...env, READ_REPLICA_MAX_LAG_MS: '300' });
    primary = new pg.Client({ connectionString: postgresUrl(state.ports.primary) });
    replica = new pg.Client({ connectionString: postgresUrl(state.ports.replica) });
    // The replica is stopped on purpose below: its end is not an error of the test.
    replica.on('error', () => undefined);
    await primary.connect();
    await replica.connect();
    village = (await primary.query<{ code: string }>(`select code from village where kind <> 'KELURAHAN' order by code limit 1`)).rows[0]!.code;
    token = (await mintTestToken({ role: Role.ADMIN, subject })).token;
    // The replica has replayed the migrations and the register before anything is asserted.
    await waitForReplay();
  });

  afterAll(async () => {
    await replica?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await Promise.all([a?.stop(), b?.stop(), strict?.stop()]);
    await Promise.all([primary?.end(), replica?.end()]);
    if (state) {
      if (havePgbouncer) await stopPgbouncer(state);
      stopPostgres(state, 'replica', 'immediate');
      stopPostgres(state, 'primary', 'immediate');
      fs.rmSync(state.dir, { recursive: true, force: true });
    }
  });

  async function waitForReplay(): Promise<void> {
    const { rows } = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    for (;;) {
      const r = await replica.query<{ done: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [rows[0]!.lsn]);
      if (r.rows[0]!.done) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function write(server: TestServer): Promise<{ lsn: string | null; score: number }> {
    score = Math.round((score + 0.013) * 1000) % 1000 / 1000 || 0.5;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($i: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $i) { changes } }',
        variables: { i: [{ villageCode: village, year: YEAR, iks: score, ike: score, ikl: score, score }] },
      }),
    });
    const body = (await response.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    return { lsn: response.headers.get('x-desa-lsn'), score };
  }

  const SCORE_QUERY = 'query($code: String!, $year: Int!) { village(code: $code) { idm(year: $year) { score } } }';

  async function readScore(server: TestServer, headers: Record<string, string> = {}): Promise<{ score: number | null; cache?: unknown }> {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: SCORE_QUERY, variables: { code: village, year: YEAR } }) });
    const body = (await response.json()) as { data?: { village: { idm: { score: number } | null } }; errors?: unknown; extensions?: { cache?: unknown } };
    expect(body.errors).toBeUndefined();
    return { score: body.data!.village.idm?.score ?? null, cache: body.extensions?.cache };
  }

  it('serves anonymous reads from the replica, and a writer its own write through any instance', async () => {
    const before = await write(a);
    await waitForReplay();
    await replica.query('select pg_wal_replay_pause()');
    try {
      const after = await write(a);
      expect(after.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      // The replica has not replayed it: an anonymous reader, who wrote nothing, is served from it.
      expect((await readScore(b)).score).toBe(before.score);
      // The writer sees its write on the other instance too (its position came through Redis)...
      expect((await readScore(b, { authorization: `Bearer ${token}` })).score).toBe(after.score);
      // ...and any client that sends the position back, on an instance that knows nothing of it.
      expect((await readScore(strict, { 'x-desa-lsn': after.lsn! })).score).toBe(after.score);
    } finally {
      await replica.query('select pg_wal_replay_resume()');
    }
  });

  it('never serves a cached answer older than a committed write, and passes a lagging replica over', async () => {
    await write(strict);
    await waitForReplay();
    const first = await readScore(strict);
    expect((await readScore(strict)).cache).toBe('HIT');
    await replica.query('select pg_wal_replay_pause()');
    try {
      const written = await write(a);
      // The primary's data version moved: the kept answer is not served, whatever the replica says.
      const next = await readScore(strict);
      expect(next.cache).not.toBe('HIT');
      expect([first.score, written.score]).toContain(next.score);
      // Once the replica is 300 ms behind, reads go to the primary, and /readyz says why.
      const base = strict.url.replace(/\/graphql$/, '');
      for (;;) {
        const ready = (await (await fetch(`${base}/readyz`)).json()) as { status: string; replica?: { replica: string } };
        expect(ready.status).toBe('ready');
        if (ready.replica?.replica === 'lagging') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await readScore(strict)).score).toBe(written.score);
    } finally {
      await replica.query('select pg_wal_replay_resume()');
    }
  });

  it('answers idmChangeCursor from the same snapshot as the data read beside it', async () => {
    let writing = true;
    const writer = (async () => {
      while (writing) await write(a);
    })();
    const query = 'query($code: String!, $year: Int!) { idmChangeCursor village(code: $code) { idm(year: $year) { score } } }';
    const answers: { cursor: string; score: number | null }[] = [];
    try {
      // Many at once: the pool hands each operation's statements their connections at different
      // moments, so without one snapshot a write lands between the cursor and the data.
      for (let round = 0; round < 4; round++) {
        const batch = await Promise.all(
          Array.from({ length: 30 }, async () => {
            // With a token: computed each time, never a cached answer.
            const response = await fetch(a.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { code: village, year: YEAR } }) });
            const body = (await response.json()) as { data: { idmChangeCursor: string; village: { idm: { score: number } | null } } };
            return { cursor: body.data.idmChangeCursor, score: body.data.village.idm?.score ?? null };
          }),
        );
        answers.push(...batch);
      }
    } finally {
      writing = false;
      await writer;
    }
    // Only this village changes: the newest change at or before the cursor is the score the data shows.
    for (const { cursor, score: shown } of answers) {
      const id = Buffer.from(cursor, 'base64url').toString('utf8').split(':').pop()!;
      const { rows } = await primary.query<{ score: number }>('select score from idm_change where id <= $1::bigint and village_code = $2 and year = $3 order by id desc limit 1', [id, village, YEAR]);
      expect(rows[0]?.score ?? null).toBe(shown);
    }
  });

  it('reads from the primary while the replica is down, and says so in /readyz', async () => {
    stopPostgres(state, 'replica', 'immediate');
    try {
      const written = await write(a);
      expect((await readScore(b)).score).toBe(written.score);
      const ready = (await (await fetch(b.url.replace(/\/graphql$/, '/readyz'))).json()) as { status: string; replica: { replica: string } };
      expect(ready).toMatchObject({ status: 'ready', replica: { replica: 'down' } });
    } finally {
      await startReplica(state);
      await replica.end().catch(() => undefined);
      replica = new pg.Client({ connectionString: postgresUrl(state.ports.replica) });
      replica.on('error', () => undefined);
      await replica.connect();
    }
  });

  it('answers coded errors, never internal ones, when its connections are cut mid-transaction and mid-snapshot, and keeps serving', async () => {
    await waitForReplay();
    const heavy = '{ idmChangeCursor provinces { kabupatens { villages(first: 5) { edges { node { code idm { score } } } } } } }';
    const post = async (body: unknown, auth?: string) => {
      const response = await fetch(a.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify(body) });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    };
    const inFlight = [
      ...Array.from({ length: 4 }, () => post({ query: heavy })),
      ...[0.61, 0.62, 0.63, 0.64].map((v) =>
        post({ query: 'mutation($i: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $i) { changes } }', variables: { i: [{ villageCode: village, year: YEAR, iks: v, ike: v, ikl: v, score: v }] } }, token),
      ),
    ];
    // Every server connection of the instances, on both servers, while those run.
    const cut = "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where pid <> pg_backend_pid() and backend_type = 'client backend' and datname = 'desa'";
    const [{ rows: onPrimary }, { rows: onReplica }] = await Promise.all([primary.query<{ n: number }>(cut), replica.query<{ n: number }>(cut)]);
    expect(onPrimary[0]!.n + onReplica[0]!.n).toBeGreaterThan(0);
    for (const answer of await Promise.all(inFlight)) {
      // Coded, never INTERNAL_SERVER_ERROR: UNAVAILABLE for a cut connection (TIMEOUT when a loaded machine made a read run past 5 s).
      for (const e of answer.errors ?? []) expect(['UNAVAILABLE', 'TIMEOUT']).toContain(e.extensions?.code);
      if (!answer.errors) expect(answer.data).toBeTruthy();
    }
    // Still serving (an unhandled 'error' from a checked-out client would have ended the process).
    expect((await readScore(a, { authorization: `Bearer ${token}` })).score).toEqual(expect.any(Number));
  });

  it('runs reads and writes through PgBouncer in transaction mode, with no named prepared statement left behind', async () => {
    if (!havePgbouncer) return void process.stderr.write('pgbouncer not installed: the pooled path is not exercised\n');
    const admin = new pg.Client({ connectionString: postgresUrl(state.ports.pgbouncer, 'pgbouncer') });
    await admin.connect();
    const served = async () => {
      const { rows } = await admin.query<{ database: string; total_query_count: string }>('show stats');
      return Number(rows.find((r) => r.database === 'desa')?.total_query_count ?? 0);
    };
    try {
      await waitForReplay();
      await replica.query('select pg_wal_replay_pause()');
      await write(strict);
      // Lagging: every read of this instance goes to the primary, through PgBouncer.
      for (;;) {
        const ready = (await (await fetch(strict.url.replace(/\/graphql$/, '/readyz'))).json()) as { replica?: { replica: string } };
        if (ready.replica?.replica === 'lagging') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const before = await served();
      // Far more statements at once than PgBouncer's 20 server connections, reads and writes mixed.
      const reads = Array.from({ length: 60 }, () => readScore(strict));
      const writes = Array.from({ length: 5 }, () => write(strict));
      const results = await Promise.all([...reads, ...writes]);
      expect(results).toHaveLength(65);
      expect((await served()) - before).toBeGreaterThanOrEqual(60);
    } finally {
      await replica.query('select pg_wal_replay_resume()');
      await admin.end();
    }
  });
});
