import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/auth/accounts';
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
    expect(Object.keys(list.responses)).toEqual(['200', '401', '403', '422', '429', '503']);
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
    expect(Object.keys(put.responses)).toEqual(['200', '401', '403', '404', '409', '422', '429', '503']);
    expect(put.responses['422'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ValidationError',
    });
    expect(doc.components.schemas.PlatformCreate.required).toEqual(['platform_code', 'name']);
    expect(doc.components.schemas.Platform.example.platform_code).toBe('meta_capi');
  });
});

describe('/openapi.json: ingestion, events, operator views, preview, health', () => {
  it('documents POST /v1/events with the OMS batch, its result and every status the contract names', () => {
    const ingest = doc.paths['/v1/events'].post;
    expect(ingest.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/OmsBatch',
    });
    expect(Object.keys(ingest.responses)).toEqual(['202', '401', '413', '422', '429', '503']);
    expect(ingest.responses['202'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/IngestResult',
    });
    expect(doc.components.schemas.OmsBatch.properties.data.items.required).toEqual([
      'storefront_id',
      'event_name',
      'event_time',
      'order_id',
    ]);
    expect(doc.components.schemas.OmsBatch.properties.data.items.additionalProperties).toEqual({});
    expect(doc.components.schemas.IngestResult.required).toEqual([
      'accepted',
      'rejected',
      'event_ids',
      'ids',
      'errors',
    ]);
  });

  it('generates the operator views, events admin, preview and health routes from their definitions', () => {
    const operations = (path: string) =>
      Object.entries(doc.paths[path] as Record<string, { responses: Record<string, unknown> }>).map(
        ([method, op]) => `${method} ${Object.keys(op.responses).join(',')}`,
      );
    expect(operations('/admin/v1/event-search')).toEqual(['get 200,401,403,422,429,503']);
    expect(operations('/admin/v1/events/{id}/replay')).toEqual(['post 200,401,403,404,422,429,503']);
    expect(operations('/admin/v1/kill-switches')).toEqual(['get 200,401,403,429,503']);
    expect(operations('/admin/v1/credentials/{id}/preview')).toEqual(['post 200,401,403,404,422,429,503']);
    expect(operations('/health/ready')).toEqual(['get 200,503']);
    expect(doc.paths['/admin/v1/audit-log'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'actor',
      'resource_type',
      'resource_id',
      'cursor',
      'limit',
    ]);
    expect(doc.paths['/metrics'].get.responses['200'].content['text/plain'].schema).toEqual({
      type: 'string',
    });
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.components.schemas.Replay.properties.statuses.default).toEqual(['failed']);
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

describe('/openapi.json: access', () => {
  it("names each admin operation's role from the rules the middleware applies", () => {
    const role = (path: string, method: string) => doc.paths[path][method]['x-relay-role'];
    expect(role('/admin/v1/kill-switches', 'get')).toBe('viewer');
    expect(role('/admin/v1/events/{id}/replay', 'post')).toBe('operator');
    expect(role('/admin/v1/credentials', 'post')).toBe('admin');
    expect(role('/admin/v1/accounts', 'get')).toBe('admin');
    const put = doc.paths['/admin/v1/credentials/{id}'].put;
    expect(put.description).toContain('Role: admin (operator when the body is only `{"is_active": …}`).');
    expect(doc.paths['/admin/v1/credentials/{id}'].get.description).toContain(
      'Role: viewer (admin with `?decrypt=true`).',
    );
    expect(doc.paths['/v1/events'].post['x-relay-role']).toBeUndefined();
    expect(doc.paths['/health'].get.responses['401']).toBeUndefined();
  });

  it('documents the 403 and 429 answers the middleware really gives', async () => {
    await addAccount(t.database.db, 'vera', 'viewer', 'viewer-secret-1');
    const viewer = await t.call('POST', '/admin/v1/events/1/replay', undefined, {
      authorization: `Basic ${Buffer.from('vera:viewer-secret-1').toString('base64')}`,
    });
    expect(viewer.status).toBe(403);
    expect(
      doc.paths['/admin/v1/events/{id}/replay'].post.responses['403'].content['application/json'].schema,
    ).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(Object.keys(await viewer.json()).sort()).toEqual(
      Object.keys(doc.components.schemas.Problem.properties).sort(),
    );
    expect(doc.paths['/v1/events'].post.responses['429'].headers['Retry-After'].schema).toEqual({
      type: 'integer',
    });
  });
});
