/**
 * `pnpm demo`: the whole flow on a fresh database with no platform account. Starts the local
 * platform simulator, creates two storefronts with simulator-backed credentials (Meta, TikTok,
 * GA4, Pinterest direct; the pfizer storefront through a custom sGTM container), posts the
 * seed README's batch (January 2026, so platforms with an event-age window refuse it, and say
 * why) and the same batch stamped today with an email and IP, runs the worker, and prints every
 * delivery.
 */
import { MultiFernet, generateFernetKey } from '@relay/core';
import { SEED_BATCH, startSimulator } from '@relay/testing';
import { loadConfig } from './config';
import { createDb } from './db/client';
import { eventsWithDeliveries } from './db/events';
import { dropDatabase, migrate } from './db/migrate';
import { findPlatformByCode } from './db/platforms';
import { createApp } from './http/app';
import { createLogger } from './log';
import { createRegistry } from './platforms/registry';
import { seedPlatforms } from './platforms/seed';
import { createWorker } from './worker/index';

const url = process.env.DEMO_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/relay_demo';
await dropDatabase(url);
await migrate(url);

const key = generateFernetKey();
const config = loadConfig({ ...process.env, DATABASE_URL: url, ENCRYPTION_KEY: key, LOG_LEVEL: 'warn' });
const db = createDb(url);
const registry = createRegistry();
await seedPlatforms(db, registry);
const logger = createLogger('warn');
const cipher = new MultiFernet(key);
const app = createApp({ config, db, cipher, registry, logger });
const sim = await startSimulator();

const auth = `Basic ${Buffer.from(`${config.BASIC_AUTH_USERNAME}:${config.BASIC_AUTH_PASSWORD}`).toString('base64')}`;
const call = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
};
const platformId = async (code: string) => {
  const platform = await findPlatformByCode(db, code);
  if (!platform) throw new Error(`platform ${code} is not seeded`);
  return platform.id;
};

const bosley = (await call('POST', '/admin/v1/storefronts', { storefront_id: 'bosley', name: 'Bosley' }))
  .id as number;
const pfizer = (await call('POST', '/admin/v1/storefronts', { storefront_id: 'pfizer', name: 'Pfizer' }))
  .id as number;
for (const code of ['meta_capi', 'tiktok_events', 'ga4', 'pinterest_capi']) {
  await call('POST', '/admin/v1/credentials', {
    storefront_id: bosley,
    platform_id: await platformId(code),
    credentials: registry.get(code)!.credentialsExample,
    base_url: `${sim.url}/${code}`,
  });
}
await call('POST', '/admin/v1/sgtm-configs', {
  storefront_id: pfizer,
  sgtm_url: `${sim.url}/sgtm`,
  client_type: 'custom',
  custom_endpoint_path: '/collect',
});
await call('POST', '/admin/v1/credentials', {
  storefront_id: pfizer,
  platform_id: await platformId('meta_capi'),
  credentials: registry.get('meta_capi')!.credentialsExample,
  destination_type: 'sgtm',
});

const today = new Date(Date.now() - 10 * 60_000).toISOString();
const fresh = {
  ...SEED_BATCH,
  data: SEED_BATCH.data.map((r, i) => ({
    ...r,
    order_id: `${r.order_id}-today`,
    event_time: today,
    email: `customer${i}@example.com`,
    ip_address: '203.0.113.7',
    user_agent: 'Mozilla/5.0 (demo)',
  })),
};
const ingested = [await call('POST', '/v1/events', SEED_BATCH), await call('POST', '/v1/events', fresh)];
console.log(`ingested: ${ingested.map((r) => `${r.accepted} accepted / ${r.rejected} rejected`).join(', ')}`);

await createWorker({ db, config, cipher, registry, logger }, { pollMs: 10 }).drain();

const events = await eventsWithDeliveries(db);
for (const e of events) {
  console.log(
    `\n#${e.id} ${e.storefrontCode} ${e.eventName} order ${e.orderId} at ${e.eventTime.toISOString()} → ${e.status}`,
  );
  for (const d of e.deliveries) {
    const name = d.platformEventName ? ` as ${d.platformEventName}` : '';
    console.log(
      `   ${d.platformCode.padEnd(15)} ${d.status.padEnd(10)} attempts ${d.attempts}${name}${d.reason ? `  (${d.reason.slice(0, 140)})` : ''}`,
    );
  }
}
console.log(
  `\nthe simulator received ${sim.received.length} requests: ${[...new Set(sim.received.map((r) => `${r.platform}${r.path}`))].join(', ')}`,
);
console.log(`database: ${url} (kept for you to inspect; \`relay start\` with this DATABASE_URL serves it)`);
await sim.stop();
await db.$disconnect();
