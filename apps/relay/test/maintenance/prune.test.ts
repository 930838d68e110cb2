import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneBefore } from '../../src/maintenance/prune';
import { type TestDatabase, createTestDatabase } from '../support/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const OLD = '2026-01-01 00:00:00.000';
const RECENT = '2026-03-01 00:00:00.000';
const CUTOFF = new Date('2026-02-01T00:00:00Z');

const sql = (text: string, ...params: unknown[]) => database.db.$executeRawUnsafe(text, ...params);

async function event(order: string, createdAt: string, status: string, deliveries: string[] = []) {
  await sql(
    `INSERT INTO events (storefront_code, dedup_key, event_name, event_time, order_id, payload, status, created_at)
     VALUES ('bosley', ?, 'purchase_completed', ?, ?, '{}', ?, ?)`,
    `bosley:purchase_completed:${order}`,
    createdAt,
    order,
    status,
    createdAt,
  );
  const [{ id }] = await database.db.$queryRawUnsafe<[{ id: bigint }]>(
    'SELECT id FROM events WHERE order_id = ?',
    order,
  );
  for (const [i, delivery] of deliveries.entries()) {
    await sql(
      `INSERT INTO deliveries (event_id, destination_key, platform_code, status, next_attempt_at) VALUES (?, ?, 'meta_capi', ?, NOW(3))`,
      id,
      `credential:${i + 1}`,
      delivery,
    );
  }
  return id;
}

let exchanges = 0;
async function exchange(startedAt: string, attemptOfOrder?: string) {
  const url = `https://graph.facebook.com/v25.0/1/events?n=${++exchanges}`;
  await sql(
    `INSERT INTO http_exchanges (platform_code, method, url, started_at, duration_ms, status_code, event_count)
     VALUES ('meta_capi', 'POST', ?, ?, 10, 200, 1)`,
    url,
    startedAt,
  );
  const [{ id }] = await database.db.$queryRawUnsafe<[{ id: bigint }]>(
    'SELECT id FROM http_exchanges WHERE url = ?',
    url,
  );
  if (attemptOfOrder) {
    await sql(
      `INSERT INTO delivery_attempts (delivery_id, attempt, exchange_id, started_at, duration_ms, status_code, outcome)
       SELECT d.id, 1, ?, ?, 10, 200, 'delivered' FROM deliveries d JOIN events e ON e.id = d.event_id WHERE e.order_id = ? LIMIT 1`,
      id,
      startedAt,
      attemptOfOrder,
    );
  }
  return id;
}

const orders = async () =>
  (await database.db.event.findMany({ orderBy: { id: 'asc' } })).map((e) => e.orderId);
const exchangeIds = async () =>
  (await database.db.httpExchange.findMany({ orderBy: { id: 'asc' } })).map((x) => Number(x.id));

describe('relay prune', () => {
  it('removes finished events before the cutoff with their deliveries, attempts and unused exchanges; never work still to do', async () => {
    await event('OLD-DONE-1', OLD, 'routed', ['delivered', 'failed']);
    await event('OLD-DONE-2', OLD, 'suppressed');
    await event('OLD-DUPLICATE', OLD, 'duplicate');
    await event('OLD-RETRYING', OLD, 'routed', ['delivered', 'pending']);
    await event('OLD-SENDING', OLD, 'routed', ['leased']);
    await event('OLD-UNROUTED', OLD, 'pending');
    await event('OLD-ROUTING', OLD, 'routing');
    await event('RECENT-DONE', RECENT, 'routed', ['delivered']);
    await exchange(OLD, 'OLD-DONE-1'); // pruned with OLD-DONE-1's attempt
    const usedByKept = await exchange(OLD, 'OLD-RETRYING');
    await exchange(OLD); // no attempt refers to it
    const unusedRecent = await exchange(RECENT);

    expect(await pruneBefore(database.db, CUTOFF, { dryRun: true })).toEqual({ events: 3, exchanges: 1 });
    expect(await orders()).toHaveLength(8);

    expect(await pruneBefore(database.db, CUTOFF, { batchSize: 2 })).toEqual({ events: 3, exchanges: 2 });
    expect(await orders()).toEqual([
      'OLD-RETRYING',
      'OLD-SENDING',
      'OLD-UNROUTED',
      'OLD-ROUTING',
      'RECENT-DONE',
    ]);
    expect(await exchangeIds()).toEqual([Number(usedByKept), Number(unusedRecent)]);
    const deliveries = await database.db.delivery.findMany({ include: { event: true } });
    expect(deliveries.map((d) => d.event.orderId).sort()).toEqual([
      'OLD-RETRYING',
      'OLD-RETRYING',
      'OLD-SENDING',
      'RECENT-DONE',
    ]);
    expect(await database.db.deliveryAttempt.count()).toBe(1);

    expect(await pruneBefore(database.db, CUTOFF)).toEqual({ events: 0, exchanges: 0 });
  });

  it('the CLI refuses to run without an age', async () => {
    const run = promisify(execFile);
    const failure = await run(
      process.execPath,
      ['--conditions=@relay/source', '--import', 'tsx', 'src/cli.ts', 'prune'],
      { cwd: `${import.meta.dirname}/../..`, env: { ...process.env, DATABASE_URL: database.url } },
    ).catch((error: { code: number; stderr: string }) => error);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain(
      'relay prune needs --older-than with an age in hours or days, e.g. --older-than 90d',
    );
  });

  it('the CLI prunes with --older-than and reports what it removed', async () => {
    await event('CLI-OLD', '2020-01-01 00:00:00.000', 'routed', ['delivered']);
    const run = promisify(execFile);
    const { stdout, stderr } = await run(
      process.execPath,
      ['--conditions=@relay/source', '--import', 'tsx', 'src/cli.ts', 'prune', '--older-than', '365d'],
      {
        cwd: `${import.meta.dirname}/../..`,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          ENCRYPTION_KEY: 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=',
        },
      },
    );
    const line = `${stdout}${stderr}`.split('\n').find((l) => l.includes('"pruned"'));
    expect(JSON.parse(line!)).toMatchObject({ msg: 'pruned', events: 1, exchanges: 0 });
    expect(await orders()).not.toContain('CLI-OLD');
  });
});
