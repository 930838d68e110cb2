import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, Fernet, MultiFernet, generateFernetKey } from '@relay/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { loadCipher } from '../../src/crypto/secrets';
import { createLogger } from '../../src/log';

const dir = mkdtempSync(join(tmpdir(), 'relay-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('config', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/relay',
      PORT: 8000,
      BASIC_AUTH_USERNAME: 'admin',
      BASIC_AUTH_PASSWORD: 'changeme',
      MAX_RETRY_ATTEMPTS: 5,
      RETRY_WINDOW: 4 * 3_600_000,
      DEFAULT_CURRENCY: 'USD',
      environment: 'production',
    });
    expect(loadConfig({ RETRY_WINDOW: '90m', NODE_ENV: 'production' })).toMatchObject({
      RETRY_WINDOW: 5_400_000,
      environment: 'production',
    });
  });

  it('lists every bad variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'postgres://x',
        MAX_RETRY_ATTEMPTS: '0',
        RETRY_WINDOW: 'forever',
      });
    } catch (e) {
      error = e;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'MAX_RETRY_ATTEMPTS', 'RETRY_WINDOW'])
      expect(message).toContain(`  ${name}: `);
  });
});

describe('ENCRYPTION_KEY', () => {
  it('uses a comma-separated key list, newest first', () => {
    const newKey = generateFernetKey();
    const oldKey = generateFernetKey();
    const cipher = loadCipher(loadConfig({ ENCRYPTION_KEY: `${newKey},${oldKey}` }));
    expect(cipher.decrypt(new Fernet(oldKey).encrypt('s'))).toBe('s');
    expect(new Fernet(newKey).decrypt(cipher.encrypt('s'))).toBe('s');
  });

  it('refuses to start in production without a key, naming the variable', () => {
    expect(() => loadCipher(loadConfig({ RELAY_ENV: 'production' }))).toThrow(
      /ENCRYPTION_KEY is required in production/,
    );
    expect(() => loadCipher(loadConfig({ ENCRYPTION_KEY: 'nope' }))).toThrow(/ENCRYPTION_KEY must be/);
  });

  it('creates a development key once, readable only by this user, and warns', () => {
    const file = join(dir, 'sub', 'key');
    const lines: string[] = [];
    const logger = createLogger('info', {}, (l) => lines.push(l));
    const first = loadCipher(loadConfig({ ENCRYPTION_KEY_FILE: file, RELAY_ENV: 'development' }), logger);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['warn']);
    const second = loadCipher(loadConfig({ ENCRYPTION_KEY_FILE: file, RELAY_ENV: 'development' }), logger);
    expect(second.decrypt(first.encrypt('same key'))).toBe('same key');
    expect(lines).toHaveLength(1);
    expect(new MultiFernet(readFileSync(file, 'utf8')).decrypt(first.encrypt('x'))).toBe('x');
  });
});
