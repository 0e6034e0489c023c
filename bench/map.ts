/**
 * `npm run bench:map -- [--runs 5]`
 *
 * The national kabupaten map in Debian's Chromium (headless, no GPU) on a fresh start: starts the
 * real server as a child process (NODE_ENV=production, compressed answers), opens /dashboard/ in a
 * new browser profile (nothing cached), and prints, from the navigation's start:
 * - the time the map is drawn (its 514 kabupaten paths in the DOM, read on the frame they land),
 * - the bytes transferred (CDP Network.loadingFinished's encodedDataLength: compressed bodies and
 *   headers, every request of the page but the WebSocket's frames),
 * - when the map's request (NationalMap) and the view's (NationalView) were sent and answered,
 * against baselines of the same run: the first contentful paint and the key figures on screen (the
 * view without its map), and the map's answer with and without its shapes (`$shapes`), gzip.
 * The first run is the fresh start (the server's first page); the others open new profiles on the
 * same server. Budgets: the map ≤ 1.5 s and ≤ 1.5 MB.
 * Uses DATABASE_URL when set, else an embedded PostgreSQL; loads the national IDM 2024 file there
 * first when the database has no IDM 2024.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { importIdm } from '../src/importers/idm/idm.importer';
import { benchDatabase, percentile, startServerProcess, stopServerProcess } from './support';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const NATIONAL = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'idm-2024.csv');
const MANIFEST = path.join(__dirname, '..', 'dashboard', 'persisted-documents.json');
const BUDGET = { ms: 1500, bytes: 1.5 * 1024 * 1024 };

/** What the page-side functions use of the DOM (this file compiles without the DOM's types). */
type PageGlobal = { document: { querySelector(s: string): unknown; querySelectorAll(s: string): { length: number } }; performance: { now(): number; getEntriesByName(name: string): { startTime: number }[] } };

interface Run {
  fcpMs: number;
  figuresMs: number;
  mapMs: number;
  bytes: number;
  /** Kabupaten paths drawn (of 514). */
  paths: number;
  /** When the view's figures (NationalView) and its map (NationalMap: the kabupaten's figures and shapes) were asked for and had arrived. */
  askedMs: number;
  answerMs: number;
  mapAskedMs: number;
  mapAnswerMs: number;
}

async function openNational(base: string): Promise<Run> {
  const [viewDocument, mapDocument] = [documentId('NationalView'), documentId('NationalMap')];
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-bench-map-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    // CDP's clock (s): the page's navigation starts with its document's request; the view's request is the one naming its document.
    let navigationStart = NaN;
    const asked = new Map<string, { document: string; ms: number }>();
    const answered = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; type?: string; request: { postData?: string } }) => {
      if (e.type === 'Document' && Number.isNaN(navigationStart)) navigationStart = e.timestamp;
      for (const document of [viewDocument, mapDocument]) if (e.request.postData?.includes(document)) asked.set(e.requestId, { document, ms: (e.timestamp - navigationStart) * 1000 });
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      const request = asked.get(e.requestId);
      if (request) answered.set(request.document, (e.timestamp - navigationStart) * 1000);
    });
    await page.goto(`${base}/dashboard/?year=2024`, { waitUntil: 'commit' });
    // Each wait answers with the page's clock (ms since its navigation started) on the frame it held.
    const at = (predicate: string) =>
      page
        .waitForFunction(
          ([selector, count]) => {
            const g = globalThis as unknown as PageGlobal;
            const done = count ? g.document.querySelectorAll(selector!).length >= Number(count) : g.document.querySelector(selector!) !== null;
            return done && g.performance.now();
          },
          predicate.split('|'),
          { polling: 'raf', timeout: 30_000 },
        )
        .then((handle) => handle.jsonValue() as Promise<number>);
    // The map's paths arrive in one render: the first path is the whole map (a kabupaten whose shape draws nothing has no path).
    const [figuresMs, mapMs] = await Promise.all([at('[data-kpi="Mean IDM"] .kpi-value'), at('svg[data-testid="map"] path[data-code]|1')]);
    const paths = await page.locator('svg[data-testid="map"] path[data-code]').count();
    const fcpMs = await page.evaluate(() => (globalThis as unknown as PageGlobal).performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    // Whatever is still in flight (the view's own list) lands before the bytes are read.
    await page.waitForLoadState('networkidle');
    const askedFor = (document: string) => [...asked.values()].find((r) => r.document === document)?.ms ?? NaN;
    return {
      fcpMs,
      figuresMs,
      mapMs,
      bytes,
      paths,
      askedMs: askedFor(viewDocument),
      answerMs: answered.get(viewDocument) ?? NaN,
      mapAskedMs: askedFor(mapDocument),
      mapAnswerMs: answered.get(mapDocument) ?? NaN,
    };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The national view's answer as the server sends it (gzip), with or without the shapes. */
/** A dashboard operation's hash (bare hex) in the build's manifest, found by its name among the fragments it carries. */
function documentId(operation: string): string {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
  const id = Object.keys(manifest).find((hash) => manifest[hash]!.includes(`query ${operation}(`));
  if (!id) throw new Error(`no ${operation} in ${MANIFEST}: run npm run build`);
  return id.replace(/^sha256:/, '');
}

/** An answer as the server sends it, as JSON and gzip. */
async function answerBytes(base: string, operation: string, variables: Record<string, unknown>): Promise<{ json: number; gzip: number }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documentId: `sha256:${documentId(operation)}`, variables }),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${operation} answered ${response.status}: ${text.slice(0, 300)}`);
  return { json: Buffer.byteLength(text), gzip: zlib.gzipSync(text).length };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  const database = await benchDatabase('bench');
  const env = { TOKEN_SECRET: randomBytes(32).toString('base64url'), RATE_LIMIT_COST: '0' };
  // A first start migrates and loads the register and the shapes; its page would not be a fresh start's.
  let server = await startServerProcess(database.url, env);
  const assessed = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ idmSummary(year: 2024) { assessed } }' }) });
  const loaded = ((await assessed.json()) as { data?: { idmSummary: { assessed: number } } }).data?.idmSummary.assessed ?? 0;
  await stopServerProcess(server.child);
  if (loaded === 0) {
    console.log('loading the national IDM 2024 file…');
    await importIdm(database.url, [NATIONAL], { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream, rejectsFile: path.join(os.tmpdir(), 'bench-map-rejects.csv') });
  }
  server = await startServerProcess(database.url, env);
  try {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await openNational(server.base);
      runs.push(run);
      console.log(`${i === 0 ? 'fresh start' : `run ${i + 1}      `}  map of ${run.paths} kabupaten ${run.mapMs.toFixed(0)} ms, ${kb(run.bytes)}   (first contentful paint ${run.fcpMs.toFixed(0)} ms; map asked ${run.mapAskedMs.toFixed(0)}, answered ${run.mapAnswerMs.toFixed(0)}; figures asked ${run.askedMs.toFixed(0)}, answered ${run.answerMs.toFixed(0)}, on screen ${run.figuresMs.toFixed(0)} ms)`);
    }
    const view = await answerBytes(server.base, 'NationalView', { year: 2024, prev: 2023 });
    const [withShapes, withoutShapes] = [await answerBytes(server.base, 'NationalMap', { year: 2024, shapes: true }), await answerBytes(server.base, 'NationalMap', { year: 2024, shapes: false })];
    const median = (pick: (r: Run) => number) => percentile(runs.map(pick).sort((a, b) => a - b), 50);
    console.log(`median of ${RUNS}: map ${median((r) => r.mapMs).toFixed(0)} ms, ${kb(median((r) => r.bytes))}; key figures ${median((r) => r.figuresMs).toFixed(0)} ms; first contentful paint ${median((r) => r.fcpMs).toFixed(0)} ms`);
    console.log(`answers: NationalMap ${kb(withShapes.json)} JSON, ${kb(withShapes.gzip)} gzip (a refresh, without the shapes: ${kb(withoutShapes.json)}, ${kb(withoutShapes.gzip)} gzip); NationalView ${kb(view.json)} JSON, ${kb(view.gzip)} gzip`);
    const fresh = runs[0]!;
    const ok = fresh.mapMs <= BUDGET.ms && fresh.bytes <= BUDGET.bytes;
    console.log(`${ok ? 'PASS' : 'FAIL'}: fresh start ${fresh.mapMs.toFixed(0)} ms (budget ${BUDGET.ms}), ${kb(fresh.bytes)} (budget ${kb(BUDGET.bytes)})`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stopServerProcess(server.child);
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
