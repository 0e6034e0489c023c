import path from 'node:path';
import express, { type Router } from 'express';

/**
 * GraphiQL served from the project's own dependencies: the machine running the API may be
 * offline, so no CDN. Queries go over HTTP, subscriptions over graphql-ws on the same path.
 */
const ASSETS: Record<string, string> = {
  'react.js': 'react/umd/react.production.min.js',
  'react-dom.js': 'react-dom/umd/react-dom.production.min.js',
  'graphiql.js': 'graphiql/graphiql.min.js',
  'graphiql.css': 'graphiql/graphiql.min.css',
  'graphql-ws.js': 'graphql-ws/umd/graphql-ws.min.js',
};

function resolveAsset(file: string): string {
  const [pkg, ...rest] = file.split('/');
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...rest);
}

const EXAMPLE = `# Desa Cerdas API. Try:
{
  province(code: "64") {
    name
    kabupatens { code name kind villageCounts { desa kelurahan } }
  }
}
`;

function page(assetBase: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Desa Cerdas API · GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="${assetBase}/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${assetBase}/react.js"></script>
  <script src="${assetBase}/react-dom.js"></script>
  <script src="${assetBase}/graphql-ws.js"></script>
  <script src="${assetBase}/graphiql.js"></script>
  <script>
    const url = new URL(window.location.pathname, window.location.href).toString();
    const wsUrl = url.replace(/^http/, 'ws');
    const wsClient = graphqlWs.createClient({
      url: wsUrl,
      // The same credentials as HTTP: an Authorization header entered in GraphiQL's headers tab.
      connectionParams: () => {
        try { return JSON.parse(localStorage.getItem('graphiql:headers') || '{}'); } catch { return {}; }
      },
      lazy: true,
    });
    const fetcher = GraphiQL.createFetcher({ url, wsClient });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE)}, shouldPersistHeaders: true }),
    );
  </script>
</body>
</html>`;
}

/** Mounts GraphiQL on GET `endpoint` for browsers and its assets under `<endpoint>/assets/graphiql`. */
export function graphiqlRouter(endpoint: string): Router {
  const router = express.Router();
  const assetBase = `${endpoint}/assets/graphiql`;
  const html = page(assetBase);
  router.get(`${assetBase}/:file`, (req, res, next) => {
    const asset = ASSETS[req.params.file];
    if (!asset) return next();
    res.sendFile(resolveAsset(asset), { maxAge: '1d' });
  });
  router.get(endpoint, (req, res, next) => {
    // Browsers ask for HTML; GraphQL clients using GET ask for JSON and go on to Apollo.
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    res.type('html').send(html);
  });
  return router;
}
