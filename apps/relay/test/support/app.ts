import { MultiFernet } from '@relay/core';
import { type RelayConfig, loadConfig } from '../../src/config';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/log';
import { createRegistry } from '../../src/platforms/registry';
import { seedPlatforms } from '../../src/platforms/seed';
import { type TestDatabase, createTestDatabase } from './database';

/** A Fernet key used only by tests. */
export const TEST_KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';

/** A response whose JSON body tests read freely; `expect` checks its shape. */
export interface TestResponse extends Response {
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted with expect, not typed
  json(): Promise<any>;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: TestDatabase;
  config: RelayConfig;
  cipher: MultiFernet;
  /** `fetch`-like call with Basic auth (admin/changeme) and a JSON body. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  close(): Promise<void>;
}

/** The API over a fresh migrated database with platforms seeded from the real adapter registry. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    ENCRYPTION_KEY: TEST_KEY,
    RELAY_ENV: 'test',
    ...env,
  });
  const cipher = new MultiFernet(config.ENCRYPTION_KEY!);
  const registry = createRegistry();
  await seedPlatforms(database.db, registry);
  const app = createApp({ config, db: database.db, cipher, registry, logger: createLogger('silent') });
  const auth = `Basic ${Buffer.from(`${config.BASIC_AUTH_USERNAME}:${config.BASIC_AUTH_PASSWORD}`).toString('base64')}`;
  return {
    app,
    database,
    config,
    cipher,
    call: (method, path, body, headers = {}) =>
      Promise.resolve(
        app.request(path, {
          method,
          headers: { authorization: auth, 'content-type': 'application/json', ...headers },
          ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        }),
      ),
    close: () => database.drop(),
  };
}
