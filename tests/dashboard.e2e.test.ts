import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import '../src/fresh-build';
import { importIdm } from '../src/importers/idm/idm.importer';
import { retractSample } from './helpers/indeks-desa-sample';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * The dashboard in Debian's Chromium against the real server, with the national 2024 file loaded:
 * drill-down, legend filter, search, CSV export against the API's list, a CLI import in another
 * process moving the open page, a server restart the page resumes from; the index switch to the
 * Indeks Desa on Lampung Timur with its figures, a desa's status track across the two families,
 * the national coverage against the decree, and an Indeks Desa import moving the open page; and
 * throughout: nothing requested off the page's origin, no console error. Screenshots go to
 * tests/screenshots/.
 */

const NATIONAL = path.join(__dirname, '..', '..', 'shared', 'data', 'idm-2024.csv');
/** The 46 desa of Lampung Timur (18.07) with their Indeks Desa 2025, in the two layouts dinas share. */
const INDEKS_DESA = path.join(__dirname, '..', '..', 'shared', 'data', 'indeks-desa-2025');
const LAMTIM = '18.07';
const SCREENSHOTS = path.join(__dirname, 'screenshots');
const ROOT = path.join(__dirname, '..');
const KUKAR = '64.02';
const quiet = { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };

let server: TestServer;
let context: BrowserContext;
let userDataDir: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-dashboard-'));
const offOrigin: string[] = [];
const consoleErrors: string[] = [];
/** Chromium's own report of connection attempts refused while the server is deliberately down. */
const refusedDuringOutage: string[] = [];
let outage = false;
/** Measurements printed at the end (page weight, first render, update latency). */
const measured: Record<string, unknown> = {};

const origin = () => new URL(server.url).origin;

async function api<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await server.raw(query, variables);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (outage && /net::ERR_CONNECTION_REFUSED/.test(message.text())) refusedDuringOutage.push(message.text());
    else consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: name !== 'readme' });
}

/** Runs the real CLI in its own process against the test database. */
function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js'), ...args], {
      cwd: tmp,
      env: { ...process.env, DATABASE_URL: process.env.DESA_TEST_DATABASE_URL, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** What page-side functions use of the DOM (the tests are type-checked without the DOM's types). */
type PageGlobal = { document: { querySelector(selector: string): { textContent: string | null } | null; documentElement: { scrollWidth: number; clientWidth: number } } };

/** Waits until the element's text is `value` (a function, not a string: the page's CSP forbids eval). */
function waitForText(page: Page, selector: string, value: string, timeout?: number): Promise<unknown> {
  return page.waitForFunction(([s, v]) => (globalThis as unknown as PageGlobal).document.querySelector(s!)?.textContent === v, [selector, value], { timeout });
}

/** A Kemendes code (6402082017) in Kemendagri's dotted form (64.02.08.2017). */
const dotted = (c: string) => `${c.slice(0, 2)}.${c.slice(2, 4)}.${c.slice(4, 6)}.${c.slice(6)}`;

/** Kutai Kartanegara's mean IDM 2024 as the API answers it now. */
async function kabupatenMean(): Promise<number> {
  return (await api<{ kabupaten: { idmSummary: { mean: { score: number } } } }>(`{ kabupaten(code: "${KUKAR}") { idmSummary(year: 2024) { mean { score } } } }`)).kabupaten.idmSummary.mean.score;
}

const kpi = (page: Page, label: string) => page.locator(`[data-kpi="${label}"] .kpi-value`);

/** Milliseconds from navigation start until the key figures are on screen. */
async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator('[data-kpi="Mean IDM"] .kpi-value').waitFor();
  return Math.round(await page.evaluate(() => performance.now()));
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // A first start migrates the database and loads the register. The national file is loaded with no
  // server running (idempotent: a run where the IDM tests came first finds every row unchanged), so
  // the server the page talks to does not spend its first seconds dispatching 75,000 changes.
  await (await startTestServer()).stop();
  await importIdm(process.env.DESA_TEST_DATABASE_URL!, [NATIONAL], { ...quiet, rejectsFile: path.join(tmp, 'rejects.csv') });
  server = await startTestServer();
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.host !== new URL(origin()).host) offOrigin.push(request.url());
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  // The sample this suite imported is taken back, so later suites find those desa as the register has them.
  if (server) await retractSample(server);
  await server?.stop();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(path.join(SCREENSHOTS, 'measurements.json'), `${JSON.stringify(measured, null, 2)}\n`);
  process.stdout.write(`dashboard measurements: ${JSON.stringify(measured)}\n`);
});

describe('the dashboard', () => {
  it('serves a small build from its own origin', async () => {
    const html = await (await fetch(`${origin()}/dashboard/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    const weight: Record<string, number> = {};
    for (const asset of assets) {
      // node:http, not fetch: fetch would hand back the body decompressed.
      const { headers, bytes } = await new Promise<{ headers: http.IncomingHttpHeaders; bytes: number }>((resolve, reject) => {
        http.get(`${origin()}${asset}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => resolve({ headers: res.headers, bytes }));
        }).on('error', reject);
      });
      expect(headers['cache-control']).toContain('immutable');
      expect(headers['content-encoding']).toBe('gzip');
      const kind = asset.endsWith('.css') ? 'css' : 'js';
      weight[kind] = (weight[kind] ?? 0) + bytes;
    }
    measured.pageWeightGzipBytes = weight;
    // Bytes over the wire, compressed by the server: the whole app stays small.
    expect((weight.js ?? 0) + (weight.css ?? 0)).toBeLessThan(100_000);
  });

  it('shows the nation as the API counts it, then drills down to a desa with breadcrumbs and shareable URLs', async () => {
    const page = await newPage();
    measured.firstRenderNationalMs = await firstRender(page, `${origin()}/dashboard/?year=2024`);
    measured.firstRenderNationalWarmMs = await firstRender(page, `${origin()}/dashboard/?year=2024`);
    const national = await api<{ idmSummary: { assessed: number; mean: { score: number } } }>('{ idmSummary(year: 2024) { assessed mean { score } } }');
    await expect(kpi(page, 'Assessed desa').textContent()).resolves.toBe(national.idmSummary.assessed.toLocaleString('en-US'));
    await expect(kpi(page, 'Mean IDM').textContent()).resolves.toBe(national.idmSummary.mean.score.toFixed(4));
    await shot(page, 'national');
    await page.setViewportSize({ width: 1280, height: 820 });
    await shot(page, 'readme');

    await page.getByRole('link', { name: 'Kalimantan Timur', exact: true }).first().click();
    await page.waitForURL(/\/dashboard\/province\/64\?year=2024$/);
    await page.getByRole('link', { name: 'Kabupaten Kutai Kartanegara', exact: true }).first().click();
    await page.waitForURL(/\/dashboard\/kabupaten\/64\.02\?year=2024$/);
    // The card shows the province's mean until the kabupaten's has loaded: wait for it, as the API counts it.
    await waitForText(page, '[data-kpi="Mean IDM"] .kpi-value', (await kabupatenMean()).toFixed(4));
    await page.getByRole('link', { name: 'Kota Bangun', exact: true }).first().click();
    await page.waitForURL(/\/dashboard\/district\/64\.02\.08\?year=2024$/);
    const row = page.locator('[data-testid="village-table"] tbody tr').first();
    const code = await row.getAttribute('data-code');
    await row.locator('a').click();
    await page.waitForURL(new RegExp(`/dashboard/desa/${code!.replaceAll('.', '\\.')}`));
    const desa = await api<{ village: { name: string; idm: { score: number } } }>('query($c: String!) { village(code: $c) { name idm(year: 2024) { score } } }', { c: code });
    await expect(page.locator('[data-testid="desa-score"]').textContent()).resolves.toBe(desa.village.idm.score.toFixed(4));
    await expect(page.locator('.crumbs').textContent()).resolves.toMatch(/Indonesia ›\s*Kalimantan Timur ›\s*Kabupaten Kutai Kartanegara ›\s*Kota Bangun ›\s*/);
    await expect(page.locator('[data-testid="provenance"]').textContent()).resolves.toContain('spreadsheet-2024');
    await shot(page, 'desa');

    // The URL alone brings the same view back.
    const shared = await newPage();
    await shared.goto(page.url());
    await expect(shared.locator('h1').textContent()).resolves.toBe(desa.village.name);
    await shared.goBack().catch(() => undefined);
    await page.goBack();
    await page.waitForURL(/\/dashboard\/district\/64\.02\.08/);
    await shared.close();
    await page.close();
  });

  it('filters the desa list by a legend status, as the API counts it', async () => {
    const page = await newPage();
    measured.firstRenderKabupatenMs = await firstRender(page, `${origin()}/dashboard/kabupaten/${KUKAR}?year=2024`);
    const { kabupaten } = await api<{ kabupaten: { idmSummary: { byStatus: { status: string; count: number }[] } } }>(
      `{ kabupaten(code: "${KUKAR}") { idmSummary(year: 2024) { byStatus { status count } } } }`,
    );
    const maju = kabupaten.idmSummary.byStatus.find((s) => s.status === 'MAJU')!.count;
    await page.locator('button[data-status="MAJU"]').click();
    await page.waitForURL(/status=MAJU/);
    await expect(page.locator('button[data-status="MAJU"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await waitForText(page, '[data-testid="village-total"]', `${maju} in view`);
    const pills = await page.locator('[data-testid="village-table"] tbody .pill').allTextContents();
    expect(pills.length).toBe(Math.min(maju, 50));
    expect(new Set(pills)).toEqual(new Set(['Maju']));
    await shot(page, 'kabupaten-maju');
    await page.close();
  });

  it('searches with ranked results and opens one with the keyboard', async () => {
    const page = await newPage();
    await page.goto(`${origin()}/dashboard/?year=2024`);
    const box = page.getByRole('searchbox');
    await box.focus();
    await page.keyboard.type('sidondo i');
    const first = page.locator('.search-results li').first();
    await expect(first.textContent()).resolves.toMatch(/^Desa Sidondo I Sigi Biromaru · Kabupaten Sigi · Sulawesi Tengah$/);
    await shot(page, 'search');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard\/desa\/72\.10\./);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sidondo I');

    await box.fill('kotabangun');
    await expect(page.locator('.search-results li').first().textContent()).resolves.toMatch(/Kota Bangun/);
    await page.locator('.search-results li a').first().click();
    await page.waitForURL(/\/dashboard\/(district|desa)\//);
    await expect(page.locator('h1').textContent()).resolves.toBe('Kota Bangun');
    await page.close();
  });

  it('exports the list in view as CSV, row for row the API’s list', async () => {
    const page = await newPage();
    await page.goto(`${origin()}/dashboard/kabupaten/${KUKAR}?year=2024&status=BERKEMBANG,TERTINGGAL&order=IDM_SCORE_DESC`);
    await page.locator('[data-testid="village-table"] tbody tr').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export"]').click()]);
    const file = path.join(tmp, 'export.csv');
    await download.saveAs(file);
    const rows = parse(fs.readFileSync(file), { columns: true }) as Record<string, string>[];

    const listed: { code: string; name: string; score: number; status: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const { villages }: { villages: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { code: string; name: string; idm: { score: number; status: string } } }[] } } = await api(
        `query($after: String) { villages(filter: { kabupatenCode: "${KUKAR}", idmYear: 2024, idmStatus: [BERKEMBANG, TERTINGGAL] }, orderBy: IDM_SCORE_DESC, first: 20, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { code name idm(year: 2024) { score status } } } } }`,
        { after },
      );
      listed.push(...villages.edges.map((e) => ({ code: e.node.code, name: e.node.name, score: e.node.idm.score, status: e.node.idm.status })));
      if (!villages.pageInfo.hasNextPage) break;
      after = villages.pageInfo.endCursor;
    }
    expect(listed.length).toBeGreaterThan(0);
    expect(rows.map((r) => ({ code: r.code, name: r.name, score: Number(r.score), status: r.status }))).toEqual(listed);
    expect(rows.every((r) => r.kabupaten === 'Kabupaten Kutai Kartanegara' && r.idm_year === '2024')).toBe(true);
    await page.close();
  });

  describe('live', () => {
    /** Three desa of Kutai Kartanegara and their published 2024 rows. */
    let header: string;
    let published: string[];
    let codes: string[];
    let page: Page;

    beforeAll(async () => {
      const lines = fs.readFileSync(NATIONAL, 'utf8').split('\n');
      header = lines[0]!;
      published = lines.filter((line) => line.split(',')[6]?.startsWith('640208')).slice(0, 3);
      codes = published.map((line) => line.split(',')[6]!);
      expect(codes).toHaveLength(3);
      page = await newPage();
      await page.goto(`${origin()}/dashboard/kabupaten/${KUKAR}?year=2024`);
      await page.locator('.live-badge[data-state="live"]').waitFor();
      await kpi(page, 'Mean IDM').waitFor();
    });
    afterAll(() => page?.close());

    it('moves the open page within 2 s of an import run by the CLI in another process', async () => {
      const before = await kpi(page, 'Mean IDM').textContent();
      // The three desa fall to Tertinggal.
      const lowered = published.map((line) => {
        const cells = line.split(',');
        cells.splice(8, 5, '0.55', '0.55', '0.55', '0.55', 'TERTINGGAL');
        return cells.join(',');
      });
      const file = path.join(tmp, 'lowered.csv');
      fs.writeFileSync(file, `${header}\n${lowered.join('\n')}\n`);
      const run = await cli('import:idm', file, '--rejects', path.join(tmp, 'rejects-lowered.csv'));
      const written = Date.now();
      expect(run).toMatchObject({ code: 0 });
      const expected = await kabupatenMean();
      expect(expected.toFixed(4)).not.toBe(before);
      await waitForText(page, '[data-kpi="Mean IDM"] .kpi-value', expected.toFixed(4), 2000);
      measured.updateLatencyMs = Date.now() - written;
      await page.locator('.feed li', { hasText: '0.5500 Tertinggal' }).first().waitFor({ timeout: 2000 });
      expect(await page.locator('.feed li', { hasText: '0.5500 Tertinggal' }).count()).toBe(3);
      await shot(page, 'live-update');
    });

    it('resumes from its last cursor after the server restarts, losing no update and showing what it missed', async () => {
      const port = new URL(server.url).port;
      outage = true;
      await server.stop();
      await page.locator('.live-badge[data-state="reconnecting"]').waitFor();
      // Written while the page cannot hear anything: the published values come back.
      const file = path.join(tmp, 'restored.csv');
      fs.writeFileSync(file, `${header}\n${published.join('\n')}\n`);
      const run = await cli('import:idm', file, '--rejects', path.join(tmp, 'rejects-restored.csv'));
      expect(run).toMatchObject({ code: 0 });
      server = await startTestServer({ PORT: port });
      await page.locator('.live-badge[data-state="live"]').waitFor({ timeout: 15_000 });
      outage = false;
      await page.locator('[data-testid="missed"]').waitFor();
      await expect(page.locator('[data-testid="missed"]').textContent()).resolves.toMatch(/^3 changes came in while the connection was down/);
      const missed = (await page.locator('.feed li.was-missed a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).map((href) => href!.split('?')[0]!.split('/').at(-1));
      // Each change written while the server was down, once.
      expect([...missed].sort()).toEqual(codes.map(dotted).sort());
      await waitForText(page, '[data-kpi="Mean IDM"] .kpi-value', (await kabupatenMean()).toFixed(4));
      // The list comes back too: none of the three is listed with its lowered score any more.
      await page.waitForFunction(
        (rows) => rows.every(([code, score]) => {
          const cell = (globalThis as unknown as PageGlobal).document.querySelector(`[data-code="${code}"] td.num`);
          return cell === null || cell.textContent === score;
        }),
        published.map((line) => [dotted(line.split(',')[6]!), Number(line.split(',')[11]).toFixed(4)]),
      );
      await shot(page, 'resumed');
    });
  });

  it('is usable on a phone screen', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${origin()}/dashboard/kabupaten/${KUKAR}?year=2024`);
    await kpi(page, 'Mean IDM').waitFor();
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as PageGlobal).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'phone');
    await page.close();
  });

  describe('the Indeks Desa', () => {
    /** Lampung Timur's Indeks Desa 2025 summary as the API answers it now. */
    async function lamtim() {
      const { kabupaten } = await api<{ kabupaten: { province: { name: string }; indeksDesaSummary: IdSummary; indeksDesaRanking: { code: string; name: string; value: number }[] } }>(
        `{ kabupaten(code: "${LAMTIM}") { province { name }
            indeksDesaSummary(year: 2025) { assessed mean { ${DIMENSIONS.join(' ')} score } meanVsParent { ${DIMENSIONS.join(' ')} score } histogram(bins: 20) { from to count } }
            indeksDesaRanking(year: 2025, first: 5) { code name value } } }`,
      );
      return kabupaten;
    }
    type IdSummary = { assessed: number; mean: Record<string, number>; meanVsParent: Record<string, number>; histogram: { from: number; to: number; count: number }[] };
    const DIMENSIONS = ['layananDasar', 'sosial', 'ekonomi', 'lingkungan', 'aksesibilitas', 'tataKelola'];
    const LABELS: Record<string, string> = { layananDasar: 'Layanan Dasar', sosial: 'Sosial', ekonomi: 'Ekonomi', lingkungan: 'Lingkungan', aksesibilitas: 'Aksesibilitas', tataKelola: 'Tata Kelola' };
    const signed = (n: number) => (Math.abs(n) < 0.005 ? '±0' : `${n > 0 ? '+' : '−'}${Math.abs(n).toFixed(2)}`);
    let page: Page;

    beforeAll(async () => {
      // Both layouts of the sample, by the CLI in its own process (the second file finds every desa-year unchanged).
      const run = await cli('import:indeks-desa', INDEKS_DESA, '--rejects', path.join(tmp, 'rejects-indeks-desa.csv'));
      expect(run).toMatchObject({ code: 0 });
    }, 60_000);
    afterAll(() => page?.close());

    it('switches a kabupaten to the Indeks Desa, with its six dimensions, histogram and ranking as the API counts them', async () => {
      page = await newPage();
      await page.goto(`${origin()}/dashboard/kabupaten/${LAMTIM}?year=2024`);
      await kpi(page, 'Mean IDM').waitFor();
      await page.locator('button[data-index="INDEKS_DESA"]').click();
      await page.waitForURL(/\/dashboard\/kabupaten\/18\.07\?index=INDEKS_DESA&year=2025$/);
      await expect(page.locator('button[data-index="INDEKS_DESA"]').getAttribute('aria-pressed')).resolves.toBe('true');
      const { province, indeksDesaSummary: summary, indeksDesaRanking: ranking } = await lamtim();
      expect(summary.assessed).toBe(46);
      await waitForText(page, '[data-kpi="Mean Indeks Desa"] .kpi-value', summary.mean.score!.toFixed(2));
      await expect(page.locator('[data-testid="view-year"]').textContent()).resolves.toBe('Indeks Desa 2025');
      await expect(kpi(page, 'Assessed desa').textContent()).resolves.toBe('46');
      for (const [key, max] of [['layananDasar', 170], ['sosial', 85], ['ekonomi', 160], ['lingkungan', 90], ['aksesibilitas', 50], ['tataKelola', 80]] as const) {
        const card = page.locator(`[data-kpi="${LABELS[key]}"]`);
        await expect(card.locator('.kpi-value').textContent()).resolves.toBe(summary.mean[key]!.toFixed(2));
        await expect(card.locator('.kpi-of').textContent()).resolves.toBe(`of ${max}`);
        await expect(card.locator('.kpi-diffs').textContent()).resolves.toBe(`${signed(summary.meanVsParent[key]!)} vs ${province.name}`);
      }
      // The histogram over the whole 0–100 scale, bin for bin.
      const bins = await page.locator('[data-testid="histogram"] tr').evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-from')), Number(r.getAttribute('data-to')), Number(r.querySelector('td')!.textContent)]));
      expect(bins).toEqual(summary.histogram.map((b) => [b.from, b.to, b.count]));
      expect(bins[0]![0]).toBe(0);
      expect(bins.at(-1)![1]).toBe(100);
      // The kecamatan ranked by their mean Skor Indeks Desa.
      const best = await page.locator('ol[aria-label="Highest mean Indeks Desa"] li:not(.ranks-title)').evaluateAll((items) => items.map((li) => [li.querySelector('a')!.textContent, li.querySelector('.num')!.textContent]));
      expect(best).toEqual(ranking.map((r) => [r.name, r.value.toFixed(2)]));
      await waitForText(page, '[data-testid="village-total"]', '46 in view');
      await shot(page, 'indeks-desa-kabupaten');
    });

    it('lists the years of both families, labelled, and goes back to IDM through it', async () => {
      const options = await page.locator('header select option').evaluateAll((list) => list.map((o) => [o.parentElement!.getAttribute('label'), o.textContent]));
      expect(options).toContainEqual(['Indeks Desa', 'Indeks Desa 2025']);
      expect(options).toContainEqual(['IDM', 'IDM 2024']);
      expect(options.every(([group, label]) => label!.startsWith(`${group} `))).toBe(true);
      await page.locator('header select').selectOption('IDM:2024');
      await page.waitForURL(/\/dashboard\/kabupaten\/18\.07\?year=2024$/);
      await expect(page.locator('button[data-index="IDM"]').getAttribute('aria-pressed')).resolves.toBe('true');
      const { kabupaten } = await api<{ kabupaten: { idmSummary: { mean: { score: number } } } }>(`{ kabupaten(code: "${LAMTIM}") { idmSummary(year: 2024) { mean { score } } } }`);
      await waitForText(page, '[data-kpi="Mean IDM"] .kpi-value', kabupaten.idmSummary.mean.score.toFixed(4));
      await page.locator('header select').selectOption('INDEKS_DESA:2025');
      await page.waitForURL(/\/dashboard\/kabupaten\/18\.07\?index=INDEKS_DESA&year=2025$/);
      await kpi(page, 'Mean Indeks Desa').waitFor();
    });

    it('exports the Indeks Desa list in view as CSV, with the six dimensions, row for row the API’s list', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export"]').click()]);
      const file = path.join(tmp, 'export-indeks-desa.csv');
      await download.saveAs(file);
      const rows = parse(fs.readFileSync(file), { columns: true }) as Record<string, string>[];
      const { villages } = await api<{ villages: { edges: { node: { code: string; indeksDesa: { score: number; status: string; dimensions: Record<string, number> } } }[] } }>(
        `{ villages(filter: { kabupatenCode: "${LAMTIM}", indeksDesaYear: 2025 }, orderBy: INDEKS_DESA_SCORE_ASC, first: 100) {
            edges { node { code indeksDesa(year: 2025) { score status dimensions { ${DIMENSIONS.join(' ')} } } } } } }`,
      );
      expect(villages.edges).toHaveLength(46);
      expect(rows.map((r) => ({ code: r.code, score: Number(r.score), status: r.status, layananDasar: Number(r.layanan_dasar), tataKelola: Number(r.tata_kelola), year: r.indeks_desa_year }))).toEqual(
        villages.edges.map(({ node: v }) => ({ code: v.code, score: v.indeksDesa.score, status: v.indeksDesa.status, layananDasar: v.indeksDesa.dimensions.layananDasar, tataKelola: v.indeksDesa.dimensions.tataKelola, year: '2025' })),
      );
    });

    it('shows a desa’s six dimensions against their maxima and its status track: IDM years, then Indeks Desa years, labelled', async () => {
      const row = page.locator('[data-testid="village-table"] tbody tr').first();
      const code = (await row.getAttribute('data-code'))!;
      await row.locator('a').click();
      await page.waitForURL(new RegExp(`/dashboard/desa/${code.replaceAll('.', '\\.')}\\?index=INDEKS_DESA&year=2025$`));
      const { village } = await api<{ village: { indeksDesa: { score: number; dimensions: Record<string, number> }; statusTrack: { year: number; index: string; status: string; score: number }[] } }>(
        `query($c: String!) { village(code: $c) { indeksDesa(year: 2025) { score dimensions { ${DIMENSIONS.join(' ')} } } statusTrack { year index status score } } }`,
        { c: code },
      );
      await waitForText(page, '[data-testid="desa-score"]', village.indeksDesa.score.toFixed(2));
      for (const key of DIMENSIONS) {
        await expect(page.locator(`[data-dimension="${key}"] .kpi-value`).textContent()).resolves.toBe(village.indeksDesa.dimensions[key]!.toFixed(2));
        await expect(page.locator(`[data-dimension="${key}"] .meter`).getAttribute('aria-label')).resolves.toBe(`${village.indeksDesa.dimensions[key]} of ${{ layananDasar: 170, sosial: 85, ekonomi: 160, lingkungan: 90, aksesibilitas: 50, tataKelola: 80 }[key]}`);
      }
      // The national 2024 file gave it an IDM year: the track shows it first, then 2025, each on its own scale.
      expect([...new Set(village.statusTrack.map((t) => t.index))]).toEqual(['IDM', 'INDEKS_DESA']);
      const families = await page.locator('[data-testid="status-track"] > li').evaluateAll((groups) =>
        groups.map((g) => ({ label: g.querySelector('.track-label')!.textContent, years: [...g.querySelectorAll('li')].map((li) => [Number(li.getAttribute('data-year')), li.querySelector('.pill')!.textContent, li.querySelector('.num')!.textContent]) })),
      );
      const NAMES: Record<string, string> = { SANGAT_TERTINGGAL: 'Sangat Tertinggal', TERTINGGAL: 'Tertinggal', BERKEMBANG: 'Berkembang', MAJU: 'Maju', MANDIRI: 'Mandiri' };
      expect(families).toEqual([
        { label: 'IDM', years: village.statusTrack.filter((t) => t.index === 'IDM').map((t) => [t.year, NAMES[t.status], t.score.toFixed(4)]) },
        { label: 'Indeks Desa', years: village.statusTrack.filter((t) => t.index === 'INDEKS_DESA').map((t) => [t.year, NAMES[t.status], t.score.toFixed(2)]) },
      ]);
      await shot(page, 'indeks-desa-desa');
      await page.goBack();
      await page.waitForURL(/\/dashboard\/kabupaten\/18\.07\?index=INDEKS_DESA&year=2025$/);
    });

    it('sets the nation’s loaded Indeks Desa beside the counts Kepmendes 343/2025 published', async () => {
      const national = await newPage();
      await national.goto(`${origin()}/dashboard/?index=INDEKS_DESA&year=2025`);
      const { indeksDesaSummary: s } = await api<{ indeksDesaSummary: { assessed: number; officialCounts: { total: number; source: string } } }>('{ indeksDesaSummary(year: 2025) { assessed officialCounts { total source } } }');
      await national.locator('[data-testid="coverage"]').waitFor();
      const total = await national.locator('[data-testid="coverage"] tr[data-status="total"] td').allTextContents();
      expect(total).toEqual([s.assessed.toLocaleString('en-US'), s.officialCounts.total.toLocaleString('en-US'), `${((s.assessed / s.officialCounts.total) * 100).toFixed(2)}%`]);
      await expect(national.locator('[data-testid="coverage"] h2').textContent()).resolves.toContain(s.officialCounts.source);
      await shot(national, 'indeks-desa-national');
      await national.close();
    });

    it('shows a Desa Cerdas cohort’s enrolled desa and their whole kabupaten in the Indeks Desa', async () => {
      const slug = `indeks-desa-e2e-${Date.now()}`;
      await api(`mutation { createProgram(input: { slug: "${slug}", name: "Desa Cerdas Lampung Timur", agency: "Kemendes PDTT", year: 2025 }) { slug } }`);
      await api(`mutation { addLocus(input: { programSlug: "${slug}", kabupatenCode: "${LAMTIM}", quota: 5 }) { id } }`);
      const { villages } = await api<{ villages: { edges: { node: { code: string } }[] } }>(`{ villages(filter: { kabupatenCode: "${LAMTIM}", indeksDesaYear: 2025 }, orderBy: INDEKS_DESA_SCORE_DESC, first: 2) { edges { node { code } } } }`);
      for (const { node } of villages.edges) await api(`mutation { enrollVillage(input: { programSlug: "${slug}", villageCode: "${node.code}" }) { enrolledOn } }`);
      const { program } = await api<{ program: { indeksDesaSummary: { mean: { score: number } }; loci: { whole: { mean: { score: number } } }[] } }>(
        `{ program(slug: "${slug}") { indeksDesaSummary(year: 2025) { mean { score } } loci { whole: indeksDesaSummary(year: 2025, of: KABUPATEN) { mean { score } } } } }`,
      );
      const cohort = await newPage();
      await cohort.goto(`${origin()}/dashboard/program/${slug}?index=INDEKS_DESA&year=2025`);
      await waitForText(cohort, '[data-testid="program-mean"]', program.indeksDesaSummary.mean.score.toFixed(2));
      const locus = await cohort.locator(`tr[data-kabupaten="${LAMTIM}"] td.num`).allTextContents();
      // Enrolled / quota, then the enrolled desa's assessed, mean, share; then the whole kabupaten's.
      expect(locus.slice(0, 2)).toEqual(['2 / 5', '2']);
      expect(locus[4]).toBe('46');
      expect(locus[5]).toBe(program.loci[0]!.whole.mean.score.toFixed(2));
      await cohort.close();
    });

    it('moves the open page within 2 s of an Indeks Desa import in another process, and of a recordIndeksDesa mutation', async () => {
      await page.locator('.live-badge[data-state="live"]').waitFor();
      const lines = fs.readFileSync(path.join(INDEKS_DESA, 'lampung-timur-sample.csv'), 'utf8').trim().split(/\r?\n/);
      const published = lines.slice(1, 4);
      const before = await kpi(page, 'Mean Indeks Desa').textContent();
      // Three desa fall to Sangat Tertinggal: 150 of 635 points.
      const lowered = published.map((line) => {
        const cells = line.split(',');
        cells.splice(8, 8, '40', '20', '40', '20', '10', '20', '23.62', 'SANGAT TERTINGGAL');
        return cells.join(',');
      });
      const file = path.join(tmp, 'indeks-desa-lowered.csv');
      fs.writeFileSync(file, `${lines[0]}\n${lowered.join('\n')}\n`);
      const run = await cli('import:indeks-desa', file, '--rejects', path.join(tmp, 'rejects-indeks-desa-lowered.csv'));
      expect(run).toMatchObject({ code: 0 });
      const lowerMean = (await lamtim()).indeksDesaSummary.mean.score!.toFixed(2);
      expect(lowerMean).not.toBe(before);
      await waitForText(page, '[data-kpi="Mean Indeks Desa"] .kpi-value', lowerMean, 2000);
      await page.locator('.feed li', { hasText: '23.62 Sangat Tertinggal' }).first().waitFor({ timeout: 2000 });
      expect(await page.locator('.feed li', { hasText: '23.62 Sangat Tertinggal' }).count()).toBe(3);
      await shot(page, 'indeks-desa-live');

      // The published values come back through the operators' mutation.
      const input = published.map((line) => {
        const c = line.split(',');
        const [layananDasar, sosial, ekonomi, lingkungan, aksesibilitas, tataKelola, score] = c.slice(8, 15).map(Number);
        return { villageCode: c[6], year: 2025, layananDasar, sosial, ekonomi, lingkungan, aksesibilitas, tataKelola, score, status: c[15]!.replace(' ', '_') };
      });
      await api('mutation($input: [IndeksDesaInput!]!) { recordIndeksDesa(input: $input) { changes } }', { input });
      await waitForText(page, '[data-kpi="Mean Indeks Desa"] .kpi-value', before!, 2000);
      await expect(page.locator('.feed li').count()).resolves.toBe(6);
    });
  });

  it('requested nothing off its origin and logged no console error', () => {
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // While the server was stopped, Chromium itself reported each refused reconnection attempt,
    // all to the page's own origin; the page logged nothing.
    const ws = origin().replace(/^http/, 'ws');
    expect(refusedDuringOutage.every((text) => text.startsWith(`WebSocket connection to '${ws}/graphql' failed`))).toBe(true);
    measured.reconnectionAttemptsDuringOutage = refusedDuringOutage.length;
  });
});
