import { getIntrospectionQuery } from 'graphql';
import { createSchema } from '../src/schema';
import { loadConfig } from '../src/config';
import { Sql } from '../src/db/sql';
import { OperationLimiter } from '../src/limits/operation-limits';
import { LIST_BOUNDS } from '../src/limits/query-cost';
import { CLOSE_POLICY_VIOLATION, CLOSE_TRY_AGAIN_LATER } from '../src/ws/graphql-ws.options';
import { DASHBOARD_QUERIES, readmeExamples, webDashboardQueries } from './helpers/dashboard-queries';
import { RawSocket } from './helpers/raw-socket';
import { startTestServer, type TestServer } from './helpers/server';

/** Each spreads the next twice: exponential for a walker that does not remember fragments. */
function fragmentBomb(levels: number, leaf: string): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `query Bomb { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { ${leaf} }`;
}

const NESTED_500 = '{ provinces { kabupatens { districts { villages(first: 500) { edges { node { name idm { score status } } } } } } } }';
const CYCLE = 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('default limits', () => {
  const defaults = loadConfig({ NODE_ENV: 'test' }).limits;
  let limiter: OperationLimiter;
  let schema: Awaited<ReturnType<typeof createSchema>>;
  beforeAll(async () => {
    schema = await createSchema();
    limiter = new OperationLimiter(schema, defaults, { introspection: true });
  });

  it.each([...readmeExamples(), ...DASHBOARD_QUERIES, ...webDashboardQueries()].map((q) => [q.name, q] as const))('let through %s', async (_name, q) => {
    const document = limiter.parse(q.query);
    expect(limiter.validate(schema, document)).toEqual([]);
    const { cost, error } = limiter.cost(document, undefined, q.variables);
    expect(error).toBeUndefined();
    expect(cost).toBeLessThanOrEqual(defaults.maxCost);
    if (/^\s*(query\b|\{)/.test(q.query)) {
      const response = await server.raw(q.query, q.variables);
      expect(response.errors).toBeUndefined();
    }
  });

  it("let through GraphiQL's introspection query", async () => {
    const response = await server.raw(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(response.errors).toBeUndefined();
  });
});

describe('list bounds', () => {
  it('hold for the register: no province, kabupaten or program has more than the cost rule counts', async () => {
    const sql = new Sql(process.env.DESA_TEST_DATABASE_URL!, { max: 1 });
    try {
      const [maxima] = await sql.query<Record<string, number>>(`select
        (select count(*) from province)::int as provinces,
        (select max(n) from (select count(*) as n from kabupaten group by province_code) k)::int as kabupatens,
        (select max(n) from (select count(*) as n from district group by kabupaten_code) d)::int as districts,
        (select count(*) from kabupaten)::int as loci`);
      expect(maxima!.provinces).toBeLessThanOrEqual(LIST_BOUNDS['Query.provinces']!);
      expect(maxima!.kabupatens).toBeLessThanOrEqual(LIST_BOUNDS['Province.kabupatens']!);
      expect(maxima!.districts).toBeLessThanOrEqual(LIST_BOUNDS['Kabupaten.districts']!);
      expect(maxima!.loci).toBeLessThanOrEqual(LIST_BOUNDS['Program.loci']!);
    } finally {
      await sql.end();
    }
  });
});

describe('operation limits over HTTP', () => {
  it('refuses provinces → kabupatens → districts → villages(first: 500) by cost, before any SQL, saying how to ask for less', async () => {
    const response = await server.raw(NESTED_500);
    expect(response.data).toBeUndefined();
    const error = response.errors![0]!;
    expect(error.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: 200_000, actual: 38 * (1 + 38 * (1 + 51 * (1 + 1 + 500 * 3))) });
    expect(error.message).toMatch(/may return up to 110,614,770 objects, over the limit of 200,000 \(MAX_QUERY_COST\)\. Ask for smaller pages \(first\)/);
    expect(response.extensions?.sql).toEqual({ statements: 0, ms: 0 });
  });

  it('counts the page size a variable asks for, and the default page of 50 when none is given', async () => {
    const query = 'query($n: Int) { provinces { kabupatens { villages(first: $n) { edges { node { code } } } } } }';
    expect((await server.raw(query, { n: 10 })).errors).toBeUndefined();
    expect((await server.raw(query, { n: 100 })).errors?.[0]?.extensions).toMatchObject({ limit: 'cost', actual: 38 + 38 * 38 * (1 + 1 + 100 * 2) });
    expect((await server.raw(query)).errors).toBeUndefined();
  });

  it('answers a fragment bomb in linear time: 40 levels of double spreads are measured, not walked 2^40 times', async () => {
    const bomb = await server.raw(fragmentBomb(40, 'provinces { name }'));
    expect(bomb.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fields' });
    // Leaves cost no objects, but compiling 2^40 of them would hold the server: refused all the same.
    const leaves = await server.raw(fragmentBomb(40, '__typename'));
    expect(leaves.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fields', max: 1000, actual: 2 ** 40 });
    expect(leaves.data).toBeUndefined();
  });

  it('refuses too many aliases and directives with the limit named', async () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: idmYears { year }`).join(' ')} }`;
    expect((await server.raw(aliases)).errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', max: 30, actual: 31 });
    const directives = `{ ${Array.from({ length: 21 }, () => 'idmYears @include(if: true) { year }').join(' ')} }`;
    expect((await server.raw(directives)).errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives', max: 20 });
  });

  it('stops parsing past MAX_TOKENS: 5,000 aliased village counts never reach validation', async () => {
    const query = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: villages(first: 1, filter: { idmYear: 2024, minScore: 0.${i} }) { totalCount }`).join(' ')} }`;
    const response = await server.raw(query);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/more that 3000 tokens/);
  });

  it('answers a fragment cycle as a validation failure, not an internal error', async () => {
    const response = await server.raw(CYCLE);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('refuses a search longer than 100 characters before any SQL', async () => {
    const response = await server.raw('query($s: String!) { villages(filter: { search: $s }) { totalCount } }', { s: 'a'.repeat(10 * 1024 * 1024) });
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter.search', max: 100 });
    expect(response.extensions?.sql?.statements).toBe(0);
  });
});

describe('the same limits over WebSocket, one operation at a time', () => {
  it('answers a fragment cycle, a syntax error, a cost refusal and a bomb with an error for that operation; the socket and its subscription live on', async () => {
    const socket = await RawSocket.open(server.url);
    try {
      socket.subscribe('live', 'subscription { idmSummaryUpdated(scope: { provinceCode: "64" }, year: 2024) { assessed } }');
      await socket.next((m) => m.id === 'live' && m.type === 'next');
      socket.subscribe('cycle', CYCLE);
      socket.subscribe('syntax', '{ provinces { ');
      socket.subscribe('cost', NESTED_500);
      socket.subscribe('bomb', fragmentBomb(40, 'provinces { name }'));
      const codes = await Promise.all(['cycle', 'syntax', 'cost', 'bomb'].map(async (id) => {
        const end = await socket.end(id);
        expect(end.type).toBe('error');
        return (end.payload as { extensions: { code: string; limit?: string } }[])[0]!.extensions;
      }));
      expect(codes).toEqual([
        { code: 'GRAPHQL_VALIDATION_FAILED' },
        { code: 'GRAPHQL_PARSE_FAILED' },
        expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' }),
        expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fields' }),
      ]);
      socket.subscribe('after', '{ province(code: "64") { name } }');
      expect((await socket.next((m) => m.id === 'after' && m.type === 'next')).payload).toEqual({ data: { province: { name: 'Kalimantan Timur' } } });
      expect(socket.open).toBe(true);
      expect(socket.messages.some((m) => m.id === 'live' && (m.type === 'error' || m.type === 'complete'))).toBe(false);
    } finally {
      socket.close();
    }
  });
});

/**
 * Bombs that cost no objects: their leaves are scalars, so only the size of their expansion can
 * refuse them. Each test sends fragments under names never sent before, to a server started for
 * this block, so no cache of parsed or compiled operations can make a refusal look fast.
 */
describe('the expanded size of a document (MAX_FIELDS)', () => {
  let fresh: TestServer;
  beforeAll(async () => {
    fresh = await startTestServer();
  });
  afterAll(() => fresh?.stop());

  let generation = 0;
  /** `levels` fragments on Village, each spreading the next twice; `body(i, next)` writes fragment i. */
  function villageBomb(levels: number, body: (name: string, next: string) => string, leaf = 'name'): string {
    const prefix = `G${Date.now().toString(36)}_${++generation}_`;
    const fragments = Array.from({ length: levels - 1 }, (_, i) => `fragment ${prefix}${i} on Village { ${body(`${prefix}${i}`, `${prefix}${i + 1}`)} }`);
    return `query { village(code: "64.02.08.2005") { ...${prefix}0 } } ${fragments.join(' ')} fragment ${prefix}${levels - 1} on Village { ${leaf} }`;
  }
  /** Fields of fragment 0 when each level adds `own` fields and spreads the next twice, the last holding one. */
  const expanded = (levels: number, own: number) => Array.from({ length: levels - 1 }).reduce<number>((inner) => own + 2 * inner, 1);

  it.each([
    ['scalar leaves', (_: string, next: string) => `code ...${next} ...${next}`, 1],
    ['__typename leaves', (_: string, next: string) => `__typename ...${next} ...${next}`, 1],
    ['directives on the spreads', (_: string, next: string) => `code ...${next} @include(if: true) ...${next} @skip(if: false)`, 1],
    ['inline fragments inside named ones', (_: string, next: string) => `... on Village { code ...${next} } ... on Village { ...${next} }`, 1],
    ['an alias in every fragment', (name: string, next: string) => `a${name}: code ...${next} ...${next}`, 1],
  ])('refuses 28 levels of %s before compiling them', async (_shape, body, own) => {
    const response = await fresh.raw(villageBomb(28, body));
    // The field bound is the first rule; depth, alias and directive limits may refuse it too.
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fields', max: 1000, actual: 1 + expanded(28, own) });
    expect(response.errors?.[0]?.message).toMatch(/selects 268,435,456 fields once its fragments are expanded.*MAX_FIELDS/);
    expect(response.extensions?.sql?.statements ?? 0).toBe(0);
  });

  it('lets through a document just under the limit, and answers it', async () => {
    // 9 levels expand to 2^9 − 1 = 511 fields under the village: within 1,000.
    const response = await fresh.raw(villageBomb(9, (_name, next) => `code ...${next} ...${next}`));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ village: { code: '64.02.08.2005', name: expect.any(String) } });
  });

  it('holds over WebSocket too, for the operation alone', async () => {
    const socket = await RawSocket.open(fresh.url);
    try {
      socket.subscribe('bomb', villageBomb(28, (_name, next) => `code ...${next} ...${next}`));
      const end = await socket.end('bomb');
      expect(end.type).toBe('error');
      expect((end.payload as { extensions: unknown }[])[0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fields', max: 1000, actual: 2 ** 28 });
      socket.subscribe('after', '{ province(code: "64") { name } }');
      expect((await socket.next((m) => m.id === 'after' && m.type === 'next')).payload).toEqual({ data: { province: { name: 'Kalimantan Timur' } } });
    } finally {
      socket.close();
    }
  });
});

describe('WebSocket limits', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ WS_MAX_PAYLOAD_BYTES: '65536', WS_MAX_SUBSCRIPTIONS: '3', WS_MAX_SOCKETS_PER_ADDRESS: '2' });
  });
  afterAll(() => small?.stop());

  it('closes a socket that sends a frame over WS_MAX_PAYLOAD_BYTES with 1009', async () => {
    // graphql-ws reports the socket's error on the console (main.ts turns that into one log line).
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const socket = await RawSocket.open(small.url);
      socket.send('x'.repeat(65537));
      expect((await socket.closed).code).toBe(1009);
    } finally {
      consoleError.mockRestore();
    }
  });

  it('refuses operations past WS_MAX_SUBSCRIPTIONS on one socket, leaving the others running', async () => {
    const socket = await RawSocket.open(small.url);
    try {
      const summary = 'subscription { idmSummaryUpdated(scope: { provinceCode: "64" }, year: 2024) { assessed } }';
      for (const id of ['1', '2', '3']) socket.subscribe(id, summary);
      await Promise.all(['1', '2', '3'].map((id) => socket.next((m) => m.id === id && m.type === 'next')));
      socket.subscribe('4', summary);
      const refused = await socket.end('4');
      expect(refused).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'BAD_REQUEST', limit: 'subscriptions', max: 3 } }] });
      socket.send({ id: '1', type: 'complete' });
      socket.subscribe('5', summary);
      await socket.next((m) => m.id === '5' && m.type === 'next');
      expect(socket.open).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('cuts off a socket that goes on after as many refusals as its limit, with 1008', async () => {
    const socket = await RawSocket.open(small.url);
    const summary = 'subscription { idmSummaryUpdated(scope: { provinceCode: "64" }, year: 2024) { assessed } }';
    for (let i = 0; i < 20; i++) socket.subscribe(String(i), summary);
    expect(await socket.closed).toEqual({ code: CLOSE_POLICY_VIOLATION, reason: 'Too many operations refused (limit 3 at once)' });
    // The refusals it had earned came before the close, each saying why.
    const refusals = socket.messages.filter((m) => m.type === 'error');
    expect(refusals.length).toBeGreaterThanOrEqual(3);
    for (const r of refusals) expect(r).toMatchObject({ payload: [{ extensions: { code: 'BAD_REQUEST', limit: 'subscriptions' } }] });
  });

  it('closes sockets past WS_MAX_SOCKETS_PER_ADDRESS with 1013', async () => {
    const first = await RawSocket.open(small.url);
    const second = await RawSocket.open(small.url);
    const third = await RawSocket.open(small.url);
    try {
      expect(await third.closed).toEqual({ code: CLOSE_TRY_AGAIN_LATER, reason: 'Too many sockets from your address (max 2)' });
      expect(first.open && second.open).toBe(true);
    } finally {
      first.close();
      second.close();
    }
  });
});
