import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, MultiFernet, generateFernetKey } from '@relay/core';
import type { RelayConfig } from '../config';
import type { Logger } from '../log';

/**
 * The Fernet keys for credentials: `ENCRYPTION_KEY` (comma-separated, newest first). Without it,
 * only development (RELAY_ENV=development, as `pnpm start` sets) creates a key once, saves it to a
 * file only this user can read, and warns; any other environment refuses to start, so a
 * container restarted without its volume never silently makes a new key that cannot read the
 * stored secrets.
 */
export function loadCipher(config: RelayConfig, logger?: Logger): MultiFernet {
  if (config.ENCRYPTION_KEY) {
    try {
      return new MultiFernet(config.ENCRYPTION_KEY);
    } catch (cause) {
      throw new ConfigError('ENCRYPTION_KEY must be one or more comma-separated Fernet keys', {
        field: 'ENCRYPTION_KEY',
        cause,
      });
    }
  }
  if (config.environment !== 'development') {
    throw new ConfigError(
      `ENCRYPTION_KEY is required in ${config.environment} (generate one with \`relay generate-key\`; ` +
        'for a local development key file set RELAY_ENV=development)',
      { field: 'ENCRYPTION_KEY' },
    );
  }
  const path = resolve(config.ENCRYPTION_KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${generateFernetKey()}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
    logger?.warn('ENCRYPTION_KEY is not set: created a development key; set ENCRYPTION_KEY in production', {
      keyFile: path,
    });
  }
  return new MultiFernet(readFileSync(path, 'utf8').trim());
}

/** Encrypt a JSON value. */
export const sealJson = (cipher: MultiFernet, value: unknown): string =>
  cipher.encrypt(JSON.stringify(value));

/** Decrypt a JSON value sealed with `sealJson`. */
export const openJson = <T = unknown>(cipher: MultiFernet, token: string): T =>
  JSON.parse(cipher.decrypt(token)) as T;
