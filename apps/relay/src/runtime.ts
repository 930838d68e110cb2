import type { MultiFernet } from '@relay/core';
import { type RelayConfig, checkStartupConfig, loadConfig } from './config';
import { loadCipher } from './crypto/secrets';
import { verifyStoredSecrets } from './crypto/verify-secrets';
import { waitForDatabase } from './db/availability';
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
  /** Refuse to start when stored secrets do not decrypt with ENCRYPTION_KEY (default true). */
  verifySecrets?: boolean;
}

export async function createRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const config = loadConfig(options.env ?? process.env);
  // JSON lines; pino-pretty only in development on a terminal.
  const logger = createLogger(config.LOG_LEVEL, { service: 'relay' }, undefined, {
    pretty: config.environment === 'development' && process.stdout.isTTY === true,
  });
  for (const warning of checkStartupConfig(config)) logger.warn(`SECURITY: ${warning}`);
  const cipher = loadCipher(config, logger);
  const registry = options.registry ?? createRegistry();
  await waitForDatabase(config.DATABASE_URL, logger, config.DB_BOOT_WAIT);
  if (options.migrate !== false) {
    const result = await migrate(config.DATABASE_URL);
    if (result.applied.length > 0) logger.info('migrations applied', { applied: result.applied });
  }
  const db = createDb(config.DATABASE_URL, {
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT,
    socketTimeoutMs: config.DB_QUERY_TIMEOUT,
  });
  if (options.migrate !== false) {
    const seeded = await seedPlatforms(db, registry);
    logger.info('platforms seeded from adapters', { count: seeded });
  }
  if (options.verifySecrets !== false) {
    try {
      await verifyStoredSecrets(db, cipher);
    } catch (error) {
      await db.$disconnect();
      throw error;
    }
  }
  return { config, logger, cipher, registry, db, metrics: new RelayMetrics(), close: () => db.$disconnect() };
}
