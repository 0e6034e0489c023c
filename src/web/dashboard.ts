import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { PROJECT_ROOT } from '../project-root';

/** Where the dashboard is served. */
export const DASHBOARD_PATH = '/dashboard';

/** Vite's output (see web/dashboard/vite.config.mts). */
export const DASHBOARD_BUILD_DIR = path.join(PROJECT_ROOT, 'dist', 'dashboard');

/** The dashboard's documents by hash (graphql-codegen's persisted documents), written by `npm run build`: TRUSTED_DOCUMENTS takes it. */
export const DASHBOARD_MANIFEST = path.join(DASHBOARD_BUILD_DIR, 'persisted-documents.json');

/**
 * Everything the page loads comes from this origin: the API, its WebSocket, scripts, styles and
 * fonts (none: the system's). The policy makes a slip (a CDN link, a remote font) fail loudly in
 * the browser instead of leaking visitors to a third party.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  // uPlot and Preact set element styles from script.
  "style-src 'self' 'unsafe-inline'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The live IDM dashboard (web/dashboard), built by `npm run build` into dist/dashboard and served
 * from there: hashed assets are cached for a year, and every page path gets index.html (the page
 * routes itself, so a shared URL such as /dashboard/kabupaten/64.02?year=2024 opens where it was).
 */
export function dashboardRouter(buildDir = DASHBOARD_BUILD_DIR): Router {
  const router = express.Router();
  const index = path.join(buildDir, 'index.html');
  router.use(
    `${DASHBOARD_PATH}/assets`,
    express.static(path.join(buildDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  router.get([DASHBOARD_PATH, `${DASHBOARD_PATH}/*page`], (_req, res) => {
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The dashboard is not built: run `npm run build` (npm install does it too).\n');
      return;
    }
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
