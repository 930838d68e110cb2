/**
 * The bench's database side: a throw-away migrated database with the platforms seeded, one
 * storefront per platform class with its credentials pointed at the simulator, the OMS records
 * the bench posts, and a driver pool for what the bench itself reads and writes.
 */
import { randomBytes } from 'node:crypto';
import { MultiFernet } from '@relay/core';
import mariadb from 'mariadb';
import { sealJson } from '../src/crypto/secrets';
import { createDb } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { parseDatabaseUrl, withDatabase } from '../src/db/url';
import { createRegistry } from '../src/platforms/registry';
import { seedPlatforms } from '../src/platforms/seed';

/** The Fernet key the bench's relay processes run with (a throw-away database, nothing secret). */
export const BENCH_KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';
/** The relay runs as in production, which refuses the default password: a fresh one per bench run. */
const INGEST_USERNAME = 'bench';
const INGEST_PASSWORD = randomBytes(18).toString('base64url');
const AUTH = `Basic ${Buffer.from(`${INGEST_USERNAME}:${INGEST_PASSWORD}`).toString('base64')}`;

/** The configuration every relay process of the bench shares (production mode, bench credentials). */
export const RELAY_ENV = {
  RELAY_ENV: 'production',
  ENCRYPTION_KEY: BENCH_KEY,
  INGEST_USERNAME,
  INGEST_PASSWORD,
  ADMIN_USERNAME: 'bench-admin',
  ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
};

export type BenchDatabase = Awaited<ReturnType<typeof benchDatabase>>;

/** A fresh migrated database (platforms seeded) on the server of `BENCH_DATABASE_URL`; `drop()` removes it. */
export async function benchDatabase() {
  const server = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/relay_bench';
  const name = `relay_bench_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(server, name);
  await migrate(url);
  const registry = createRegistry();
  const db = createDb(url, { connectionLimit: 2 });
  await seedPlatforms(db, registry);
  const cipher = new MultiFernet(BENCH_KEY);
  const target = parseDatabaseUrl(url);
  const pool = mariadb.createPool({ ...target, connectionLimit: 8, timezone: 'Z' });
  return {
    url,
    name,
    pool,
    /** A storefront whose events go to `platforms`, each credential's base URL on the simulator. */
    async storefront(code: string, platforms: readonly string[], simulatorUrl: string) {
      const storefront = await db.storefront.create({ data: { code, name: code } });
      for (const platformCode of platforms) {
        const platform = await db.platform.findUniqueOrThrow({ where: { code: platformCode } });
        await db.credential.create({
          data: {
            storefrontId: storefront.id,
            platformId: platform.id,
            credentialsEncrypted: sealJson(cipher, registry.get(platformCode)!.credentialsExample),
            baseUrl: `${simulatorUrl}/${platformCode}`,
          },
        });
      }
      return storefront.id;
    },
    async query<T>(sql: string, values?: unknown[]): Promise<T> {
      return (await pool.query(sql, values)) as T;
    },
    async drop() {
      await db.$disconnect();
      await pool.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await pool.end();
    },
  };
}

/**
 * `size` distinct purchases for storefront `storefront` (order ids `<prefix>-<i>`): one OMS batch.
 * `app` adds a device id and IP address, which the app-attribution platforms (Branch, Kochava) need.
 */
export function omsBatch(storefront: string, prefix: string, size = 500, app = false) {
  const eventTime = new Date(Date.now() - 60_000).toISOString();
  return {
    count: size,
    data: Array.from({ length: size }, (_, i) => ({
      storefront_id: storefront,
      event_name: 'purchase_completed',
      event_time: eventTime,
      order_id: `${prefix}-${i}`,
      order_revenue: 80.79,
      email: `user${i}@example.com`,
      session_id: `sess_${i}`,
      utm_source: 'google',
      ...(app && {
        idfa: `6d92078a-8246-4ba4-ae5b-${String(i).padStart(12, '0')}`,
        ip_address: '203.0.113.7',
      }),
    })),
    error: '',
  };
}

/** POST one OMS batch to the API; throws unless every record was accepted. */
export async function postBatch(apiUrl: string, body: string, expected: number): Promise<void> {
  const res = await fetch(`${apiUrl}/v1/events`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body,
  });
  const json = (await res.json()) as { accepted?: number };
  if (res.status !== 202 || json.accepted !== expected)
    throw new Error(`POST /v1/events answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
}

/** Run `task(i)` for i in [0, count) with `concurrency` in flight; returns each one's duration in ms. */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number[]> {
  const durations: number[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        await task(i);
        durations[i] = performance.now() - started;
      }
    }),
  );
  return durations;
}
