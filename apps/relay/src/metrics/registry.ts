import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueueState } from './queue-gauges';

/**
 * The relay's Prometheus metrics (prom-client): counters and the attempt-latency histogram
 * updated as work happens, Node's process metrics (`process_*`, `nodejs_*`: CPU, RSS, heap,
 * event-loop lag, GC), and queue gauges read from the database at scrape time.
 *
 * Labels carry platform codes (`platform`) and destinations (`destination`: `credential:<id>`
 * or `sgtm:<id>`, the delivery's destination key), never event ids, order ids or personal data,
 * so series stay few and alerts can name the failing destination.
 */
export class RelayMetrics {
  readonly registry = new Registry();

  readonly ingested = new Counter({
    name: 'relay_events_ingested_total',
    help: 'OMS records accepted or rejected at ingest',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly deliveries = new Counter({
    name: 'relay_deliveries_total',
    help: 'Deliveries finished, by platform, destination and outcome (pending = retry scheduled)',
    labelNames: ['platform', 'destination', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly credentialAuthFailures = new Counter({
    name: 'relay_credential_auth_failures_total',
    help: 'Platform answers saying a credential needs attention (rejected or expired token, refresh failed), by destination',
    labelNames: ['platform', 'destination'] as const,
    registers: [this.registry],
  });

  readonly isolationRequests = new Counter({
    name: 'relay_isolation_requests_total',
    help: 'Extra requests sent to isolate the bad events of a batch an all-or-nothing platform refused, by platform',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });

  readonly attemptSeconds = new Histogram({
    name: 'relay_delivery_attempt_duration_seconds',
    help: 'HTTP attempt latency to platforms',
    labelNames: ['platform'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Register the queue gauges, read by `read` when Prometheus scrapes (one read per scrape for
   * all the gauges). Every process that serves `/metrics` reports the same queue: aggregate
   * them with `max`, not `sum`. Registering twice is a no-op.
   */
  queueGauges(read: () => Promise<QueueState>): void {
    if (this.registry.getSingleMetric('relay_delivery_queue_depth')) return;
    let scrape: Promise<QueueState> | undefined;
    // prom-client collects the three gauges of one scrape together: they share one read.
    const state = () => {
      scrape ??= read().finally(() => {
        scrape = undefined;
      });
      return scrape;
    };
    new Gauge({
      name: 'relay_delivery_queue_depth',
      help: 'Deliveries waiting or in flight, by status and platform',
      labelNames: ['platform', 'status'] as const,
      registers: [this.registry],
      async collect() {
        const { depth } = await state();
        this.reset();
        for (const row of depth) this.set({ platform: row.platform, status: row.status }, row.count);
      },
    });
    new Gauge({
      name: 'relay_oldest_due_delivery_age_seconds',
      help: 'Age of the oldest delivery that is due and not yet sent',
      registers: [this.registry],
      async collect() {
        this.set((await state()).oldestDueAgeSeconds);
      },
    });
    new Gauge({
      name: 'relay_destination_paused',
      help: 'Destinations paused because the platform refused their credential (1 while paused; update the credential to resume)',
      labelNames: ['platform', 'destination'] as const,
      registers: [this.registry],
      async collect() {
        const { paused } = await state();
        this.reset();
        for (const p of paused) this.set({ platform: p.platform, destination: p.destination }, 1);
      },
    });
    new Gauge({
      name: 'relay_events_unrouted',
      help: 'Events accepted and not yet routed',
      registers: [this.registry],
      async collect() {
        this.set((await state()).unroutedEvents);
      },
    });
  }

  eventsIngested(accepted: number, rejected: number): void {
    if (accepted) this.ingested.inc({ result: 'accepted' }, accepted);
    if (rejected) this.ingested.inc({ result: 'rejected' }, rejected);
  }

  deliveryFinished(platform: string, destination: string, outcome: string): void {
    this.deliveries.inc({ platform, destination, outcome });
  }

  credentialNeedsAttention(platform: string, destination: string): void {
    this.credentialAuthFailures.inc({ platform, destination });
  }

  isolation(platform: string, requests: number): void {
    if (requests > 0) this.isolationRequests.inc({ platform }, requests);
  }

  attempt(platform: string, durationMs: number): void {
    this.attemptSeconds.observe({ platform }, durationMs / 1000);
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
