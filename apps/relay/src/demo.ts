/**
 * `pnpm demo`: the whole flow on a fresh database with no platform account. Starts the local
 * platform simulator, creates two storefronts with simulator-backed credentials (Meta, TikTok,
 * GA4, Pinterest direct; the pfizer storefront through a custom sGTM container), posts the
 * seed README's batch (January 2026, so platforms with an event-age window refuse it, and say
 * why) and the same batch stamped today with an email and IP, runs the worker, and prints every
 * delivery of those. Before them it plays a day of traffic hour by hour (more by day than by
 * night, a TikTok outage, a Pinterest token revoked at the end, which pauses that credential)
 * and moves each event's timestamps back to its hour, so the console's graphs have a shape.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MultiFernet, generateFernetKey } from '@relay/core';
import { SEED_BATCH, startSimulator } from '@relay/testing';
import { loadConfig } from './config';
import { createDb } from './db/client';
import { moveEventBack } from './db/demo-timeline';
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
// Kept (git-ignored) so the console's screenshots can preview this database's destinations.
const keyFile = fileURLToPath(new URL('../../../.relay/demo-encryption.key', import.meta.url));
mkdirSync(fileURLToPath(new URL('../../../.relay/', import.meta.url)), { recursive: true });
writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
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
const pfizer = (
  await call('POST', '/admin/v1/storefronts', {
    storefront_id: 'pfizer',
    name: 'Pfizer',
    privacy_mode: 'health',
    event_aliases: { rx_issued: 'conversion_step_2' },
  })
).id as number;
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

const worker = createWorker({ db, config, cipher, registry, logger }, { pollMs: 10 });
const history = await playDay();
console.log(
  `a day of traffic: ${history.events} events over the last 24 hours (TikTok refused the hours ${history.outage.join(', ')} UTC; Pinterest's token was revoked in the last one)`,
);

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

await worker.drain();

const events = await eventsWithDeliveries(db);
for (const e of events.filter((x) => !x.orderId.startsWith('DAY-'))) {
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
console.log(
  `database: ${url} (kept for you to inspect; \`relay start\` with this DATABASE_URL and ENCRYPTION_KEY from ${keyFile} serves it)`,
);
await sim.stop();
await db.$disconnect();

/**
 * A day of traffic, hour by hour: each hour's records are posted, delivered by the worker, then
 * every timestamp of those events (received, routed, attempts, exchanges) is moved back to the
 * hour they belong to, keeping the order and the seconds between them. TikTok refuses two
 * afternoon hours; in the last hour Pinterest answers 401, which pauses its credential (the
 * console's Destinations page shows how to resume it).
 */
async function playDay() {
  const random = seeded(20260115);
  const hourMs = 3_600_000;
  const now = Date.now();
  const start = Math.floor(now / hourMs) * hourMs - 23 * hourMs;
  const outage = [start + 13 * hourMs, start + 14 * hourMs];
  let events = 0;
  for (let h = 0; h < 24; h++) {
    const hourStart = start + h * hourMs;
    const hourOfDay = new Date(hourStart).getUTCHours();
    // Quiet at night (UTC 02–09 here), busiest in the (US) afternoon and evening.
    const daylight = Math.max(0, Math.sin((Math.PI * ((hourOfDay + 14) % 24)) / 16));
    const n = 2 + Math.round(14 * daylight + random() * 3);
    const last = h === 23;
    const times = Array.from({ length: n }, () =>
      Math.min(now - 60_000, hourStart + Math.floor(random() * (last ? now - hourStart - 60_000 : hourMs))),
    ).sort((a, b) => a - b);
    const records = times.map((t, i) => dayRecord(`DAY-${h}-${i}`, t, random));
    sim.reset();
    if (outage.includes(hourStart))
      sim.script('tiktok_events', [{ status: 400, message: 'Invalid pixel code' }], { repeatLast: true });
    if (last) sim.script('ga4', [503]); // one retry still waiting at the end
    if (last)
      sim.script('pinterest_capi', [{ status: 401, message: 'Authentication failed: token revoked' }], {
        repeatLast: true,
      });
    const { ids } = (await call('POST', '/v1/events', { data: records })) as { ids?: number[] };
    await worker.drain();
    if (ids && ids.length > 0) await moveBack(ids, times);
    events += records.length;
  }
  sim.reset();
  return { events, outage: outage.map((t) => `${String(new Date(t).getUTCHours()).padStart(2, '0')}:00`) };
}

/** One OMS record of the day: mostly purchases, some consults and prescriptions, with a customer. */
function dayRecord(orderId: string, at: number, random: () => number) {
  const pick = random();
  const base = pick < 0.55 ? SEED_BATCH.data[2] : pick < 0.8 ? SEED_BATCH.data[0] : SEED_BATCH.data[1];
  const customer = Math.floor(random() * 500);
  return {
    ...base,
    order_id: orderId,
    event_time: new Date(at).toISOString(),
    ...('order_revenue' in base && { order_revenue: Math.round((40 + random() * 160) * 100) / 100 }),
    email: `customer${customer}@example.com`,
    ip_address: `203.0.113.${customer % 250}`,
    user_agent: 'Mozilla/5.0 (demo)',
  };
}

/**
 * Move every timestamp of these events back by (received now − received at its event time plus a
 * few seconds), so an event and its deliveries land in the hour they belong to.
 */
async function moveBack(ids: number[], times: number[]) {
  for (const [i, id] of ids.entries())
    await moveEventBack(db, id, new Date(times[i]! + 2_000 + (id % 20) * 1_000));
}

/** A small deterministic generator (mulberry32), so every demo tells the same day. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
