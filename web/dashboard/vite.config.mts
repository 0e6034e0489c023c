import { defineConfig } from 'vite';

/**
 * The dashboard's build: web/dashboard → dist/dashboard, served by the API server at /dashboard
 * (src/web/dashboard.ts). `npm run dev:dashboard` serves it with hot reload and sends /graphql
 * (HTTP and WebSocket) and /export to an API on localhost:4000 (`npm start`).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/dashboard/',
  build: {
    outDir: '../../dist/dashboard',
    emptyOutDir: true,
    // One small app: no module preload polyfill, no source maps shipped.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true },
      '/export': 'http://localhost:4000',
    },
  },
});
