import type { MultiFernet } from '@relay/core';
import { type RelayConfig, loadConfig } from './config';
import { loadCipher } from './crypto/secrets';
import { type Db, createDb } from './db/client';
import { migrate } from './db/migrate';
import { type Logger, createLogger } from './log';
import { RelayMetrics } from './metrics/registry';
import { type AdapterRegistry, createRegistry } from './platforms/registry';
import { seedPlatforms } from './platforms/seed';

/** Everything a relay process needs, built once from the environment. */
export interface Runtime {
  config: RelayConfig;
  logger: Logger;
  cipher: MultiFernet;
  registry: AdapterRegistry;
  db: Db;
  metrics: RelayMetrics;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  env?: Record<string, string | undefined>;
  /** Apply migrations and seed platforms first (default true). */
  migrate?: boolean;
  registry?: AdapterRegistry;
}

export async function createRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const config = loadConfig(options.env ?? process.env);
  // JSON lines; pino-pretty only in development on a terminal.
  const logger = createLogger(config.LOG_LEVEL, { service: 'relay' }, undefined, {
    pretty: config.environment === 'development' && process.stdout.isTTY === true,
  });
  const cipher = loadCipher(config, logger);
  const registry = options.registry ?? createRegistry();
  if (options.migrate !== false) {
    const result = await migrate(config.DATABASE_URL);
    if (result.applied.length > 0) logger.info('migrations applied', { applied: result.applied });
  }
  const db = createDb(config.DATABASE_URL);
  if (options.migrate !== false) {
    const seeded = await seedPlatforms(db, registry);
    logger.info('platforms seeded from adapters', { count: seeded });
  }
  return { config, logger, cipher, registry, db, metrics: new RelayMetrics(), close: () => db.$disconnect() };
}
