import { MultiFernet } from '@relay/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db/client';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/log';
import { createRegistry } from '../../src/platforms/registry';
import { TEST_KEY } from '../support/app';

describe('readiness and request ids', () => {
  it('answers 503 not_ready when the database is unreachable, and still serves liveness', async () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere',
      ENCRYPTION_KEY: TEST_KEY,
      RELAY_ENV: 'test',
    });
    const db = createDb(config.DATABASE_URL, { connectionLimit: 1 });
    const app = createApp({
      config,
      db,
      cipher: new MultiFernet(TEST_KEY),
      registry: createRegistry(),
      logger: createLogger('silent'),
    });
    const ready = await app.request('/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: 'not_ready',
      database: 'unhealthy',
      ready: false,
      checks: { database: 'unreachable' },
    });
    expect((await app.request('/health')).status).toBe(200);
    await db.$disconnect().catch(() => {});
  });

  it('gives every response a request id, keeping the caller’s own', async () => {
    const config = loadConfig({ ENCRYPTION_KEY: TEST_KEY, RELAY_ENV: 'test' });
    const app = createApp({
      config,
      db: createDb('mysql://root@127.0.0.1:1/nowhere', { connectionLimit: 1 }),
      cipher: new MultiFernet(TEST_KEY),
      registry: createRegistry(),
      logger: createLogger('silent'),
    });
    expect((await app.request('/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      (await app.request('/health', { headers: { 'x-request-id': 'oms-42' } })).headers.get('x-request-id'),
    ).toBe('oms-42');
  });
});
