import { Hono } from 'hono';
import { isDatabaseHealthy } from '../db/client';
import type { Runtime } from '../runtime';
import { readQueueState } from './queue-gauges';

/**
 * What a `relay worker` process serves on METRICS_PORT: its own `/metrics` (the delivery
 * counters live in the process that sends) and the probes `/health` and `/health/ready`.
 */
export function workerEndpoint(runtime: Pick<Runtime, 'db' | 'metrics'>): Hono {
  const { db, metrics } = runtime;
  metrics.queueGauges(() => readQueueState(db));
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'healthy', role: 'worker' }));
  app.get('/health/ready', async (c) =>
    (await isDatabaseHealthy(db))
      ? c.json({ status: 'ready', database: 'healthy', ready: true })
      : c.json({ status: 'not_ready', database: 'unhealthy', ready: false }, 503),
  );
  app.get('/metrics', async (c) => {
    const { contentType, body } = await metrics.render();
    return c.text(body, 200, { 'content-type': contentType });
  });
  return app;
}
