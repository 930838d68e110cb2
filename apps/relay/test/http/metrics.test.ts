import { FIXED_NOW } from '@relay/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { RelayMetrics } from '../../src/metrics/registry';
import { workerEndpoint } from '../../src/metrics/worker-endpoint';
import { createWorker } from '../../src/worker/index';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

/** Each series line of a Prometheus text exposition: name, labels, value. */
function series(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not a series line: ${line}`);
      const labels = Object.fromEntries(
        [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]),
      );
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

describe('RelayMetrics (prom-client)', () => {
  it('renders the counters and the latency histogram with Prometheus names and labels', async () => {
    const m = new RelayMetrics({ processMetrics: false });
    m.eventsIngested(3, 1);
    m.deliveryFinished('meta_capi', 'credential:7', 'delivered');
    m.deliveryFinished('meta_capi', 'credential:7', 'delivered');
    m.deliveryFinished('sgtm', 'sgtm:2', 'failed');
    m.credentialNeedsAttention('meta_capi', 'credential:7');
    m.attempt('meta_capi', 120);
    const { contentType, body } = await m.render();
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(body).toContain('# TYPE relay_events_ingested_total counter');
    expect(body).toContain('relay_events_ingested_total{result="accepted"} 3');
    expect(body).toContain('relay_events_ingested_total{result="rejected"} 1');
    expect(body).toContain(
      'relay_deliveries_total{platform="meta_capi",destination="credential:7",outcome="delivered"} 2',
    );
    expect(body).toContain('relay_deliveries_total{platform="sgtm",destination="sgtm:2",outcome="failed"} 1');
    expect(body).toContain(
      'relay_credential_auth_failures_total{platform="meta_capi",destination="credential:7"} 1',
    );
    expect(body).toContain('relay_delivery_attempt_duration_seconds_bucket{le="0.1",platform="meta_capi"} 0');
    expect(body).toContain(
      'relay_delivery_attempt_duration_seconds_bucket{le="0.25",platform="meta_capi"} 1',
    );
    expect(body).toContain('relay_delivery_attempt_duration_seconds_count{platform="meta_capi"} 1');
    expect(body).toContain('relay_delivery_attempt_duration_seconds_sum{platform="meta_capi"} 0.12');
    expect(body).not.toContain('process_resident_memory_bytes');
  });

  it('adds the process metrics operators alert on: CPU, RSS, heap, event-loop lag, GC', async () => {
    const { body } = await new RelayMetrics().render();
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_gc_duration_seconds',
    ])
      expect(body).toContain(`# HELP ${name} `);
  });
});

describe('/metrics after a real pipeline', () => {
  let f: PipelineFixture;
  let credentialId: number;
  const metrics = new RelayMetrics();
  const logLines: Array<Record<string, unknown>> = [];
  let eventIds: string[];

  beforeAll(async () => {
    f = await pipelineFixture();
    const bosley = await f.storefront('bosley');
    credentialId = await f.credential(bosley, 'meta_capi');
    const records = ['PII-ORDER-1', 'PII-ORDER-2'].map((order_id, i) => ({
      event_id: `PII-EVENT-${i}`,
      storefront_id: 'bosley',
      event_name: 'purchase_completed',
      event_time: '2026-01-15T10:25:00Z',
      order_id,
      order_revenue: 10,
      email: `person${i}@example.com`,
      phone: `+1415555000${i}`,
      first_name: 'Ada',
    }));
    const res = await f.t.call('POST', '/v1/events', { data: records }, { 'x-request-id': 'oms-batch-7' });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe('oms-batch-7');
    const stored = await f.t.database.db.event.findMany({ orderBy: { id: 'asc' } });
    expect(stored.map((e) => [e.orderId, e.requestId])).toEqual([
      ['PII-ORDER-1', 'oms-batch-7'],
      ['PII-ORDER-2', 'oms-batch-7'],
    ]);
    eventIds = stored.map((e) => String(e.id));
    const logger = createLogger('info', {}, (l) => logLines.push(JSON.parse(l)));
    const runtime = {
      db: f.t.database.db,
      config: f.t.config,
      cipher: f.t.cipher,
      registry: f.registry,
      logger,
    };
    await createWorker(runtime, { now: () => FIXED_NOW, metrics }).drain();
  });
  afterAll(() => f.close());

  it("logs each finished delivery with the ingest request's id", () => {
    const finished = logLines.filter((l) => l.msg === 'delivery finished');
    expect(finished.map((l) => [l.requestId, l.eventId, l.platform, l.destination, l.status])).toEqual(
      eventIds.map((id) => ['oms-batch-7', id, 'meta_capi', `credential:${credentialId}`, 'delivered']),
    );
  });

  it('counts deliveries by platform and destination; labels never carry event, order or personal data', async () => {
    const { body } = await metrics.render();
    expect(body).toContain(
      `relay_deliveries_total{platform="meta_capi",destination="credential:${credentialId}",outcome="delivered"} 2`,
    );
    const lines = series(body);
    // Every relay_* label takes its values from a closed set: no room for an id or personal data.
    const platforms = new Set(f.registry.all().map((a) => a.code));
    const allowed: Record<string, (v: string) => boolean> = {
      result: (v) => ['accepted', 'rejected'].includes(v),
      platform: (v) => platforms.has(v),
      destination: (v) => /^(credential|sgtm):\d+$/.test(v),
      outcome: (v) => ['delivered', 'pending', 'failed', 'suppressed', 'skipped'].includes(v),
      status: (v) => ['pending', 'leased'].includes(v),
      le: (v) => v === '+Inf' || Number.isFinite(Number(v)),
    };
    const relay = lines.filter((l) => l.name.startsWith('relay_'));
    expect(relay.length).toBeGreaterThan(10);
    for (const { name, labels } of relay)
      for (const [label, value] of Object.entries(labels))
        expect(allowed[label]?.(value), `${name}{${label}="${value}"}`).toBe(true);
    const text = lines.flatMap((l) => Object.values(l.labels)).join('\n');
    for (const forbidden of ['PII-ORDER', 'PII-EVENT', '@example.com', '+1415555', 'Ada', 'oms-batch-7'])
      expect(text).not.toContain(forbidden);
  });

  it('/metrics serves the registry with the queue gauges read at scrape time', async () => {
    const res = await f.t.app.request('/metrics');
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE relay_delivery_queue_depth gauge');
    expect(text).toContain('relay_oldest_due_delivery_age_seconds 0');
    expect(text).toContain('relay_events_unrouted 0');
    expect(text).toContain('# HELP process_resident_memory_bytes ');
  });
});

describe('credential needing attention', () => {
  it('counts a platform auth answer against the destination', async () => {
    const f = await pipelineFixture();
    try {
      const bosley = await f.storefront('bosley');
      const credentialId = await f.credential(bosley, 'meta_capi');
      f.sim.script(
        'meta_capi',
        [
          {
            status: 401,
            body: {
              error: {
                message: 'Invalid OAuth access token',
                type: 'OAuthException',
                code: 190,
                fbtrace_id: 'T',
              },
            },
          },
        ],
        { repeatLast: true },
      );
      await f.ingest({
        data: [
          {
            storefront_id: 'bosley',
            event_name: 'purchase_completed',
            event_time: '2026-01-15T10:25:00Z',
            order_id: 'A-1',
            order_revenue: 10,
            email: 'person@example.com',
          },
        ],
      });
      const metrics = new RelayMetrics({ processMetrics: false });
      await f.worker({ metrics }).drain(1);
      const { body } = await metrics.render();
      expect(body).toContain(
        `relay_credential_auth_failures_total{platform="meta_capi",destination="credential:${credentialId}"} 1`,
      );
      expect(body).toContain(
        `relay_deliveries_total{platform="meta_capi",destination="credential:${credentialId}",outcome="paused"} 1`,
      );
    } finally {
      await f.close();
    }
  });
});

describe('relay worker METRICS_PORT endpoint', () => {
  it('serves the worker process metrics, with the queue gauges, and its probes', async () => {
    const f = await pipelineFixture();
    try {
      const metrics = new RelayMetrics();
      metrics.deliveryFinished('meta_capi', 'credential:3', 'delivered');
      const app = workerEndpoint({ db: f.t.database.db, metrics });
      const text = await (await app.request('/metrics')).text();
      expect(text).toContain(
        'relay_deliveries_total{platform="meta_capi",destination="credential:3",outcome="delivered"} 1',
      );
      expect(text).toContain('relay_oldest_due_delivery_age_seconds 0');
      expect(text).toContain('# HELP nodejs_eventloop_lag_seconds ');
      expect(await (await app.request('/health/ready')).json()).toEqual({
        status: 'ready',
        database: 'healthy',
        ready: true,
      });
      expect((await app.request('/health')).status).toBe(200);
    } finally {
      await f.close();
    }
  });
});
