import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Role } from '../src/auth/viewer';
import { mintTestToken, startTestServer, testAdminToken, type TestServer } from './helpers/server';
import { overSocket } from './helpers/subscriber';

/**
 * TRUSTED_DOCUMENTS: with a manifest (graphql-codegen's persisted-documents.json shape), a server
 * runs only its documents, named by hash or sent as their exact text, over both HTTP lanes (the
 * fast lane for small JSON POSTs, the app's route for GETs and everything else) and WebSocket;
 * everything else is refused with a code and how to register it, except for an ADMIN token. The
 * response cache in front serves nothing a request could not run.
 */

const PROVINCE = 'query Province($code: String!) { province(code: $code) { code name } }';
const YEARS = 'query Years { idmYears { year } }';
/** The same operation as PROVINCE, written otherwise: another text, so another hash. */
const PROVINCE_RELAID = 'query Province($code: String!) {\n  province(code: $code) { code name }\n}';
const UNTRUSTED = '{ provinces { code } }';

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-'));
  const manifest = path.join(dir, 'persisted-documents.json');
  // One key as the client preset writes it, one as older versions do (bare hex).
  fs.writeFileSync(manifest, JSON.stringify({ [`sha256:${hashOf(PROVINCE)}`]: PROVINCE, [hashOf(YEARS)]: YEARS }));
  server = await startTestServer({ TRUSTED_DOCUMENTS: manifest });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** A POST the fast lane does not take (a compressed body): the app's route, body parser and all. */
async function postGzipped(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...headers },
    body: gzipSync(JSON.stringify(body)),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function get(params: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}?${new URLSearchParams(params)}`, { headers: { 'apollo-require-preflight': '1', ...headers } });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const ACEH = { province: { code: '11', name: 'Aceh' } };

describe('trusted documents over HTTP', () => {
  it('runs a trusted document named by documentId (with or without sha256:) or by APQ hash, over POST and GET', async () => {
    const hash = hashOf(PROVINCE);
    for (const answer of [
      await post({ documentId: `sha256:${hash}`, variables: { code: '11' } }),
      await post({ documentId: hash, variables: { code: '11' } }),
      await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { code: '11' } }),
      await postGzipped({ documentId: `sha256:${hash}`, variables: { code: '11' } }),
      await get({ documentId: `sha256:${hash}`, variables: JSON.stringify({ code: '11' }) }),
      await get({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }), variables: JSON.stringify({ code: '11' }) }),
    ]) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data).toEqual(ACEH);
      expect(answer.status).toBe(200);
    }
    // The bare-hex key of the manifest is found by either form too.
    expect((await post({ documentId: `sha256:${hashOf(YEARS)}` })).body.data?.idmYears).toEqual(expect.any(Array));
  });

  it('runs a trusted document sent as its exact text', async () => {
    expect((await post({ query: PROVINCE, variables: { code: '11' } })).body.data).toEqual(ACEH);
    expect((await get({ query: PROVINCE, variables: JSON.stringify({ code: '11' }) })).body.data).toEqual(ACEH);
  });

  it('refuses any other text on both lanes with OPERATION_NOT_TRUSTED and how to register it', async () => {
    for (const answer of [await post({ query: UNTRUSTED }), await postGzipped({ query: UNTRUSTED }), await get({ query: UNTRUSTED })]) {
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors![0]!.extensions).toEqual({ code: 'OPERATION_NOT_TRUSTED', documentId: `sha256:${hashOf(UNTRUSTED)}` });
      expect(answer.body.errors![0]!.message).toMatch(/TRUSTED_DOCUMENTS.*persisted-documents manifest.*documentId.*ADMIN/);
    }
    // A text that only prints like a trusted one is another document.
    expect((await post({ query: PROVINCE_RELAID, variables: { code: '11' } })).body.errors![0]!.extensions!.code).toBe('OPERATION_NOT_TRUSTED');
  });

  it('refuses a hash it does not hold with PERSISTED_QUERY_NOT_FOUND, on both lanes', async () => {
    const unknown = `sha256:${hashOf(UNTRUSTED)}`;
    for (const answer of [
      await post({ documentId: unknown }),
      await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(UNTRUSTED) } } }),
      await get({ documentId: unknown }),
    ]) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(answer.body.errors![0]!.message).toContain('Register it');
    }
  });

  it('lets an ADMIN token send any document (GraphiQL), and no other token', async () => {
    const admin = { authorization: `Bearer ${await testAdminToken()}` };
    for (const answer of [await post({ query: UNTRUSTED }, admin), await get({ query: UNTRUSTED }, admin), await postGzipped({ query: UNTRUSTED }, admin)]) {
      expect(answer.body.errors).toBeUndefined();
      expect((answer.body.data!.provinces as unknown[]).length).toBe(38);
    }
    const operator = { authorization: `Bearer ${(await mintTestToken({ role: Role.OPERATOR, scope: ['64'] })).token}` };
    expect((await post({ query: UNTRUSTED }, operator)).body.errors![0]!.extensions!.code).toBe('OPERATION_NOT_TRUSTED');
    // Trusted documents run for every viewer.
    expect((await post({ documentId: `sha256:${hashOf(PROVINCE)}`, variables: { code: '11' } }, operator)).body.data).toEqual(ACEH);
  });

  it('serves a cached answer by hash, and never to a document that is not trusted', async () => {
    const byHash = { documentId: `sha256:${hashOf(PROVINCE)}`, variables: { code: '12' } };
    await post(byHash);
    const hit = await post(byHash);
    expect(hit.body.extensions?.cache).toBe('HIT');
    // Its exact text shares the entry (a trusted text runs as itself)...
    expect((await post({ query: PROVINCE, variables: { code: '12' } })).body.extensions?.cache).toBe('HIT');
    const entries = server.responseCache!.size.entries;
    // ...but a text that prints the same is not served from it on either lane, nor kept.
    for (const answer of [await post({ query: PROVINCE_RELAID, variables: { code: '12' } }), await get({ query: PROVINCE_RELAID, variables: JSON.stringify({ code: '12' }) })]) {
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors![0]!.extensions!.code).toBe('OPERATION_NOT_TRUSTED');
      expect(answer.body.extensions?.cache).toBeUndefined();
    }
    expect(server.responseCache!.size.entries).toBe(entries);
  });
});

describe('trusted documents over WebSocket', () => {
  const persisted = (text: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(text) } } });

  it('runs a trusted document by hash (graphql-ws needs a query: empty) or as its text', async () => {
    expect((await overSocket(server.url, '', { code: '11' }, undefined, persisted(PROVINCE))).data).toEqual(ACEH);
    expect((await overSocket(server.url, PROVINCE, { code: '11' })).data).toEqual(ACEH);
  });

  it('refuses other texts and unknown hashes, except from an ADMIN', async () => {
    const untrusted = await overSocket(server.url, UNTRUSTED);
    expect(untrusted.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_NOT_TRUSTED', documentId: `sha256:${hashOf(UNTRUSTED)}` });
    const unknown = await overSocket(server.url, '', undefined, undefined, persisted(UNTRUSTED));
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const admin = await overSocket(server.url, UNTRUSTED, undefined, await testAdminToken());
    expect(admin.errors).toBeUndefined();
    expect((admin.data!.provinces as unknown[]).length).toBe(38);
  });
});

describe('without TRUSTED_DOCUMENTS', () => {
  it('runs any text, and still knows the dashboard’s documents by hash', async () => {
    const open = await startTestServer();
    try {
      const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../dist/dashboard/persisted-documents.json'), 'utf8')) as Record<string, string>;
      // The header's year list (its fragments precede it in the manifest's text), at the national view.
      const [years] = Object.entries(manifest).find(([, text]) => /(^|\} )query Years\b/.test(text))!;
      const variables = { code: '', province: false, kabupaten: false, district: false };
      const response = await fetch(open.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId: years, variables }) });
      expect(((await response.json()) as Answer['body']).data?.idmYears).toEqual(expect.any(Array));
      expect((await open.raw(UNTRUSTED, undefined, { token: null })).errors).toBeUndefined();
      const unknown = await fetch(open.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId: `sha256:${hashOf(UNTRUSTED)}` }) });
      expect(((await unknown.json()) as Answer['body']).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await open.stop();
    }
  });

  it('refuses to start on a manifest whose hash is not its document’s', async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ [`sha256:${hashOf(YEARS)}`]: UNTRUSTED }));
    await expect(startTestServer({ TRUSTED_DOCUMENTS: bad })).rejects.toThrow(/bad\.json.*another sha256/);
  });
});
