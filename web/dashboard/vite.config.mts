import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dashboard's documents by hash (codegen's persisted-documents.json, `npm run codegen`) go into
 * the build beside the page: the server reads them from there to know the hashes the page sends,
 * and an operator points TRUSTED_DOCUMENTS at them (src/admission/trusted-documents.ts).
 */
function persistedDocuments(): Plugin {
  const source = join(import.meta.dirname, 'src/generated/persisted-documents.json');
  return {
    name: 'persisted-documents',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'persisted-documents.json', source: readFileSync(source, 'utf8') });
    },
  };
}

/**
 * The dashboard's build: web/dashboard → dist/dashboard, served by the API server at /dashboard
 * (src/web/dashboard.ts). `npm run dev:dashboard` serves it with hot reload and sends /graphql
 * (HTTP and WebSocket) and /export to an API on localhost:4000 (`npm start`). The build also writes
 * dist/dashboard/persisted-documents.json, the manifest of the page's documents.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/dashboard/',
  plugins: [persistedDocuments()],
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
