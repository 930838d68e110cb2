import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_ASSETS } from '../../src/http/docs-page';
import { type TestApp, createTestApp } from '../support/app';

let t: TestApp;
// biome-ignore lint/suspicious/noExplicitAny: the document is checked by the OpenAPI schema, then read freely
let doc: any;
beforeAll(async () => {
  t = await createTestApp();
  doc = await (await t.app.request('/openapi.json')).json();
});
afterAll(() => t.close());

/** Routes that serve files rather than the API: the console's and the docs page's own assets. */
const NOT_API = [/^\/console(\/|$)/, /^\/docs\/assets\//];

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every route the app serves, with its methods', () => {
    const served = t.app.routes
      .filter((r) => r.method !== 'ALL' && !NOT_API.some((re) => re.test(r.path)))
      .map((r) => `${r.method} ${r.path.replaceAll(/:([^/]+)/g, '{$1}')}`);
    const described = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(served.length).toBeGreaterThan(30);
    expect(served.filter((route) => !described.includes(route))).toEqual([]);
  });

  it('generates converted routes from their definitions: request schemas, responses, examples', () => {
    const list = doc.paths['/admin/v1/platforms'].get;
    expect(list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'query:skip',
      'query:limit',
      'query:is_active',
      'query:tier',
      'query:category',
    ]);
    expect(Object.keys(list.responses)).toEqual(['200', '401', '422']);
    const put = doc.paths['/admin/v1/platforms/{id}'].put;
    expect(put.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Numeric id',
        schema: { type: 'string', pattern: '^\\d{1,10}$', description: 'Numeric id', example: '1' },
      },
    ]);
    expect(put.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/PlatformUpdate',
    });
    expect(Object.keys(put.responses)).toEqual(['200', '401', '404', '409', '422']);
    expect(put.responses['422'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ValidationError',
    });
    expect(doc.components.schemas.PlatformCreate.required).toEqual(['platform_code', 'name']);
    expect(doc.components.schemas.Platform.example.platform_code).toBe('meta_capi');
  });
});

describe('/docs', () => {
  it('is served with its assets by the relay itself, from no other origin', async () => {
    const page = await t.app.request('/docs');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      'docs/assets/swagger-ui.css',
      'openapi.json',
      'docs/assets/swagger-ui-bundle.js',
      'docs/assets/init.js',
    ]);
    for (const name of DOCS_ASSETS) {
      const asset = await t.app.request(`/docs/assets/${name}`);
      expect(asset.status, name).toBe(200);
      expect((await asset.text()).length, name).toBeGreaterThan(name === 'init.js' ? 50 : 100_000);
    }
    expect(await (await t.app.request('/docs/assets/init.js')).text()).toContain("new URL('openapi.json'");
    expect((await t.app.request('/docs/assets/../package.json')).status).toBe(404);
  });
});
