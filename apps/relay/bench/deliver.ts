/**
 * Delivery throughput: EVENTS purchases for one storefront with Meta and TikTok credentials
 * pointed at the local platform simulator (in this process, so it shares the CPU). One worker
 * runs as in production (router and delivery loops side by side, `start()`), timed from start
 * until every delivery is delivered. Prints events/s and deliveries/s (each event makes two).
 */
import { startSimulator } from '@relay/testing';
import { sealJson } from '../src/crypto/secrets';
import { createWorker } from '../src/worker/index';
import { AUTH, batch, benchRelay } from './support';

const EVENTS = Number(process.env.EVENTS ?? 20000);

const relay = await benchRelay();
const sim = await startSimulator();
try {
  const storefront = await relay.db.storefront.create({ data: { code: 'bosley', name: 'Bosley' } });
  for (const code of ['meta_capi', 'tiktok_events']) {
    const platform = await relay.db.platform.findUniqueOrThrow({ where: { code } });
    await relay.db.credential.create({
      data: {
        storefrontId: storefront.id,
        platformId: platform.id,
        credentialsEncrypted: sealJson(relay.cipher, relay.registry.get(code)!.credentialsExample),
        baseUrl: `${sim.url}/${code}`,
      },
    });
  }
  for (let i = 0; i < EVENTS / 500; i++) {
    const res = await relay.app.request('/v1/events', {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(batch(`d${i}`)),
    });
    if (res.status !== 202) throw new Error(`ingest ${res.status}`);
  }
  const worker = createWorker(relay, { batchSize: Number(process.env.BATCH ?? 500), pollMs: 10 });
  const started = performance.now();
  worker.start();
  const deadline = started + 600_000;
  while ((await relay.db.delivery.count({ where: { status: 'delivered' } })) < EVENTS * 2) {
    if (performance.now() > deadline) throw new Error('deliveries did not finish within 10 minutes');
    await new Promise((r) => setTimeout(r, 25));
  }
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  const delivered = await relay.db.delivery.count({ where: { status: 'delivered' } });
  if (delivered !== EVENTS * 2) throw new Error(`only ${delivered} of ${EVENTS * 2} deliveries delivered`);
  console.log(
    JSON.stringify({
      bench: 'deliver',
      events: EVENTS,
      deliveries: delivered,
      requestsToSimulator: sim.received.length,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSecond: Math.round(EVENTS / seconds),
      deliveriesPerSecond: Math.round(delivered / seconds),
    }),
  );
} finally {
  await sim.stop();
  await relay.close();
}
