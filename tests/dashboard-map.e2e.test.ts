import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import '../src/fresh-build';
import { importIdm } from '../src/importers/idm/idm.importer';
import { importBoundaries } from '../src/importers/boundaries.importer';
import { startTestServer, type TestServer } from './helpers/server';

/**
 * The dashboard's map in Debian's Chromium against the real server, with the national IDM 2024 file
 * and the desa shapes of Kalimantan Timur loaded: the national view draws all 514 kabupaten from
 * the shapes in its one answer, a click on one opens its view, a kabupaten draws its desa by
 * status, and a write through the GraphQL mutation recolours that desa within a second; nothing is
 * requested off the page's origin (no basemap, no tile) and nothing is logged as an error.
 */

const DATA = path.join(__dirname, '..', '..', 'shared', 'data');
const NATIONAL = path.join(DATA, 'idm-2024.csv');
const DESA_SHAPES = path.join(DATA, 'boundaries', 'desa', '64.geojson.gz');
const SCREENSHOTS = path.join(__dirname, 'screenshots');
const KUKAR = '64.02';
const quiet = { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };

let server: TestServer;
let context: BrowserContext;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-map-'));
const offOrigin: string[] = [];
const consoleErrors: string[] = [];
const origin = () => new URL(server.url).origin;
/** The desa shapes this suite added (not those another suite of the run had imported), taken back at the end. */
let added: string[] = [];

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DESA_TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
const desaShapes = async () => (await sql<{ code: string }>(`select code from region_shape where level = 'village' and code like '64.%'`)).map((r) => r.code);

async function api<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await server.raw(query, variables);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return page;
}

/** What page-side functions use of the DOM (the tests are type-checked without the DOM's types). */
interface El {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
}
type PageGlobal = { document: { querySelector(selector: string): El | null; querySelectorAll(selector: string): { length: number }; elementFromPoint(x: number, y: number): El | null } };

/**
 * A point of the screen where the region's own path is the topmost element, so a real mouse click
 * lands on it (the middle of its box may be a neighbour, a bay or a hole).
 */
async function pointOn(page: Page, code: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((c) => {
    const d = (globalThis as unknown as PageGlobal).document;
    const path = d.querySelector(`svg[data-testid="map"] path[data-code="${c}"]`);
    if (!path) return null;
    const box = path.getBoundingClientRect();
    for (let i = 1; i < 20; i++)
      for (let j = 1; j < 20; j++) {
        const x = box.left + (box.width * i) / 20;
        const y = box.top + (box.height * j) / 20;
        if (d.elementFromPoint(x, y) === path) return { x, y };
      }
    return null;
  }, code);
  if (!point) throw new Error(`no visible point of ${code} on the map`);
  return point;
}

const fillOf = (page: Page, code: string) => page.locator(`svg[data-testid="map"] path[data-code="${code}"]`).getAttribute('fill');

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // A first start migrates, loads the register and the province, kabupaten and kecamatan shapes.
  await (await startTestServer()).stop();
  await importIdm(process.env.DESA_TEST_DATABASE_URL!, [NATIONAL], { ...quiet, rejectsFile: path.join(tmp, 'rejects.csv') });
  const before = new Set(await desaShapes());
  await importBoundaries(process.env.DESA_TEST_DATABASE_URL!, [DESA_SHAPES], { ...quiet, rejectsFile: path.join(tmp, 'rejects-shapes.csv') });
  added = (await desaShapes()).filter((code) => !before.has(code));
  server = await startTestServer();
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(tmp, 'chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== new URL(origin()).host) offOrigin.push(request.url());
  });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
  // Later suites of the run find the desa shapes as they were (tests/geo-import.test.ts writes some of these desa itself).
  if (added.length) await sql(`delete from region_shape where code = any($1)`, [added]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the dashboard map', () => {
  it('draws all 514 kabupaten on the national view, with a legend, names and figures on hover', async () => {
    // Every kabupaten has a shape to draw at the national map's detail.
    const { provinces } = await api<{ provinces: { kabupatens: { code: string; boundary: { coordinates: unknown[] } | null }[] }[] }>('{ provinces { kabupatens { code boundary(detail: LOW) } } }');
    const kabupatens = provinces.flatMap((p) => p.kabupatens);
    expect(kabupatens).toHaveLength(514);
    expect(kabupatens.filter((k) => !k.boundary?.coordinates.length).map((k) => k.code)).toEqual([]);

    const page = await newPage();
    await page.goto(`${origin()}/dashboard/?year=2024`);
    const map = page.locator('svg[data-testid="map"]');
    await page.waitForFunction(() => (globalThis as unknown as PageGlobal).document.querySelectorAll('svg[data-testid="map"] path[data-code]').length === 514);
    await expect(map.getAttribute('role')).resolves.toBe('img');
    await expect(map.getAttribute('aria-label')).resolves.toMatch(/^Map of the kabupaten \/ kota of Indonesia, coloured by the share of their desa Mandiri or Maju, IDM 2024\.$/);

    // Each kabupaten in its class of the share Mandiri+Maju, as the API counts it.
    const { kabupaten } = await api<{ kabupaten: { name: string; idmSummary: { top: number } } }>(`{ kabupaten(code: "${KUKAR}") { name idmSummary(year: 2024) { top: share(statuses: [MANDIRI, MAJU]) } } }`);
    const legend = await page.locator('.map-legend li').allTextContents();
    expect(legend.map((l) => l.trim())).toEqual(['0.0% – 20.0%', '20.0% – 40.0%', '40.0% – 60.0%', '60.0% – 80.0%', '80.0% – 100.0%', 'no data']);
    const swatches = await page.locator('.map-legend li i').evaluateAll((list) => list.map((i) => (i as unknown as { style: { background: string } }).style.background));
    const fill = await fillOf(page, KUKAR);
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(swatches[Math.min(4, Math.floor(kabupaten.idmSummary.top * 5))]).toBe(rgb(fill!));

    const { x, y } = await pointOn(page, KUKAR);
    await page.mouse.move(x, y);
    await page.locator('.map-tip', { hasText: kabupaten.name }).waitFor({ timeout: 5_000 });
    await expect(page.locator('.map-tip').textContent()).resolves.toContain(`Mandiri+Maju ${(kabupaten.idmSummary.top * 100).toFixed(1)}%`);
    await expect(page.locator(`path[data-code="${KUKAR}"] title`).textContent()).resolves.toMatch(new RegExp(`^${kabupaten.name}: Mandiri\\+Maju`));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-national.png') });

    // The switch colours by the mean instead, and says so in the URL.
    await page.locator('button[data-measure="MEAN"]').click();
    await page.waitForURL(/\/dashboard\/\?year=2024&map=MEAN$/);
    await expect(map.getAttribute('aria-label')).resolves.toContain('coloured by their mean IDM score');
    await expect(page.locator('button[data-measure="MEAN"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.close();
  });

  it('drills down to a kabupaten when one is clicked, and draws its desa by status', async () => {
    const page = await newPage();
    await page.goto(`${origin()}/dashboard/?year=2024`);
    // The map lands in one render.
    await page.locator(`svg[data-testid="map"] path[data-code="${KUKAR}"]`).waitFor();
    const { x, y } = await pointOn(page, KUKAR);
    await page.mouse.click(x, y);
    await page.waitForURL(/\/dashboard\/kabupaten\/64\.02\?year=2024$/);
    // The URL moves before the view's answer lands: wait for the kabupaten's heading, not the nation's.
    await page.locator('h1', { hasText: 'Kabupaten Kutai Kartanegara' }).waitFor({ timeout: 10_000 });
    // Its desa, each in its status's colour; the legend is the status legend.
    const { kabupaten } = await api<{ kabupaten: { villageCounts: { total: number } } }>(`{ kabupaten(code: "${KUKAR}") { villageCounts { total } } }`);
    await page.locator('.map h2', { hasText: 'Desa' }).waitFor();
    const drawn = await page.locator('svg[data-testid="map"] path[data-code]').count();
    expect(drawn).toBeGreaterThan(kabupaten.villageCounts.total * 0.9);
    expect(drawn).toBeLessThanOrEqual(kabupaten.villageCounts.total);
    expect((await page.locator('.map-legend li').allTextContents()).map((l) => l.trim())).toEqual(['Mandiri', 'Maju', 'Berkembang', 'Tertinggal', 'Sangat Tertinggal', 'not assessed']);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-kabupaten.png') });
    await page.close();
  });

  it('recolours a desa within a second of a write through the GraphQL mutation', async () => {
    const page = await newPage();
    await page.goto(`${origin()}/dashboard/kabupaten/${KUKAR}?year=2024`);
    await page.locator('.live-badge[data-state="live"]').waitFor();
    await page.locator('.map h2', { hasText: 'Desa' }).waitFor();
    // A desa drawn on the map and assessed Berkembang or better in 2024.
    const { villages } = await api<{ villages: { edges: { node: { code: string; idm: { score: number; iks: number; ike: number; ikl: number; status: string } } }[] } }>(
      `{ villages(filter: { kabupatenCode: "${KUKAR}", idmYear: 2024, idmStatus: [BERKEMBANG, MAJU, MANDIRI] }, first: 50) { edges { node { code idm(year: 2024) { score iks ike ikl status } } } } }`,
    );
    let desa: (typeof villages.edges)[number]['node'] | undefined;
    for (const { node } of villages.edges) if (await page.locator(`svg[data-testid="map"] path[data-code="${node.code}"]`).count()) (desa ??= node);
    expect(desa).toBeDefined();
    const before = await fillOf(page, desa!.code);
    const record = (v: { score: number; iks: number; ike: number; ikl: number; status: string }) =>
      api('mutation($input: [IdmAssessmentInput!]!) { recordIdmAssessments(input: $input) { changes } }', {
        input: [{ villageCode: desa!.code, year: 2024, score: v.score, iks: v.iks, ike: v.ike, ikl: v.ikl, status: v.status }],
      });

    // The desa falls to Sangat Tertinggal: from the mutation's request to the new colour on screen, at most a second.
    const sent = Date.now();
    await record({ score: 0.45, iks: 0.45, ike: 0.45, ikl: 0.45, status: 'SANGAT_TERTINGGAL' });
    await page.waitForFunction(([c]) => (globalThis as unknown as PageGlobal).document.querySelector(`svg[data-testid="map"] path[data-code="${c}"]`)?.getAttribute('fill') === '#a51f2d', [desa!.code], {
      timeout: Math.max(1, 1000 - (Date.now() - sent)),
    });
    process.stdout.write(`map recoloured ${Date.now() - sent} ms after the mutation was sent\n`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-recoloured.png') });

    // Its published values come back, and so does its colour.
    await record(desa!.idm);
    await page.waitForFunction(([c, f]) => (globalThis as unknown as PageGlobal).document.querySelector(`svg[data-testid="map"] path[data-code="${c}"]`)?.getAttribute('fill') === f, [desa!.code, before], { timeout: 1000 });
    await page.close();
  });

  it('draws a kecamatan’s desa and a program’s loci', async () => {
    const page = await newPage();
    await page.goto(`${origin()}/dashboard/district/64.02.08?year=2024`);
    await page.locator('.map h2', { hasText: 'Desa' }).waitFor();
    expect(await page.locator('svg[data-testid="map"] path[data-code^="64.02.08."]').count()).toBeGreaterThan(5);

    const slug = `map-e2e-${Date.now()}`;
    await api(`mutation { createProgram(input: { slug: "${slug}", name: "Desa Cerdas Kaltim", agency: "Kemendes PDTT", year: 2024 }) { slug } }`);
    for (const code of ['64.02', '64.03']) await api(`mutation { addLocus(input: { programSlug: "${slug}", kabupatenCode: "${code}", quota: 5 }) { id } }`);
    await page.goto(`${origin()}/dashboard/program/${slug}?year=2024`);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobal).document.querySelectorAll('svg[data-testid="map"] path[data-code]').length === 2);
    const { x, y } = await pointOn(page, '64.03');
    await page.mouse.click(x, y);
    await page.waitForURL(/\/dashboard\/kabupaten\/64\.03\?year=2024$/);
    await page.close();
  });

  it('requested nothing off its origin and logged no console error', () => {
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
