import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface GraphQLResponse<T> extends ExecutionResult<T> {
  extensions?: { sql?: { statements: number; ms: number } } & Record<string, unknown>;
}

export interface TestServer extends RunningServer {
  /** Runs a typed operation over HTTP; `token: null` sends no Authorization header. */
  request<T, V>(document: TypedDocumentNode<T, V>, variables?: V, options?: { token?: string | null }): Promise<GraphQLResponse<T>>;
  /** Runs a raw query string (for malformed-input tests that codegen would refuse). */
  raw(query: string, variables?: Record<string, unknown>, options?: { token?: string | null }): Promise<GraphQLResponse<Record<string, unknown>>>;
}

/** The real server on a free port against the run's database, as `npm start` builds it. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    QUERY_STATS: '1',
    DATABASE_URL: process.env.DESA_TEST_DATABASE_URL,
    ...env,
  });
  const server = await startServer({ config, databaseUrl: config.databaseUrl!, log: createLogger('silent') });
  const post = async (body: unknown, token: string | null | undefined) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const t = token === undefined ? TEST_ADMIN_TOKEN : token;
    if (t !== null) headers.authorization = `Bearer ${t}`;
    const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify(body) });
    return (await response.json()) as never;
  };
  return {
    ...server,
    request: (document, variables, options) => post({ query: print(document), variables }, options?.token),
    raw: (query, variables, options) => post({ query, variables }, options?.token),
  };
}

/** The `extensions.code` of each error, for compact assertions. */
export function errorCodes(response: { errors?: readonly { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
