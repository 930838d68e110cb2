import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('/openapi.json and /docs', () => {
  it('describes every route with schemas generated from the zod validators', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/events',
        '/admin/v1/storefronts/{id}',
        '/admin/v1/credentials',
        '/admin/v1/events/{id}',
        '/health/ready',
        '/admin/v1/stats/deliveries',
        '/admin/v1/event-search',
        '/admin/v1/failure-groups',
        '/admin/v1/audit-log',
      ]),
    );
    expect(doc.components.schemas.StorefrontCreate!.required).toEqual(['storefront_id', 'name']);
    expect(Object.keys(doc.components.schemas.OmsBatch!.properties!)).toContain('data');
    const page = await t.app.request('/docs');
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/openapi.json');
  });
});
