import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * A dashboard on another origin, in Debian's Chromium: the page is served on a second local port
 * and calls the API on the first, as a frontend deployed apart from the API would.
 */
const PAGE = `<!doctype html><meta charset="utf-8"><title>dashboard</title><script>
async function run(api) {
  const out = {};
  const post = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ province(code: "64") { name } }' }) });
  out.post = { status: post.status, requestId: post.headers.get('x-request-id'), body: await post.json() };

  // Apollo's automatic persisted queries: register the hash once, then GET by hash alone.
  const query = '{ province(code: "72") { name } }';
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(query));
  const sha256Hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, extensions }) });
  const get = await fetch(api + '?extensions=' + encodeURIComponent(JSON.stringify(extensions)), { headers: { 'apollo-require-preflight': 'true' } });
  out.persistedGet = { status: get.status, body: await get.json() };

  out.subscription = await new Promise((resolve, reject) => {
    const socket = new WebSocket(api.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.onerror = () => reject(new Error('WebSocket failed'));
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { idmSummaryUpdated(scope: { provinceCode: "64" }, year: 2024) { year assessed } }' } }));
      } else if (message.id === '1') {
        socket.close();
        resolve(message);
      }
    };
  });
  return out;
}
async function refused(api) {
  try {
    await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ idmYears { year } }"}' });
    return 'served';
  } catch (error) {
    return String(error);
  }
}
</script>`;

let page: http.Server;
let pageOrigin: string;
let api: TestServer;
let elsewhere: TestServer;
let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  page = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', () => resolve()));
  pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  [api, elsewhere] = await Promise.all([startTestServer({ CORS_ORIGINS: pageOrigin }), startTestServer({ CORS_ORIGINS: 'https://another.example.id' })]);
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await context?.close();
  await Promise.all([api?.stop(), elsewhere?.stop(), new Promise((resolve) => page?.close(resolve))]);
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

describe('a frontend on another origin, in Chromium', () => {
  it('POSTs a query, GETs a persisted query and opens a subscription', async () => {
    const tab = await context.newPage();
    await tab.goto(pageOrigin);
    const out = await tab.evaluate((url) => (globalThis as unknown as { run(u: string): Promise<Record<string, unknown>> }).run(url), api.url);
    expect(out.post).toEqual({ status: 200, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), body: expect.objectContaining({ data: { province: { name: 'Kalimantan Timur' } } }) });
    expect(out.persistedGet).toEqual({ status: 200, body: expect.objectContaining({ data: { province: { name: 'Sulawesi Tengah' } } }) });
    expect(out.subscription).toEqual({ id: '1', type: 'next', payload: { data: { idmSummaryUpdated: { year: 2024, assessed: expect.any(Number) } } } });
  });

  it('is refused by the browser when CORS_ORIGINS does not name the page’s origin', async () => {
    const tab = await context.newPage();
    await tab.goto(pageOrigin);
    const outcome = await tab.evaluate((url) => (globalThis as unknown as { refused(u: string): Promise<string> }).refused(url), elsewhere.url);
    expect(outcome).toMatch(/TypeError: Failed to fetch/);
  });
});
