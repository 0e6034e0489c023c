import { Kind, parse, print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { mintToken } from '../../src/auth/token';
import { Role } from '../../src/auth/viewer';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';

/** The secret every test server signs and verifies tokens with. */
export const TEST_TOKEN_SECRET = 'test-token-secret-0123456789-abcdefghijklmnop';

/** A token signed with the test secret: an hour by default. */
export async function mintTestToken(claims: { role: Role; subject?: string; scope?: string[]; ttlSeconds?: number }): Promise<{ token: string; tokenId: string }> {
  return mintToken(TEST_TOKEN_SECRET, { subject: claims.subject ?? `test-${claims.role.toLowerCase()}`, role: claims.role, scope: claims.scope, ttlSeconds: claims.ttlSeconds ?? 3600 });
}

let adminToken: Promise<string> | undefined;
/** One admin token for the whole test file, for mutations sent without an explicit token. */
export function testAdminToken(): Promise<string> {
  return (adminToken ??= mintTestToken({ role: Role.ADMIN, subject: 'test-admin' }).then((t) => t.token));
}

export interface GraphQLResponse<T> extends ExecutionResult<T> {
  extensions?: { sql?: { statements: number; ms: number } } & Record<string, unknown>;
}

/**
 * `token` undefined: mutations go as the test admin, queries anonymously (as the public reads);
 * `null`: no Authorization header; a string: that token.
 */
export interface RequestOptions {
  token?: string | null;
}

export interface TestServer extends RunningServer {
  /** Runs a typed operation over HTTP. */
  request<T, V>(document: TypedDocumentNode<T, V>, variables?: V, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** Runs a raw query string (for malformed-input tests that codegen would refuse). */
  raw(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<Record<string, unknown>>>;
  /** The same over HTTP, with the status code (401 for a refused token). */
  post(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<{ status: number; body: GraphQLResponse<Record<string, unknown>> }>;
}

function isMutation(document: DocumentNode | string): boolean {
  let doc: DocumentNode;
  try {
    doc = typeof document === 'string' ? parse(document) : document;
  } catch {
    return false; // malformed on purpose: the server answers GRAPHQL_PARSE_FAILED
  }
  return doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
}

/** The real server on a free port against the run's database, as `npm start` builds it. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    TOKEN_SECRET: TEST_TOKEN_SECRET,
    QUERY_STATS: '1',
    DATABASE_URL: process.env.DESA_TEST_DATABASE_URL,
    ...env,
  });
  const server = await startServer({ config, databaseUrl: config.databaseUrl!, log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  const post = async (document: DocumentNode | string, body: unknown, token: string | null | undefined) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const t = token === undefined ? (isMutation(document) ? await testAdminToken() : null) : token;
    if (t !== null) headers.authorization = `Bearer ${t}`;
    const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as never };
  };
  return {
    ...server,
    request: async (document, variables, options) => (await post(document, { query: print(document), variables }, options?.token)).body,
    raw: async (query, variables, options) => (await post(query, { query, variables }, options?.token)).body,
    post: (query, variables, options) => post(query, { query, variables }, options?.token),
  };
}

/** The `extensions.code` of each error, for compact assertions. */
export function errorCodes(response: { errors?: readonly { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
