import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, Fernet, MultiFernet, generateFernetKey } from '@relay/core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStartupConfig, loadConfig } from '../../src/config';
import { loadCipher, sealJson } from '../../src/crypto/secrets';
import { verifyStoredSecrets } from '../../src/crypto/verify-secrets';
import { waitForDatabase } from '../../src/db/availability';
import { createLogger } from '../../src/log';
import { createRuntime } from '../../src/runtime';
import { createTestDatabase } from '../support/database';

const dir = mkdtempSync(join(tmpdir(), 'relay-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('production is the default', () => {
  it('a process without RELAY_ENV or NODE_ENV runs as production', () => {
    expect(loadConfig({}).environment).toBe('production');
    expect(loadConfig({ NODE_ENV: 'development' }).environment).toBe('development');
    expect(loadConfig({ RELAY_ENV: 'development', NODE_ENV: 'production' }).environment).toBe('development');
  });

  it('without RELAY_ENV and without ENCRYPTION_KEY it refuses to start and writes no key file', () => {
    const file = join(dir, 'never', 'encryption.key');
    expect(() => loadCipher(loadConfig({ ENCRYPTION_KEY_FILE: file }))).toThrow(
      /ENCRYPTION_KEY is required in production \(generate one with `relay generate-key`; for a local development key file set RELAY_ENV=development\)/,
    );
    expect(() => loadCipher(loadConfig({ ENCRYPTION_KEY_FILE: file, RELAY_ENV: 'test' }))).toThrow(
      ConfigError,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('refuses the default password in production, naming the variable', () => {
    const key = {
      ENCRYPTION_KEY: generateFernetKey(),
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'a-strong-one-1',
    };
    expect(() => checkStartupConfig(loadConfig({ ...key }))).toThrow(
      "BASIC_AUTH_PASSWORD is the default 'changeme': refusing to start in production",
    );
    expect(() => checkStartupConfig(loadConfig({ ...key, INGEST_PASSWORD: 'changeme' }))).toThrow(
      /^INGEST_PASSWORD is the default/,
    );
    expect(() =>
      checkStartupConfig(
        loadConfig({ ...key, BASIC_AUTH_PASSWORD: 'a-strong-two-2', ADMIN_PASSWORD: 'changeme' }),
      ),
    ).toThrow(/^ADMIN_PASSWORD is the default/);
    expect(checkStartupConfig(loadConfig({ ...key, BASIC_AUTH_PASSWORD: 'a-strong-two-2' }))).toEqual([]);
  });

  it('warns loudly when /admin falls back to the ingest login, and about the default password outside production', () => {
    const warnings = checkStartupConfig(loadConfig({ RELAY_ENV: 'development' }));
    expect(warnings).toEqual([
      "BASIC_AUTH_PASSWORD is the default 'changeme' (development only)",
      expect.stringMatching(
        /^ADMIN_USERNAME\/ADMIN_PASSWORD are not set: .*the OMS password can read every decrypted secret$/,
      ),
    ]);
  });

  it('createRuntime refuses before touching the database', async () => {
    await expect(
      createRuntime({
        env: { DATABASE_URL: 'mysql://root@127.0.0.1:1/none', ENCRYPTION_KEY: generateFernetKey() },
      }),
    ).rejects.toThrow(/BASIC_AUTH_PASSWORD is the default/);
  });
});

describe('stored secrets must decrypt with the configured keys', () => {
  it('names the rows and the fix; accepts the old key listed after the new one', async () => {
    const database = await createTestDatabase();
    try {
      const oldKey = generateFernetKey();
      const newKey = generateFernetKey();
      const storefront = await database.db.storefront.create({ data: { code: 's1', name: 'S' } });
      const platform = await database.db.platform.create({
        data: { code: 'p1', name: 'P', category: 'advertising', authType: 'access_token' },
      });
      const credential = await database.db.credential.create({
        data: {
          storefrontId: storefront.id,
          platformId: platform.id,
          credentialsEncrypted: sealJson(new MultiFernet(oldKey), { token: 't' }),
        },
      });
      await database.db.sgtmConfig.create({
        data: {
          storefrontId: storefront.id,
          sgtmUrl: 'https://gtm.example.com',
          clientType: 'ga4',
          apiSecretEncrypted: new Fernet(oldKey).encrypt('"s"'),
        },
      });
      const error = await verifyStoredSecrets(database.db, new MultiFernet(newKey)).catch((e: unknown) => e);
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe(
        `2 of 2 stored secrets do not decrypt with ENCRYPTION_KEY (credentials ${credential.id}, sgtm_configs ${(await database.db.sgtmConfig.findFirst())!.id} api_secret). ` +
          'Set ENCRYPTION_KEY to the key that encrypted them (several keys may be given, comma-separated, newest first), ' +
          'then run `relay rotate-keys` to re-encrypt them with the first key. If that key is lost, delete and ' +
          're-enter those credentials (docs/security.md, "Key rotation").',
      );
      expect(await verifyStoredSecrets(database.db, new MultiFernet(`${newKey},${oldKey}`))).toEqual({
        checked: 2,
      });
    } finally {
      await database.drop();
    }
  });
});

describe('relay start waits for the database at boot', () => {
  it('retries with backoff, saying so, then goes on', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger('info', {}, (l) => lines.push(JSON.parse(l)));
    let calls = 0;
    await waitForDatabase('mysql://root@127.0.0.1:1/x', logger, 60_000, async () => {
      calls += 1;
      if (calls < 3) throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    });
    expect(calls).toBe(3);
    expect(lines.map((l) => [l.level, l.msg, l.attempt, l.retryInMs])).toEqual([
      ['warn', 'database unreachable at boot; retrying', 1, 1000],
      ['warn', 'database unreachable at boot; retrying', 2, 2000],
      ['info', 'database reachable', undefined, undefined],
    ]);
  });

  it('gives up after DB_BOOT_WAIT naming DATABASE_URL', async () => {
    const logger = createLogger('silent');
    await expect(waitForDatabase('mysql://root@127.0.0.1:1/x', logger, 500)).rejects.toThrow(
      /^The database at DATABASE_URL is unreachable \(.+\); gave up after 0 s \(DB_BOOT_WAIT\)$/,
    );
  });
});
