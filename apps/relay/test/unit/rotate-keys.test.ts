import { Fernet, MultiFernet, generateFernetKey } from '@relay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeys } from '../../src/crypto/rotate-keys';
import { openJson } from '../../src/crypto/secrets';
import { TEST_KEY, type TestApp, createTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('relay rotate-keys', () => {
  it('re-encrypts every credential, sGTM secret and pseudonymisation key with the new first key', async () => {
    const sf = (await (
      await t.call('POST', '/admin/v1/storefronts', {
        storefront_id: 'rk',
        name: 'rk',
        privacy_mode: 'health',
      })
    ).json()) as { id: number };
    const meta = await t.database.db.platform.findUniqueOrThrow({ where: { code: 'meta_capi' } });
    await t.call('POST', '/admin/v1/credentials', {
      storefront_id: sf.id,
      platform_id: meta.id,
      credentials: { access_token: 'EAAG-rotate-me-token-value', pixel_id: '123456789012345' },
    });
    await t.call('POST', '/admin/v1/sgtm-configs', {
      storefront_id: sf.id,
      sgtm_url: 'https://t.example.com',
      client_type: 'ga4',
      measurement_id: 'G-1',
      api_secret: 'mp-secret',
    });
    const sealedKey = (await t.database.db.storefront.findFirstOrThrow()).pseudonymKeyEncrypted!;
    const pseudonymKey = new MultiFernet(TEST_KEY).decrypt(sealedKey);
    const newKey = generateFernetKey();
    const rotated = new MultiFernet([newKey, TEST_KEY]);
    expect(await rotateKeys(t.database.db, rotated)).toEqual({
      credentials: 1,
      sgtmSecrets: 1,
      pseudonymKeys: 1,
    });
    const onlyNew = new MultiFernet([newKey]);
    const cred = await t.database.db.credential.findFirstOrThrow();
    expect(openJson(onlyNew, cred.credentialsEncrypted)).toEqual({
      access_token: 'EAAG-rotate-me-token-value',
      pixel_id: '123456789012345',
    });
    expect(() => new Fernet(TEST_KEY).decrypt(cred.credentialsEncrypted)).toThrow();
    const sgtm = await t.database.db.sgtmConfig.findFirstOrThrow();
    expect(openJson(onlyNew, sgtm.apiSecretEncrypted!)).toBe('mp-secret');
    // The health-mode storefront's pseudonymisation key is re-sealed, never changed: no pseudonym moves.
    const storefront = await t.database.db.storefront.findFirstOrThrow();
    expect(storefront.pseudonymKeyEncrypted).not.toBe(sealedKey);
    expect(onlyNew.decrypt(storefront.pseudonymKeyEncrypted!)).toBe(pseudonymKey);
  });
});
