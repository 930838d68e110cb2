import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { defineRoute, openApiRouter } from './openapi-route';

/**
 * `/docs`: Swagger UI rendering `/openapi.json`, its assets read once from the exactly pinned
 * `swagger-ui-dist` package and served by the relay itself (no CDN: the page works on a host without
 * internet access, and no third-party script runs next to the admin API).
 */
const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Page and assets may talk to this origin only: the API document and Try-it-out calls. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Relative URLs, so the page also works behind a reverse proxy that mounts the relay under a prefix. */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relay API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<noscript>The API description is at <a href="openapi.json">/openapi.json</a>; see also docs/api.md.</noscript>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/assets/init.js"></script></body></html>`;

/** No inline script (the CSP forbids it); `validatorUrl: null` stops Swagger UI calling validator.swagger.io. */
const INIT = `window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).href,
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
});
`;

const ASSETS: Record<string, { type: string; body: string }> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', body: asset('swagger-ui.css') },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', body: asset('swagger-ui-bundle.js') },
  'init.js': { type: 'text/javascript; charset=utf-8', body: INIT },
};

function asset(name: string): string {
  // The bundle ends with a sourceMappingURL to a .map we do not serve.
  return readFileSync(join(SWAGGER_UI_DIR, name), 'utf8').replace(/\n\/[/*]# sourceMappingURL=\S+\s*$/, '\n');
}

/** The assets served under `/docs/assets/`, for tests. */
export const DOCS_ASSETS = Object.keys(ASSETS);

const pageRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['documentation'],
  security: [],
  summary: 'This API reference, rendered by Swagger UI (served by the relay, no CDN)',
  responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } } },
});

export function docsRoutes() {
  const app = openApiRouter();
  defineRoute(app, pageRoute, (c) => c.html(PAGE, 200, SECURITY_HEADERS));
  app.get('/assets/:name', (c) => {
    const found = ASSETS[c.req.param('name')];
    if (!found) return c.json({ detail: 'Not Found' }, 404);
    return c.body(found.body, 200, {
      ...SECURITY_HEADERS,
      'content-type': found.type,
      'cache-control': 'public, max-age=86400',
    });
  });
  return app;
}
