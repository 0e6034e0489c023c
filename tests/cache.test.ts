import http from 'node:http';
import pg from 'pg';
import { startTestServer, testAdminToken, type TestServer } from './helpers/server';

/**
 * The response cache serves repeated anonymous queries without executing them, and never serves an
 * answer older than a write: whichever instance, command or SQL session made it.
 */

let a: TestServer;
let b: TestServer;
const VILLAGE = '11.01.01.2001';
const QUERY = `query Desa($code: String!) { village(code: $code) { code name idm(year: 2018) { score } } }`;

beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer();
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

function record(server: TestServer, score: number) {
  return server.raw('mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { changes } }', {
    input: [{ villageCode: VILLAGE, year: 2018, iks: score, ike: score, ikl: score, score }],
  });
}

const anonymous = { token: null };

describe('the response cache', () => {
  it('answers a repeated anonymous query from the cache, whatever its layout and variable order', async () => {
    const first = await a.raw(QUERY, { code: VILLAGE }, anonymous);
    expect(first.extensions).toMatchObject({ cache: 'MISS', sql: { statements: 1 } });
    const again = await a.raw(QUERY, { code: VILLAGE }, anonymous);
    expect(again.extensions).toMatchObject({ cache: 'HIT', sql: { statements: 0 } });
    expect(again.data).toEqual(first.data);
    const relaidOut = await a.raw(`# the same, written otherwise\nquery Desa($code: String!) {\n  village(code: $code) {\n    code\n    name\n    idm(year: 2018) { score }\n  }\n}`, { code: VILLAGE }, anonymous);
    expect(relaidOut.extensions?.cache).toBe('HIT');
    const two = '{ a: village(code: $x) { name } b: village(code: $y) { name } }';
    await a.raw(`query($x: String!, $y: String!) ${two}`, { x: VILLAGE, y: '11.01.01.2002' }, anonymous);
    expect((await a.raw(`query($x: String!, $y: String!) ${two}`, { y: '11.01.01.2002', x: VILLAGE }, anonymous)).extensions?.cache).toBe('HIT');
  });

  it('answers a hit with what every answer carries: request id, CORS headers, compression when asked', async () => {
    const body = JSON.stringify({ query: '{ province(code: "35") { kabupatens { code name kind } } }' });
    const ask = (headers: Record<string, string> = {}) =>
      fetch(a.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://dashboard.example.id', ...headers }, body });
    const miss = await ask();
    const missBody = await miss.json();
    const hit = await ask({ 'x-request-id': 'dashboard-7' });
    expect(((await hit.json()) as { extensions: { cache: string } }).extensions.cache).toBe('HIT');
    expect(hit.headers.get('x-request-id')).toBe('dashboard-7');
    expect(hit.headers.get('access-control-allow-origin')).toBe(miss.headers.get('access-control-allow-origin'));
    expect(hit.headers.get('content-type')).toBe(miss.headers.get('content-type'));
    // fetch decompresses: the same data arrives, gzipped on the wire.
    const zipped = await ask({ 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(((await zipped.json()) as { data: unknown }).data).toEqual((missBody as { data: unknown }).data);
  });

  it('never serves an answer older than a write made through another instance', async () => {
    expect((await record(b, 0.61)).errors).toBeUndefined();
    const before = await a.raw(QUERY, { code: VILLAGE }, anonymous);
    expect(before.data).toMatchObject({ village: { idm: { score: 0.61 } } });
    expect((await a.raw(QUERY, { code: VILLAGE }, anonymous)).extensions?.cache).toBe('HIT');
    expect((await record(b, 0.73)).errors).toBeUndefined();
    const after = await a.raw(QUERY, { code: VILLAGE }, anonymous);
    expect(after.extensions?.cache).toBe('MISS');
    expect(after.data).toMatchObject({ village: { idm: { score: 0.73 } } });
  });

  it('never serves an answer older than a write made in SQL, outside the API', async () => {
    const query = '{ province(code: "11") { name } }';
    expect((await a.raw(query, undefined, anonymous)).data).toEqual({ province: { name: 'Aceh' } });
    const client = new pg.Client({ connectionString: process.env.DESA_TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`update province set name = 'Aceh (renamed)' where code = '11'`);
      expect((await a.raw(query, undefined, anonymous)).data).toEqual({ province: { name: 'Aceh (renamed)' } });
    } finally {
      await client.query(`update province set name = 'Aceh' where code = '11'`);
      await client.end();
    }
    expect((await a.raw(query, undefined, anonymous)).data).toEqual({ province: { name: 'Aceh' } });
  });

  it('leaves authenticated requests, mutations and failed answers alone', async () => {
    const token = await testAdminToken();
    await a.raw(QUERY, { code: VILLAGE }, { token });
    expect((await a.raw(QUERY, { code: VILLAGE }, { token })).extensions?.cache).toBeUndefined();
    expect((await record(a, 0.74)).extensions?.cache).toBeUndefined();
    const bad = '{ province(code: "6x") { name } }';
    await a.raw(bad, undefined, anonymous);
    const again = await a.raw(bad, undefined, anonymous);
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.extensions?.cache).toBe('MISS');
  });

  it('answers a request over 64 KB without keying it (a 10 MB variable would cost more to key than it saves)', async () => {
    const document = (comment: string) => `query Desa($code: String!) { village(code: $code) { code name } } # ${comment}`;
    const big = document('x'.repeat(100 * 1024));
    const first = await a.raw(big, { code: VILLAGE }, anonymous);
    expect(first.data).toEqual({ village: { code: VILLAGE, name: expect.any(String) } });
    const again = await a.raw(big, { code: VILLAGE }, anonymous);
    expect(again.data).toEqual(first.data);
    expect(again.extensions?.cache).toBeUndefined();
    expect(again.extensions?.sql).toMatchObject({ statements: 1 });
    // The same document with a short comment is cached as before.
    await a.raw(document('short'), { code: VILLAGE }, anonymous);
    expect((await a.raw(document('short'), { code: VILLAGE }, anonymous)).extensions?.cache).toBe('HIT');
  });

  it('answers a body of unknown size (chunked, no Content-Length) without keying it', async () => {
    const chunked = (): Promise<{ data?: unknown; extensions?: Record<string, unknown> }> =>
      new Promise((resolve, reject) => {
        const req = http.request(a.url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        });
        req.on('error', reject);
        // Two writes and no Content-Length: node sends the body chunked.
        const body = JSON.stringify({ query: `query Chunked($code: String!) { village(code: $code) { code } }`, variables: { code: VILLAGE } });
        req.write(body.slice(0, 20));
        req.end(body.slice(20));
      });
    const first = await chunked();
    expect(first.data).toEqual({ village: { code: VILLAGE } });
    const again = await chunked();
    expect(again.data).toEqual(first.data);
    expect(again.extensions?.cache).toBeUndefined();
  });

  it('stays within its memory bound, dropping the least recently used answers', async () => {
    const small = await startTestServer({ RESPONSE_CACHE_MAX_MB: '1', MAX_QUERY_COST: '10000000' });
    try {
      const codes = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53', '61'];
      for (const code of codes) {
        const answer = await small.raw('query($code: String!) { province(code: $code) { kabupatens { districts { code name villages(first: 100) { edges { node { code name } } } } } } }', { code }, anonymous);
        expect(answer.errors).toBeUndefined();
      }
      expect(small.responseCache!.size.bytes).toBeLessThanOrEqual(1024 * 1024);
      expect(small.responseCache!.size.entries).toBeGreaterThan(0);
      expect(small.responseCache!.size.entries).toBeLessThan(codes.length);
    } finally {
      await small.stop();
    }
  });

  it('is told of writes to every table queries read (a new table needs its trigger)', async () => {
    const client = new pg.Client({ connectionString: process.env.DESA_TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ table: string }>(
        `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r'
           and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_bumps_data_version')
         order by 1`,
      );
      // Tables no anonymous answer reads (revoked tokens matter to authenticated requests, never cached).
      expect(rows.map((r) => r.table)).toEqual(['data_version', 'mikro_orm_migrations', 'revoked_token']);
    } finally {
      await client.end();
    }
  });

  it('can be switched off', async () => {
    const off = await startTestServer({ RESPONSE_CACHE: '0' });
    try {
      await off.raw(QUERY, { code: VILLAGE }, anonymous);
      expect((await off.raw(QUERY, { code: VILLAGE }, anonymous)).extensions?.cache).toBeUndefined();
    } finally {
      await off.stop();
    }
  });
});
