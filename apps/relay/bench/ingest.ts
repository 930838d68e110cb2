/**
 * Ingestion throughput: POST /v1/events with 500-record batches over real HTTP (keep-alive),
 * `CONCURRENCY` requests in flight, against a fresh database. Prints events/s.
 */
import type { AddressInfo } from 'node:net';
import { closeServer, listen } from '../src/server';
import { AUTH, batch, benchRelay } from './support';

const BATCHES = Number(process.env.BATCHES ?? 60);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

const relay = await benchRelay();
try {
  await relay.db.storefront.create({ data: { code: 'bosley', name: 'Bosley' } });
  const server = await listen(relay.app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/events`;
  const bodies = Array.from({ length: BATCHES }, (_, i) => JSON.stringify(batch(`b${i}`)));
  const post = async (body: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body,
    });
    const json = (await res.json()) as { accepted: number };
    if (res.status !== 202 || json.accepted !== 500)
      throw new Error(`unexpected ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
  };
  await post(JSON.stringify(batch('warmup')));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) await post(bodies[next++]!);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const events = BATCHES * 500;
  console.log(
    JSON.stringify({
      bench: 'ingest',
      batches: BATCHES,
      recordsPerBatch: 500,
      concurrency: CONCURRENCY,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSecond: Math.round(events / seconds),
      batchesPerSecond: Number((BATCHES / seconds).toFixed(1)),
    }),
  );
  await closeServer(server);
} finally {
  await relay.close();
}
