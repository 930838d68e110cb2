/**
 * A small Prometheus registry (text exposition format 0.0.4): counters with labels and one
 * latency histogram. Gauges that need the database (queue depth, oldest due age) are read at
 * scrape time by `collectQueueGauges`.
 */
type Labels = Record<string, string>;

const key = (labels: Labels) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');

export class Counter {
  readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) lines.push(`${this.name}${k ? `{${k}}` : ''} ${v}`);
    return lines.join('\n');
  }
}

export class Histogram {
  readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[],
  ) {}
  observe(labels: Labels, value: number): void {
    const k = key(labels);
    const s = this.series.get(k) ?? { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((b, i) => {
      if (value <= b) s.counts[i]! += 1;
    });
    s.sum += value;
    s.count += 1;
    this.series.set(k, s);
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [k, s] of this.series) {
      const sep = k ? `${k},` : '';
      for (const [i, b] of this.buckets.entries())
        lines.push(`${this.name}_bucket{${sep}le="${b}"} ${s.counts[i]}`);
      lines.push(`${this.name}_bucket{${sep}le="+Inf"} ${s.count}`);
      lines.push(`${this.name}_sum${k ? `{${k}}` : ''} ${s.sum}`);
      lines.push(`${this.name}_count${k ? `{${k}}` : ''} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/** The relay's metrics. One instance per process. */
export class RelayMetrics {
  readonly ingested = new Counter(
    'relay_events_ingested_total',
    'OMS records accepted or rejected at ingest',
  );
  readonly deliveries = new Counter('relay_deliveries_total', 'Deliveries finished, by platform and outcome');
  readonly attemptSeconds = new Histogram(
    'relay_delivery_attempt_duration_seconds',
    'HTTP attempt latency to platforms',
    [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );

  eventsIngested(accepted: number, rejected: number): void {
    if (accepted) this.ingested.inc({ result: 'accepted' }, accepted);
    if (rejected) this.ingested.inc({ result: 'rejected' }, rejected);
  }

  deliveryFinished(platform: string, outcome: string): void {
    this.deliveries.inc({ platform, outcome });
  }

  attempt(platform: string, durationMs: number): void {
    this.attemptSeconds.observe({ platform }, durationMs / 1000);
  }

  render(gauges: string[] = []): string {
    return `${[this.ingested.render(), this.deliveries.render(), this.attemptSeconds.render(), ...gauges].join('\n')}\n`;
  }
}
