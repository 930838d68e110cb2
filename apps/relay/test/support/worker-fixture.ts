import { MultiFernet } from '@relay/core';
import { FIXED_NOW, type Simulator, startSimulator } from '@relay/testing';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createRegistry } from '../../src/platforms/registry';
import { type Worker, type WorkerOptions, createWorker } from '../../src/worker/index';
import { TEST_KEY, type TestApp, createTestApp } from './app';

export interface PipelineFixture {
  t: TestApp;
  sim: Simulator;
  registry: ReturnType<typeof createRegistry>;
  worker(options?: WorkerOptions): Worker;
  storefront(code: string): Promise<number>;
  credential(storefrontId: number, platform: string, extra?: Record<string, unknown>): Promise<number>;
  ingest(body: unknown): Promise<{ accepted: number; event_ids: string[]; ids: number[] }>;
  deliveries(): Promise<
    Array<{ platform: string; status: string; attempts: number; reason: string | null; key: string }>
  >;
  close(): Promise<void>;
}

/** A migrated database, the API, the platform simulator and workers on a fixed clock. */
export async function pipelineFixture(env: Record<string, string> = {}): Promise<PipelineFixture> {
  const t = await createTestApp(env);
  const sim = await startSimulator();
  const registry = createRegistry();
  const config = loadConfig({
    DATABASE_URL: t.database.url,
    ENCRYPTION_KEY: TEST_KEY,
    RELAY_ENV: 'test',
    ...env,
  });
  const runtime = {
    db: t.database.db,
    config,
    cipher: new MultiFernet(TEST_KEY),
    registry,
    logger: createLogger('silent'),
  };
  const workers: Worker[] = [];
  return {
    t,
    sim,
    registry,
    worker(options = {}) {
      const w = createWorker(runtime, { now: () => FIXED_NOW, pollMs: 20, ...options });
      workers.push(w);
      return w;
    },
    async storefront(code) {
      const res = await t.call('POST', '/admin/v1/storefronts', { storefront_id: code, name: code });
      return ((await res.json()) as { id: number }).id;
    },
    async credential(storefrontId, platform, extra = {}) {
      const p = await t.database.db.platform.findUniqueOrThrow({ where: { code: platform } });
      const res = await t.call('POST', '/admin/v1/credentials', {
        storefront_id: storefrontId,
        platform_id: p.id,
        credentials: registry.get(platform)!.credentialsExample,
        base_url: `${sim.url}/${platform}`,
        ...extra,
      });
      if (res.status !== 201) throw new Error(`credential: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: number }).id;
    },
    async ingest(body) {
      const res = await t.call('POST', '/v1/events', body);
      return (await res.json()) as { accepted: number; event_ids: string[]; ids: number[] };
    },
    async deliveries() {
      const rows = await t.database.db.delivery.findMany({ orderBy: { id: 'asc' } });
      return rows.map((d) => ({
        platform: d.platformCode,
        status: d.status,
        attempts: d.attempts,
        reason: d.reason,
        key: d.destinationKey,
      }));
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
      await sim.stop();
      await t.close();
    },
  };
}
