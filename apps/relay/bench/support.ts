import { randomBytes } from 'node:crypto';
import { MultiFernet } from '@relay/core';
import mariadb from 'mariadb';
import { loadConfig } from '../src/config';
import { createDb } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { parseDatabaseUrl, withDatabase } from '../src/db/url';
import { createApp } from '../src/http/app';
import { createLogger } from '../src/log';
import { RelayMetrics } from '../src/metrics/registry';
import { createRegistry } from '../src/platforms/registry';
import { seedPlatforms } from '../src/platforms/seed';

const KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';

/** A throw-away migrated database and the relay wired to it (dropped by `close`). */
export async function benchRelay() {
  const server = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/relay_bench';
  const name = `relay_bench_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(server, name);
  await migrate(url);
  const config = loadConfig({ DATABASE_URL: url, ENCRYPTION_KEY: KEY, RELAY_ENV: 'test' });
  const db = createDb(url, { connectionLimit: 10 });
  const registry = createRegistry();
  await seedPlatforms(db, registry);
  const cipher = new MultiFernet(KEY);
  const logger = createLogger('silent');
  const metrics = new RelayMetrics();
  const app = createApp({ config, db, cipher, registry, logger, metrics });
  return {
    url,
    config,
    db,
    cipher,
    registry,
    logger,
    app,
    async close() {
      await db.$disconnect();
      const conn = await mariadb.createConnection({ ...parseDatabaseUrl(url), database: undefined });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

export const AUTH = `Basic ${Buffer.from('admin:changeme').toString('base64')}`;

/** A 500-record batch of distinct purchases. */
export function batch(prefix: string, size = 500) {
  return {
    count: size,
    data: Array.from({ length: size }, (_, i) => ({
      storefront_id: 'bosley',
      event_name: 'purchase_completed',
      event_time: new Date(Date.now() - 60_000).toISOString(),
      order_id: `${prefix}-${i}`,
      order_revenue: 80.79,
      email: `user${i}@example.com`,
      session_id: `sess_${i}`,
      utm_source: 'google',
    })),
    error: '',
  };
}
