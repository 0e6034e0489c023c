import { request } from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { auditServer } from 'graphql-http';
import { Sql } from '../src/db/sql';
import { createFormatError } from '../src/errors';
import { startTestServer, type TestServer } from './helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const json = { 'content-type': 'application/json' };

async function post(url: string, body: string, headers: Record<string, string> = json) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown } };
}

describe('GraphQL over HTTP (graphql-http audit)', () => {
  it('passes every MUST and SHOULD, and as many MAY as before', async () => {
    const results = await auditServer({ url: server.url });
    const count = (level: string) => {
      const of = results.filter((r) => r.name.startsWith(`${level} `));
      return { ok: of.filter((r) => r.status === 'ok').length, total: of.length, failing: of.filter((r) => r.status !== 'ok').map((r) => r.name) };
    };
    expect(count('MUST')).toEqual({ ok: 13, total: 13, failing: [] });
    expect(count('SHOULD')).toEqual({ ok: 23, total: 23, failing: [] });
    // The three left are GETs without a preflight header, which Apollo's CSRF prevention refuses on purpose.
    expect(count('MAY').ok).toBeGreaterThanOrEqual(22);
  });
});

describe('every failure in GraphQL’s shape', () => {
  it.each([
    ['malformed JSON', '{"query": ', json, 400, 'BAD_REQUEST'],
    ['a body of 42', '42', json, 400, 'BAD_REQUEST'],
    ['a latin1 charset', '{"query":"{ idmYears { year } }"}', { 'content-type': 'application/json; charset=latin1' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['text/plain', '{"query":"{ idmYears { year } }"}', { 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['no content type', '{"query":"{ idmYears { year } }"}', {}, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['no query', '{"variables":{}}', json, 400, 'BAD_REQUEST'],
  ])('%s', async (_name, body, headers, status, code) => {
    const response = await post(server.url, body, headers as Record<string, string>);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.body.errors?.[0]?.message.length).toBeGreaterThan(10);
  });

  it('an oversized body: 413 PAYLOAD_TOO_LARGE', async () => {
    const own = await startTestServer({ MAX_BODY_BYTES: '2048' });
    try {
      const response = await post(own.url, JSON.stringify({ query: `{ idmYears { year } } # ${'x'.repeat(4096)}` }));
      expect(response.status).toBe(413);
      expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', max: 2048 });
    } finally {
      await own.stop();
    }
  });

  it('variables that are not of their types: BAD_USER_INPUT naming the variable (400 to graphql-response+json, 200 to legacy JSON)', async () => {
    for (const [query, variables, named] of [
      ['query($s: [IdmStatus!]) { villages(filter: { idmStatus: $s }, first: 1) { totalCount } }', { s: ['X'] }, '$s'],
      ['query($n: Int!) { villages(first: $n) { totalCount } }', { n: 'abc' }, '$n'],
      ['query($c: String!) { village(code: $c) { name } }', {}, '$c'],
    ] as const) {
      const { status, body } = await post(server.url, JSON.stringify({ query, variables }), { 'content-type': 'application/json', accept: 'application/graphql-response+json' });
      expect(status).toBe(400);
      expect((await post(server.url, JSON.stringify({ query, variables }), { 'content-type': 'application/json', accept: 'application/json' })).status).toBe(200);
      expect(body.data).toBeUndefined();
      expect(body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors![0]!.message).toContain(named);
    }
  });

  it('an unsupported method: 405 METHOD_NOT_ALLOWED with Allow', async () => {
    const response = await fetch(server.url, { method: 'PUT', headers: json, body: '{"query":"{ idmYears { year } }"}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('an unknown route under /graphql: 404 NOT_FOUND', async () => {
    for (const path of ['/graphql/nothing', '/graphql/assets/graphiql/missing.js', '/elsewhere']) {
      const response = await fetch(server.url.replace(/\/graphql$/, path));
      expect(response.status).toBe(404);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    }
  });

  it('no stack trace or file path in any answer, in development too', async () => {
    const dev = await startTestServer({ NODE_ENV: 'development' });
    try {
      const answers = await Promise.all([
        post(dev.url, '{"query": '),
        post(dev.url, '{"query":"{ idmYears { year } }"}', { 'content-type': 'application/json; charset=latin1' }),
        post(dev.url, '{"query":"{ province(code: 1) }"}'),
        post(dev.url, '{"query":"{ ...A } fragment A on Query { ...A }"}'),
      ]);
      for (const answer of answers) expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|\/src\/|node_modules|\.ts:\d|at .+\(/);
    } finally {
      await dev.stop();
    }
  });

  it('gives every response an x-request-id, keeping a sane one the caller sent', async () => {
    const fresh = await fetch(server.url, { method: 'POST', headers: json, body: '{"query":"{ idmYears { year } }"}' });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(server.url, { method: 'POST', headers: { ...json, 'x-request-id': 'dashboard-42' }, body: '{"query":"{ idmYears { year } }"}' });
    expect(kept.headers.get('x-request-id')).toBe('dashboard-42');
    const replaced = await fetch(server.url, { method: 'POST', headers: { ...json, 'x-request-id': 'no spaces <allowed>' }, body: '{"query":"{ idmYears { year } }"}' });
    expect(replaced.headers.get('x-request-id')).not.toBe('no spaces <allowed>');
  });
});

describe('CORS', () => {
  it('answers a preflight on /graphql itself, not the GraphiQL route', async () => {
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://dashboard.example.id', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type,authorization,apollo-require-preflight/);
    expect(response.headers.get('access-control-max-age')).toBe('86400');
  });

  it('narrows to CORS_ORIGINS', async () => {
    const own = await startTestServer({ CORS_ORIGINS: 'https://dashboard.example.id, https://peta.example.id' });
    try {
      const ask = (origin: string) => fetch(own.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect((await ask('https://peta.example.id')).headers.get('access-control-allow-origin')).toBe('https://peta.example.id');
      expect((await ask('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await own.stop();
    }
  });
});

describe('compression', () => {
  const big = JSON.stringify({ query: '{ province(code: "35") { kabupatens { code name kind villageCounts { desa kelurahan total } } } }' });

  it.each([
    ['gzip', (b: Buffer) => zlib.gunzipSync(b)],
    ['br', (b: Buffer) => zlib.brotliDecompressSync(b)],
  ])('sends responses above 1 KB as %s to clients that accept it', async (encoding, decompress) => {
    const body = await new Promise<{ headers: Record<string, unknown>; data: Buffer }>((resolve, reject) => {
      const req = request(server.url, { method: 'POST', headers: { ...json, 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: res.headers, data: Buffer.concat(chunks) }));
      });
      req.on('error', reject).end(big);
    });
    expect(body.headers['content-encoding']).toBe(encoding);
    const text = decompress(body.data).toString('utf8');
    expect(text.length).toBeGreaterThan(1024);
    expect(JSON.parse(text).data.province.kabupatens).toHaveLength(38);
  });

  it('leaves small responses alone', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { ...json, 'accept-encoding': 'gzip' }, body: '{"query":"{ idmYears { year } }"}' });
    expect(response.headers.get('content-encoding')).toBeNull();
  });
});

describe('rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    // Budget for four minimum-cost requests per window.
    limited = await startTestServer({ RATE_LIMIT_COST: '2000', RATE_LIMIT_WINDOW_S: '60' });
  });
  afterAll(() => limited?.stop());

  it('answers 429 RATE_LIMITED with Retry-After once an address spent its budget', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await fetch(limited.url, { method: 'POST', headers: json, body: '{"query":"{ idmYears { year } }"}' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last!.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
  });

  it('charges an operation its cost, and a failed authentication far more', async () => {
    const own = await startTestServer({ RATE_LIMIT_COST: '100000', RATE_LIMIT_WINDOW_S: '60' });
    try {
      const wrongToken = () =>
        fetch(own.url, { method: 'POST', headers: { ...json, authorization: 'Bearer wrong-token' }, body: '{"query":"mutation { createProgram(input: { slug: \\"x-x-x\\", name: \\"x\\", agency: \\"x\\", year: 2030 }) { id } }"}' });
      const first = await wrongToken();
      expect(((await first.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      let attempts = 1;
      while ((await wrongToken()).status !== 429) attempts += 1;
      // 100,000 units at 25,500 per failure: the fifth guess is refused, where reads would get 200.
      expect(attempts).toBe(4);
    } finally {
      await own.stop();
    }
  });

  it('counts X-Forwarded-For only when TRUST_PROXY says so', async () => {
    const send = (url: string, forwardedFor: string) => fetch(url, { method: 'POST', headers: { ...json, 'x-forwarded-for': forwardedFor }, body: '{"query":"{ idmYears { year } }"}' });
    // Untrusted: every forged address still counts against 127.0.0.1, which spent its budget above.
    expect((await send(limited.url, '203.0.113.7')).status).toBe(429);
    const proxied = await startTestServer({ RATE_LIMIT_COST: '2000', RATE_LIMIT_WINDOW_S: '60', TRUST_PROXY: 'loopback' });
    try {
      for (let i = 0; i < 4; i++) expect((await send(proxied.url, '203.0.113.7')).status).toBe(200);
      expect((await send(proxied.url, '203.0.113.7')).status).toBe(429);
      expect((await send(proxied.url, '203.0.113.8')).status).toBe(200);
    } finally {
      await proxied.stop();
    }
  });
});

describe('statement timeout', () => {
  it('stops a read past STATEMENT_TIMEOUT_MS, and the error answers TIMEOUT; writes in a transaction are exempt', async () => {
    const sql = new Sql(process.env.DESA_TEST_DATABASE_URL!, { max: 1, statementTimeoutMs: 50 });
    try {
      const timedOut = await sql.query('select pg_sleep(0.5)').catch((error: unknown) => error);
      expect((timedOut as { code?: string }).code).toBe('57014');
      const formatted = createFormatError()({ message: 'canceling statement due to statement timeout', path: ['villages'] }, timedOut);
      expect(formatted.extensions).toEqual({ code: 'TIMEOUT' });
      expect(formatted.message).toMatch(/took too long/);
      await expect(sql.transaction((client) => client.query('select pg_sleep(0.1)'))).resolves.toBeDefined();
      // The exemption ends with the transaction: the connection goes back to the pool with the timeout.
      expect(await sql.query<{ statement_timeout: string }>('show statement_timeout')).toEqual([{ statement_timeout: '50ms' }]);
    } finally {
      await sql.end();
    }
  });
});

describe('production switches', () => {
  it('turns introspection and GraphiQL off', async () => {
    const own = await startTestServer({ INTROSPECTION: '0', GRAPHIQL: '0' });
    try {
      const introspection = await own.raw('{ __schema { types { name } } }');
      expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const page = await fetch(own.url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).not.toMatch(/html/);
      expect((await own.raw('{ idmYears { year } }')).errors).toBeUndefined();
    } finally {
      await own.stop();
    }
  });
});

describe('/metrics and /readyz', () => {
  it('serves Prometheus metrics: operations by name and outcome, refusals by limit, SQL per operation, sockets, pools, change-log lag', async () => {
    await post(server.url, JSON.stringify({ query: 'query Years { idmYears { year } }' }));
    await post(server.url, JSON.stringify({ query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: idmYears { year }`).join(' ')} }` }));
    const response = await fetch(server.url.replace(/\/graphql$/, '/metrics'));
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/graphql_operations_total\{operation="Years",transport="http",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/graphql_refused_total\{limit="aliases"\} [1-9]/);
    expect(text).toMatch(/graphql_sql_statements_per_operation_count [1-9]/);
    expect(text).toMatch(/graphql_operation_duration_seconds_bucket\{le="0\.1",transport="http"\}/);
    for (const name of ['graphql_ws_sockets_open', 'graphql_ws_operations_open', 'live_events_delivered_total', 'live_change_log_lag 0']) expect(text).toContain(name);
    expect(text).toMatch(/db_pool_connections\{pool="read",state="waiting"\} \d+/);
  });

  it('/readyz fails while PostgreSQL is unreachable and recovers by itself', async () => {
    const target = new URL(process.env.DESA_TEST_DATABASE_URL!);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.listen();
    const viaProxy = new URL(target.toString());
    viaProxy.port = String(port);
    const own = await startTestServer({ DATABASE_URL: viaProxy.toString() });
    const readyz = own.url.replace(/\/graphql$/, '/readyz');
    try {
      expect((await fetch(readyz)).status).toBe(200);
      await proxy.cut();
      expect((await fetch(readyz)).status).toBe(503);
      const failed = await own.raw('{ province(code: "64") { name } }');
      expect(failed.errors?.[0]?.extensions).toEqual({ code: 'UNAVAILABLE', retryable: true });
      proxy.resume();
      expect((await fetch(readyz)).status).toBe(200);
    } finally {
      await own.stop();
      await proxy.close();
    }
  });
});

/** A TCP relay to PostgreSQL that a test can cut (all connections dropped, new ones refused) and resume. */
class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  private cutOff = false;

  constructor(host: string, port: number) {
    this.server = net.createServer((client) => {
      if (this.cutOff) return client.destroy();
      const upstream = net.connect(port, host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s)).on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as net.AddressInfo).port)));
  }

  async cut(): Promise<void> {
    this.cutOff = true;
    for (const s of this.sockets) s.destroy();
  }

  resume(): void {
    this.cutOff = false;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

