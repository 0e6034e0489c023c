import { createClient, type Client } from 'graphql-ws';

import WebSocket from 'ws';
import { mintToken } from '../src/auth/token';
import { revokeToken } from '../src/auth/token.service';
import { Role } from '../src/auth/viewer';
import { Sql } from '../src/db/sql';
import { recordAssessments } from '../src/idm/assessment.writer';
import type { IdmRetraction } from '../src/idm/idm-record';
import { errorCodes, mintTestToken, startTestServer, testAdminToken, TEST_TOKEN_SECRET, type TestServer } from './helpers/server';
import { overSocket } from './helpers/subscriber';

/**
 * Roles × scopes × transports: every kind of caller tries every kind of operation over HTTP and
 * over graphql-ws, and the database says what was written. Writes use 2017 (a year no published file covers) and are taken back.
 */
const url = () => process.env.DESA_TEST_DATABASE_URL!;
const YEAR = 2017;
/** Penajam Paser Utara (64.09) and Sigi (72.10): one desa each, plus a kelurahan-free second one. */
const PPU = ['64.09.04.2002', '64.09.04.2003'];
const SIGI = ['72.10.01.2003', '72.10.01.2004'];

const READ = '{ province(code: "64") { name } }';
const RECORD = `mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { inserted updated unchanged } }`;
const RETRACT = `mutation($villageCode: String!, $year: Int!) { retractIdmAssessment(villageCode: $villageCode, year: $year, reason: "test") { year previous { score } } }`;
const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { slug } }`;
const PROVENANCE = `query($code: String!, $year: Int!) { village(code: $code) { idm(year: $year) { score provenance { format file line recordedBy } } } }`;

const assessment = (villageCode: string, score = 0.6) => ({ villageCode, year: YEAR, iks: score, ike: score, ikl: score, score });

let a: TestServer;
let b: TestServer;
let db: Sql;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
  db = new Sql(url(), { max: 2, name: 'auth-test' });
});
/** Takes this file's writes back through the write path, so idm_year and the change log stay true. */
async function cleanUp(): Promise<void> {
  const retractions: IdmRetraction[] = [...PPU, ...SIGI].map((villageCode) => ({
    kind: 'retraction',
    source: { format: 'graphql', file: 'auth.test', line: 1 },
    villageCode,
    names: {},
    year: YEAR,
    reason: 'test clean-up',
    expected: null,
  }));
  await recordAssessments(db, retractions, { actor: 'cli:test:jest' });
}

afterAll(async () => {
  await db?.end();
  await Promise.all([a?.stop(), b?.stop()]);
});

async function stored(codes: string[]): Promise<string[]> {
  const rows = await db.query<{ village_code: string }>(`select village_code from idm_assessment where year = $1 and village_code = any($2::text[]) order by 1`, [YEAR, codes]);
  return rows.map((r) => r.village_code);
}

type Transport = 'HTTP' | 'WebSocket';
type Result = { data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

/** One operation as `token` (or anonymously) over a transport. */
async function run(transport: Transport, query: string, variables: Record<string, unknown> | undefined, token: string | null): Promise<Result> {
  if (transport === 'WebSocket') return overSocket(b.url, query, variables, token ?? undefined);
  const { data, errors } = await a.raw(query, variables, { token });
  return errors ? { data, errors } : { data };
}

describe.each<Transport>(['HTTP', 'WebSocket'])('over %s', (transport) => {
  let tokens: Record<'admin' | 'operatorPpu' | 'operatorSulteng', string>;
  let slug = 0;
  beforeAll(async () => {
    tokens = {
      admin: await testAdminToken(),
      operatorPpu: (await mintTestToken({ role: Role.OPERATOR, subject: 'dinas-pmd-ppu', scope: ['64.09'] })).token,
      operatorSulteng: (await mintTestToken({ role: Role.OPERATOR, subject: 'dpmd-sulteng', scope: ['72'] })).token,
    };
  });
  afterEach(cleanUp);

  it('anyone reads; writing needs a token', async () => {
    expect((await run(transport, READ, undefined, null)).data).toEqual({ province: { name: 'Kalimantan Timur' } });
    const write = await run(transport, RECORD, { input: [assessment(PPU[0]!)] }, null);
    expect(errorCodes(write)).toEqual(['UNAUTHENTICATED']);
    expect(write.data).toEqual({ recordIdmAssessments: null });
    expect(errorCodes(await run(transport, RETRACT, { villageCode: PPU[0], year: YEAR }, null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await run(transport, CREATE_PROGRAM, { input: { slug: `anon-${transport}`, name: 'x', year: 2024, agency: 'x' } }, null))).toEqual(['UNAUTHENTICATED']);
    expect(await stored(PPU)).toEqual([]);
  });

  it('an operator records and retracts inside its kabupaten, and is told who wrote it', async () => {
    const recorded = await run(transport, RECORD, { input: [assessment(PPU[0]!), assessment(PPU[1]!, 0.7)] }, tokens.operatorPpu);
    expect(recorded).toEqual({ data: { recordIdmAssessments: { inserted: 2, updated: 0, unchanged: 0 } } });
    const { data } = await a.raw(PROVENANCE, { code: PPU[1], year: YEAR });
    expect(data).toEqual({ village: { idm: { score: 0.7, provenance: { format: 'graphql', file: 'recordIdmAssessments', line: 2, recordedBy: 'token:dinas-pmd-ppu' } } } });
    const retracted = await run(transport, RETRACT, { villageCode: PPU[0], year: YEAR }, tokens.operatorPpu);
    expect(retracted).toEqual({ data: { retractIdmAssessment: { year: YEAR, previous: { score: 0.6 } } } });
    expect(await stored(PPU)).toEqual([PPU[1]]);
  });

  it('an operator writing outside its scope is FORBIDDEN, naming the desa and the scope, and nothing of the batch is written', async () => {
    const mixed = await run(transport, RECORD, { input: [assessment(PPU[0]!), assessment(SIGI[0]!)] }, tokens.operatorPpu);
    expect(errorCodes(mixed)).toEqual(['FORBIDDEN']);
    expect(mixed.errors![0]!.message).toBe(
      'Nothing was recorded: the token of dinas-pmd-ppu may write in 64.09 only, and input[1] Bora (72.10.01.2003) lies outside.',
    );
    expect(mixed.errors![0]!.extensions).toMatchObject({ scope: ['64.09'], outside: [{ index: 1, villageCode: '72.10.01.2003' }] });
    expect(await stored([...PPU, ...SIGI])).toEqual([]);
    // The same desa is in scope for a province-wide operator of Sulawesi Tengah (72), and out of it to retract for the other.
    expect((await run(transport, RECORD, { input: [assessment(SIGI[0]!)] }, tokens.operatorSulteng)).errors).toBeUndefined();
    const retract = await run(transport, RETRACT, { villageCode: SIGI[0], year: YEAR }, tokens.operatorPpu);
    expect(errorCodes(retract)).toEqual(['FORBIDDEN']);
    expect(retract.errors![0]!.message).toMatch(/Bora \(72\.10\.01\.2003\) lies outside/);
    expect(await stored(SIGI)).toEqual([SIGI[0]]);
  });

  it('programs, loci and enrolments are for admins only', async () => {
    const input = { slug: `auth-${transport.toLowerCase()}-${process.pid}-${++slug}`, name: 'x', year: 2024, agency: 'x' };
    const refused = await run(transport, CREATE_PROGRAM, { input }, tokens.operatorPpu);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0]!.message).toBe('This operation needs the ADMIN role; the token of dinas-pmd-ppu has OPERATOR.');
    expect(await run(transport, CREATE_PROGRAM, { input }, tokens.admin)).toEqual({ data: { createProgram: { slug: input.slug } } });
  });

  it('an admin writes anywhere', async () => {
    const both = await run(transport, RECORD, { input: [assessment(PPU[0]!), assessment(SIGI[1]!)] }, tokens.admin);
    expect(both).toEqual({ data: { recordIdmAssessments: { inserted: 2, updated: 0, unchanged: 0 } } });
    expect(await stored([...PPU, ...SIGI])).toEqual([PPU[0], SIGI[1]]);
  });
});

describe('tokens that do not work', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['expired', async () => (await mintToken(TEST_TOKEN_SECRET, { subject: 'old', role: Role.ADMIN, ttlSeconds: 60 }, new Date(Date.now() - 3_600_000))).token, /expired at/],
    ['signed with another secret', async () => (await mintToken('another-secret-0123456789-abcdefghijklmnop', { subject: 'x', role: Role.ADMIN, ttlSeconds: 60 })).token, /not valid/],
    ['malformed', async () => 'not.a.token', /not valid/],
  ];

  it.each(cases)('a token that is %s is UNAUTHENTICATED with HTTP 401, even to read', async (_name, token, message) => {
    const response = await a.post(READ, undefined, { token: await token() });
    expect(response.status).toBe(401);
    expect(errorCodes(response.body)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.errors![0]!.message).toMatch(message);
  });

  it.each(cases)('a token that is %s closes the socket with 4403 when sent in connection_init', async (_name, token) => {
    await expect(overSocket(b.url, READ, undefined, await token())).rejects.toMatchObject({ code: 4403 });
  });

  it('a header that is not "Bearer <token>" is UNAUTHENTICATED', async () => {
    const response = await fetch(a.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwdw==' }, body: JSON.stringify({ query: READ }) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Bearer <token>/);
  });
});

describe('revocation', () => {
  /** One operation on an already open graphql-ws client: its result, or the errors it ended with. */
  const once = (client: Client, query: string) =>
    new Promise<Result>((resolve, reject) => {
      let result: Result = {};
      client.subscribe({ query }, { next: (r) => (result = r as Result), error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e)), complete: () => resolve(result) });
    });

  it('stops a token at once on every instance, over HTTP and on sockets already open', async () => {
    const { token, tokenId } = await mintTestToken({ role: Role.OPERATOR, subject: 'to-revoke', scope: ['64.09'] });
    const input = { input: [assessment(PPU[0]!)] };
    expect((await a.raw(RECORD, input, { token })).errors).toBeUndefined();
    await cleanUp();
    // A socket opened before the revocation, on instance b, that has already run an operation.
    const socket = createClient({ url: b.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined, connectionParams: { authorization: `Bearer ${token}` } });
    try {
      expect(await once(socket, READ)).toEqual({ data: { province: { name: 'Kalimantan Timur' } } });
      const revoked = await revokeToken(url(), tokenId, 'left the office');
      expect(revoked.tokenId).toBe(tokenId);
      for (const server of [a, b]) {
        const response = await server.post(RECORD, input, { token });
        expect(response.status).toBe(401);
        expect(response.body.errors![0]!.message).toMatch(new RegExp(`token ${tokenId} was revoked at`));
      }
      const onOpenSocket = await once(socket, READ);
      expect(errorCodes(onOpenSocket)).toEqual(['UNAUTHENTICATED']);
      expect(onOpenSocket.errors![0]!.message).toMatch(/was revoked/);
      await expect(overSocket(b.url, READ, undefined, token)).rejects.toMatchObject({ code: 4403 });
      // Revoking twice keeps the first time; a token may be revoked by itself rather than its id.
      expect((await revokeToken(url(), token, null)).revokedAt).toEqual(revoked.revokedAt);
      expect(await stored(PPU)).toEqual([]);
    } finally {
      await socket.dispose();
    }
  });
});

describe('REQUIRE_TOKEN_FOR_READS', () => {
  let closed: TestServer;
  beforeAll(async () => {
    closed = await startTestServer({ REQUIRE_TOKEN_FOR_READS: 'true' });
  });
  afterAll(() => closed?.stop());

  it('refuses anonymous reads over HTTP (401) and WebSocket (4403), and serves any valid token', async () => {
    const anonymous = await closed.post(READ, undefined, { token: null });
    expect(anonymous.status).toBe(401);
    expect(errorCodes(anonymous.body)).toEqual(['UNAUTHENTICATED']);
    await expect(overSocket(closed.url, READ)).rejects.toMatchObject({ code: 4403 });
    const { token } = await mintTestToken({ role: Role.OPERATOR, scope: ['72'] });
    expect((await closed.raw(READ, undefined, { token })).data).toEqual({ province: { name: 'Kalimantan Timur' } });
    expect((await overSocket(closed.url, READ, undefined, token)).data).toEqual({ province: { name: 'Kalimantan Timur' } });
  });
});
