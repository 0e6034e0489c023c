import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ MAX_QUERY_DEPTH: '4' });
});
afterAll(() => server?.stop());

function base(): string {
  return server.url.replace(/\/graphql$/, '');
}

function wsClient(): Client {
  return createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
}

/** Runs one operation over graphql-ws and resolves with its single result. */
function overSocket(client: Client, query: string): Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }> {
  return new Promise((resolve, reject) => {
    let result: unknown;
    client.subscribe({ query }, { next: (r) => (result = r), error: reject, complete: () => resolve(result as never) });
  });
}

describe('the HTTP server', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves GraphiQL to browsers from local assets, no CDN', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBe(5);
    for (const asset of scripts) {
      expect(asset.startsWith('/graphql/assets/')).toBe(true);
      const response = await fetch(`${base()}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('refuses queries deeper than MAX_QUERY_DEPTH, over HTTP and WebSocket alike', async () => {
    const deep = '{ village(code: "6402082005") { district { kabupaten { province { kabupatens { districts { code } } } } } } }';
    const http = await server.raw(deep);
    expect(http.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const client = wsClient();
    try {
      await expect(overSocket(client, deep)).rejects.toEqual([expect.objectContaining({ message: expect.stringMatching(/over the limit of 4 \(MAX_QUERY_DEPTH\)/), extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' }) })]);
    } finally {
      await client.dispose();
    }
  });

  it('runs operations over graphql-ws on the same port and path', async () => {
    const client = wsClient();
    try {
      const result = await overSocket(client, '{ province(code: "64") { name } }');
      expect(result).toEqual({ data: { province: { name: 'Kalimantan Timur' } } });
      const bad = await overSocket(client, '{ province(code: "6x") { name } }');
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await client.dispose();
    }
  });

  it('attaches extensions.sql to every response when QUERY_STATS is on', async () => {
    const response = await server.raw('{ province(code: "64") { name } }');
    expect(response.extensions?.sql).toEqual({ statements: 1, ms: expect.any(Number) });
  });
});

describe('WebSocket rules', () => {
  it('closes a socket that sends no connection_init in time with 4408', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => socket.once('close', (c) => resolve(c)));
    expect(code).toBe(4408);
  });

  it('refuses a subscription over HTTP, pointing to WebSocket', async () => {
    const response = await server.raw('subscription { idmUpdated { cursor } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(response.errors?.[0]?.message).toMatch(/WebSocket/);
  });
});

describe('shutdown', () => {
  it('closes open WebSocket connections and stops answering', async () => {
    const own = await startTestServer();
    const socket = new WebSocket(own.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await own.stop();
    expect(await closed).toBe(1001);
    await expect(fetch(`${own.url.replace(/\/graphql$/, '')}/healthz`)).rejects.toThrow();
  });
});
