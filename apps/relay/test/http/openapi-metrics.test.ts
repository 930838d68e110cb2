import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayMetrics } from '../../src/metrics/registry';
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

describe('/metrics', () => {
  it('exposes Prometheus text with the queue gauges', async () => {
    const res = await t.app.request('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE relay_delivery_queue_depth gauge');
    expect(text).toContain('relay_oldest_due_delivery_age_seconds 0');
  });

  it('renders counters and the latency histogram', () => {
    const m = new RelayMetrics();
    m.eventsIngested(3, 1);
    m.deliveryFinished('meta_capi', 'delivered');
    m.attempt('meta_capi', 120);
    const text = m.render();
    expect(text).toContain('relay_events_ingested_total{result="accepted"} 3');
    expect(text).toContain('relay_events_ingested_total{result="rejected"} 1');
    expect(text).toContain('relay_deliveries_total{outcome="delivered",platform="meta_capi"} 1');
    expect(text).toContain(
      'relay_delivery_attempt_duration_seconds_bucket{platform="meta_capi",le="0.25"} 1',
    );
    expect(text).toContain('relay_delivery_attempt_duration_seconds_bucket{platform="meta_capi",le="0.1"} 0');
    expect(text).toContain('relay_delivery_attempt_duration_seconds_count{platform="meta_capi"} 1');
  });
});
