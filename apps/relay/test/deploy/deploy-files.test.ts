import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { RelayMetrics } from '../../src/metrics/registry';

/**
 * deploy/ (Kubernetes, Prometheus rules, Grafana dashboard), the Dockerfile and
 * docker-compose.yml: parsed, wired as documented, and every metric they query is one that
 * `/metrics` exposes.
 */
const ROOT = resolve(import.meta.dirname, '../../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: manifests are free-form YAML, asserted with expect
type Doc = Record<string, any>;
const yamlDocs = (path: string) => loadAll(read(path)).filter(Boolean) as Doc[];
const k8s = readdirSync(join(ROOT, 'deploy/k8s'))
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((f) => yamlDocs(`deploy/k8s/${f}`));
const byName = (kind: string, name: string) => {
  const doc = k8s.find((d) => d.kind === kind && d.metadata?.name === name);
  if (!doc) throw new Error(`deploy/k8s has no ${kind} ${name}`);
  return doc;
};
const container = (doc: Doc) => (doc.spec.template.spec.containers as Doc[])[0]!;
const secretEnv = (c: Doc) =>
  Object.fromEntries(
    (c.env as Doc[])
      .filter((e) => e.valueFrom?.secretKeyRef)
      .map((e) => [e.name, e.valueFrom.secretKeyRef.key]),
  );
const plainEnv = (c: Doc) =>
  Object.fromEntries((c.env as Doc[]).filter((e) => 'value' in e).map((e) => [e.name, e.value]));

/** Every metric name a PromQL expression refers to (relay_*, process_*, nodejs_*). */
const metricNames = (expr: string) =>
  [...expr.matchAll(/\b((?:relay|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]!);

/** The series names `/metrics` exposes, with the _bucket/_sum/_count of histograms. */
async function exposedNames(): Promise<Set<string>> {
  const metrics = new RelayMetrics();
  metrics.queueGauges(async () => ({
    depth: [{ status: 'pending', platform: 'meta_capi', count: 1 }],
    oldestDueAgeSeconds: 0,
    unroutedEvents: 0,
    paused: [{ platform: 'meta_capi', destination: 'credential:1', since: new Date(0) }],
  }));
  metrics.eventsIngested(1, 1);
  metrics.deliveryFinished('meta_capi', 'credential:1', 'failed');
  metrics.credentialNeedsAttention('meta_capi', 'credential:1');
  metrics.attempt('meta_capi', 10);
  const { body } = await metrics.render();
  const names = new Set<string>();
  for (const line of body.split('\n')) {
    const typed = /^# TYPE (\S+) (\w+)/.exec(line);
    if (typed) {
      names.add(typed[1]!);
      if (typed[2] === 'histogram' || typed[2] === 'summary')
        for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${typed[1]}${suffix}`);
    }
  }
  return names;
}

describe('deploy/k8s', () => {
  it('runs the API with readiness and liveness probes and secrets from the relay Secret', () => {
    const api = byName('Deployment', 'relay-api');
    const c = container(api);
    expect(c.args).toEqual(['start']);
    expect(plainEnv(c)).toMatchObject({ WORKER_ENABLED: 'false', RELAY_ENV: 'production' });
    expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(c.livenessProbe.httpGet.path).toBe('/health');
    expect(c.ports.map((p: Doc) => p.containerPort)).toEqual([8000]);
    expect(secretEnv(c)).toEqual({
      DATABASE_URL: 'DATABASE_URL',
      ENCRYPTION_KEY: 'ENCRYPTION_KEY',
      BASIC_AUTH_USERNAME: 'BASIC_AUTH_USERNAME',
      BASIC_AUTH_PASSWORD: 'BASIC_AUTH_PASSWORD',
    });
    expect(byName('Service', 'relay-api').spec.selector).toEqual(api.spec.selector.matchLabels);
  });

  it('runs the worker as its own Deployment, probed and scraped on METRICS_PORT', () => {
    const worker = byName('Deployment', 'relay-worker');
    const c = container(worker);
    expect(c.args).toEqual(['worker']);
    expect(worker.spec.replicas).toBeGreaterThanOrEqual(1);
    expect(worker.spec.selector.matchLabels).not.toEqual(
      byName('Deployment', 'relay-api').spec.selector.matchLabels,
    );
    const port = Number(plainEnv(c).METRICS_PORT);
    expect(c.ports.map((p: Doc) => p.containerPort)).toEqual([port]);
    expect(worker.spec.template.metadata.annotations['prometheus.io/port']).toBe(String(port));
    expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(c.livenessProbe.httpGet.path).toBe('/health');
    expect(secretEnv(c)).toEqual({ DATABASE_URL: 'DATABASE_URL', ENCRYPTION_KEY: 'ENCRYPTION_KEY' });
  });

  it('migrates in a Job; every pod runs as non-root; kustomization lists every manifest', () => {
    const job = byName('Job', 'relay-migrate');
    expect(container(job).args).toEqual(['migrate']);
    expect(secretEnv(container(job))).toMatchObject({ ENCRYPTION_KEY: 'ENCRYPTION_KEY' });
    for (const doc of k8s.filter((d) => d.spec?.template))
      expect(doc.spec.template.spec.securityContext.runAsNonRoot, doc.metadata.name).toBe(true);
    const [kustomization] = yamlDocs('deploy/k8s/kustomization.yaml');
    expect([...kustomization!.resources].sort()).toEqual(
      readdirSync(join(ROOT, 'deploy/k8s'))
        .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
        .sort(),
    );
  });
});

describe('deploy/prometheus and deploy/grafana', () => {
  const rules = (yamlDocs('deploy/prometheus/relay-alerts.yaml')[0]!.groups as Doc[]).flatMap(
    (g) => g.rules as Doc[],
  );
  const dashboard = JSON.parse(read('deploy/grafana/relay-dashboard.json')) as Doc;

  it('alert on the backlog, the oldest due delivery, failure rate per destination and credentials', () => {
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'RelayBacklogGrowing',
        'RelayOldestDueDeliveryOld',
        'RelayDestinationFailing',
        'RelayCredentialNeedsAttention',
      ]),
    );
    const failing = rules.find((r) => r.alert === 'RelayDestinationFailing')!;
    expect(failing.expr).toContain('by (platform, destination)');
    expect(failing.annotations.summary).toContain('{{ $labels.destination }}');
    for (const rule of rules) {
      expect(rule.expr, rule.alert).toBeTruthy();
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary, rule.alert).toBeTruthy();
    }
  });

  it('query only metrics that /metrics exposes', async () => {
    const exposed = await exposedNames();
    const used = [
      ...rules.flatMap((r) => metricNames(r.expr)),
      ...(dashboard.panels as Doc[]).flatMap((p) => (p.targets as Doc[]).flatMap((t) => metricNames(t.expr))),
    ];
    expect(used.length).toBeGreaterThan(20);
    expect([...new Set(used)].filter((name) => !exposed.has(name))).toEqual([]);
    // Every relay metric is on the dashboard.
    const relay = [...exposed].filter((n) => n.startsWith('relay_') && !/_(bucket|sum|count)$/.test(n));
    const onDashboard = new Set(
      (dashboard.panels as Doc[]).flatMap((p) => (p.targets as Doc[]).flatMap((t) => metricNames(t.expr))),
    );
    expect(relay.filter((n) => ![...onDashboard].some((u) => u.startsWith(n)))).toEqual([]);
    expect(new Set((dashboard.panels as Doc[]).map((p) => p.id)).size).toBe(dashboard.panels.length);
  });
});

describe('Dockerfile and docker-compose.yml', () => {
  it('builds in one stage and ships production files to a non-root node with a readiness HEALTHCHECK', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^FROM node:20\S* AS build$/m);
    expect(dockerfile).toContain('pnpm --filter @relay/host deploy --prod /out');
    expect(dockerfile).toMatch(/^COPY --from=build .*\/out \/app$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/health\/ready/m);
    expect(dockerfile).toContain('ENTRYPOINT ["node", "dist/cli.js"]');
    expect(dockerfile).not.toMatch(/tsx/);
  });

  it('runs MySQL 8, a migration step, then the API and a separate worker', () => {
    const [compose] = yamlDocs('docker-compose.yml');
    const services = compose!.services as Doc;
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'mysql', 'worker']);
    expect(services.mysql.image).toMatch(/^mysql:8\./);
    expect(services.migrate.command).toEqual(['migrate']);
    expect(services.migrate.depends_on).toEqual({ mysql: { condition: 'service_healthy' } });
    expect(services.api.command).toEqual(['start']);
    expect(services.api.environment.WORKER_ENABLED).toBe('false');
    expect(services.worker.command).toEqual(['worker']);
    for (const name of ['api', 'worker'])
      expect(services[name].depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
  });
});
