import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import '../src/fresh-build';
import { importIdm } from '../src/importers/idm/idm.importer';
import { DASHBOARD_MANIFEST } from '../src/web/dashboard';
import { startTestServer, testAdminToken, type TestServer } from './helpers/server';

/**
 * The dashboard in Debian's Chromium against a server locked to its manifest
 * (TRUSTED_DOCUMENTS=dist/dashboard/persisted-documents.json, as `npm run build` writes it): every
 * view of both index families, the search and the live WebSocket work, every operation the page
 * sends names its document by hash and none is refused, while the same server refuses a document
 * that is not in it.
 */

const NATIONAL = path.join(__dirname, '..', '..', 'shared', 'data', 'idm-2024.csv');
const KUKAR = '64.02';
const quiet = { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };

let server: TestServer;
let context: BrowserContext;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-trusted-'));
const consoleErrors: string[] = [];
/** What the page sent: each POST body to /graphql, each graphql-ws subscribe payload. */
const posted: Record<string, unknown>[] = [];
const subscribed: Record<string, unknown>[] = [];
/** Error codes in the API's answers to the page, over HTTP and WebSocket. */
const refusals: string[] = [];

const origin = () => new URL(server.url).origin;

/** What page-side functions use of the DOM (the tests are type-checked without the DOM's types). */
type PageGlobal = { document: { querySelector(selector: string): { textContent: string | null } | null } };

beforeAll(async () => {
  // Kutai Kartanegara's 2024 rows: enough for every view the test opens.
  const lines = fs.readFileSync(NATIONAL, 'utf8').split('\n');
  const file = path.join(tmp, 'kukar-2024.csv');
  fs.writeFileSync(file, `${lines[0]}\n${lines.filter((line) => line.split(',')[6]?.startsWith('6402')).join('\n')}\n`);
  await (await startTestServer()).stop();
  await importIdm(process.env.DESA_TEST_DATABASE_URL!, [file], { ...quiet, rejectsFile: path.join(tmp, 'rejects.csv') });
  server = await startTestServer({ TRUSTED_DOCUMENTS: DASHBOARD_MANIFEST });
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(tmp, 'chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') posted.push(JSON.parse(request.postData() ?? '{}'));
  });
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname !== '/graphql' || response.request().method() !== 'POST') return;
    const body = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
    for (const error of body.errors ?? []) refusals.push(String(error.extensions?.code));
  });
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type: string; payload?: Record<string, unknown> };
      if (message.type === 'subscribe') subscribed.push(message.payload!);
    });
    socket.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type: string; payload?: { extensions?: { code?: string } }[] | { errors?: { extensions?: { code?: string } }[] } };
      const errors = message.type === 'error' ? (message.payload as { extensions?: { code?: string } }[]) : message.type === 'next' ? ((message.payload as { errors?: [] }).errors ?? []) : [];
      for (const error of errors) refusals.push(String(error.extensions?.code));
    });
  });
  return page;
}

const kpi = (page: Page, label: string) => page.locator(`[data-kpi="${label}"] .kpi-value`);

describe('the dashboard with TRUSTED_DOCUMENTS set to its build’s manifest', () => {
  it('is refused nothing: its views, search and live updates run by hash', async () => {
    // The lock is on: a document the dashboard does not have is refused.
    const refused = await server.post('{ provinces { code } }', undefined, { token: null });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');

    const page = await newPage();
    await page.goto(`${origin()}/dashboard/?year=2024`);
    await kpi(page, 'Mean IDM').waitFor();
    await page.goto(`${origin()}/dashboard/kabupaten/${KUKAR}?year=2024`);
    await page.locator('.live-badge[data-state="live"]').waitFor();
    // The API's own figure, asked with an ADMIN token (which may send any document).
    const mean = (await server.raw(`{ kabupaten(code: "${KUKAR}") { idmSummary(year: 2024) { mean { score } } } }`, undefined, { token: await testAdminToken() })) as {
      data?: { kabupaten: { idmSummary: { mean: { score: number } } } };
    };
    const expected = mean.data!.kabupaten.idmSummary.mean.score.toFixed(4);
    await page.waitForFunction(
      (value) => (globalThis as unknown as PageGlobal).document.querySelector('[data-kpi="Mean IDM"] .kpi-value')?.textContent === value,
      expected,
    );
    await page.locator('[data-testid="village-table"] tbody tr').first().waitFor();

    const box = page.getByRole('searchbox');
    await box.focus();
    await page.keyboard.type('kota bangun');
    await page.locator('.search-results li').first().waitFor();
    await page.locator('.search-results li a').first().click();
    await page.waitForURL(/\/dashboard\/(district|desa)\//);
    await page.locator('h1', { hasText: 'Kota Bangun' }).waitFor();
    await page.close();

    expectAllByHash();
  });

  it('and so are the Indeks Desa’s: the switch on a kabupaten, its live figures, a desa with its status track', async () => {
    const sent = { posted: posted.length, subscribed: subscribed.length };
    const page = await newPage();
    await page.goto(`${origin()}/dashboard/kabupaten/${KUKAR}?year=2024`);
    await kpi(page, 'Mean IDM').waitFor();
    await page.locator('button[data-index="INDEKS_DESA"]').click();
    await page.waitForURL(/index=INDEKS_DESA&year=2025$/);
    await kpi(page, 'Mean Indeks Desa').waitFor();
    await page.locator('.live-badge[data-state="live"]').waitFor();
    await page.locator('[data-testid="village-total"]', { hasText: 'in view' }).waitFor();
    const code = (await server.raw(`{ villages(filter: { districtCode: "64.02.08", idmYear: 2024 }, first: 1, orderBy: IDM_SCORE_ASC) { edges { node { code } } } }`, undefined, { token: await testAdminToken() })) as {
      data?: { villages: { edges: { node: { code: string } }[] } };
    };
    await page.goto(`${origin()}/dashboard/desa/${code.data!.villages.edges[0]!.node.code}?index=INDEKS_DESA&year=2025`);
    // No Indeks Desa loaded here: the page says so, and still shows the desa's IDM 2024 on its track.
    await page.locator('[data-testid="status-track"] [data-index="IDM"] [data-year="2024"]').waitFor();
    await page.close();

    const manifest = JSON.parse(fs.readFileSync(DASHBOARD_MANIFEST, 'utf8')) as Record<string, string>;
    const documents = [...posted.slice(sent.posted).map((b) => manifest[b.documentId as string]), ...subscribed.slice(sent.subscribed).map((p) => manifest[`sha256:${(p.extensions as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash}`])];
    expect(documents.some((d) => d?.includes('query IdKabupatenView'))).toBe(true);
    expect(documents.some((d) => d?.includes('query IdDesaView'))).toBe(true);
    expect(documents.some((d) => d?.includes('subscription IdUpdates'))).toBe(true);
    expect(documents.some((d) => d?.includes('subscription IdSummaryLive'))).toBe(true);
    expectAllByHash();
  });
});

/** Nothing was refused or logged, and every operation went by hash, never as text, each hash the manifest's. */
function expectAllByHash(): void {
  expect(refusals).toEqual([]);
  expect(consoleErrors).toEqual([]);
  const manifest = JSON.parse(fs.readFileSync(DASHBOARD_MANIFEST, 'utf8')) as Record<string, string>;
  expect(posted.length).toBeGreaterThanOrEqual(4);
  for (const body of posted) {
    expect(body.query).toBeUndefined();
    expect(manifest[body.documentId as string]).toEqual(expect.any(String));
  }
  expect(subscribed.length).toBeGreaterThanOrEqual(1);
  for (const payload of subscribed) {
    expect(payload.query).toBe('');
    const hash = (payload.extensions as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash;
    expect(manifest[`sha256:${hash}`]).toMatch(/(^|\} )subscription /);
  }
}
