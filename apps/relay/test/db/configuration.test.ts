import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCredential,
  credentialSecrets,
  credentialSwitches,
  credentialsWithPlatform,
  deleteCredential,
  listCredentials,
  replaceCredentialSecret,
  updateCredential,
} from '../../src/db/credentials';
import {
  createPlatform,
  deletePlatform,
  findPlatformByCode,
  listPlatforms,
  platformSwitches,
  updatePlatform,
  upsertPlatformSeeds,
} from '../../src/db/platforms';
import {
  createSgtmConfig,
  replaceSgtmSecrets,
  sgtmConfigsByIds,
  sgtmSecrets,
  sgtmSwitches,
  updateSgtmConfig,
} from '../../src/db/sgtm-configs';
import {
  createStorefront,
  deleteStorefront,
  findStorefront,
  listStorefronts,
  storefrontExists,
  storefrontSwitches,
  updateStorefront,
} from '../../src/db/storefronts';
import { type TestDatabase, createTestDatabase } from '../support/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const storefront = (code: string, isActive = true) => ({
  code,
  name: code.toUpperCase(),
  domain: null,
  description: null,
  isActive,
});

describe('configuration: storefronts, platforms, credentials, sGTM configs', () => {
  it('storefronts: create, partial update, list, switches by id or code, delete', async () => {
    const db = database.db;
    const a = await createStorefront(db, storefront('alpha'));
    const b = await createStorefront(db, storefront('beta', false));
    const updated = await updateStorefront(db, a.id, { name: 'Alpha Inc', domain: undefined });
    expect([updated.code, updated.name, updated.domain, updated.isActive]).toEqual([
      'alpha',
      'Alpha Inc',
      null,
      true,
    ]);
    expect(
      (await listStorefronts(db, { isActive: false }, { skip: 0, limit: 10 })).items.map((s) => s.code),
    ).toEqual(['beta']);
    const switches = await storefrontSwitches(db, { ids: [a.id], codes: ['beta', 'nope'] });
    expect(switches.map((s) => [s.id, s.code, Boolean(Number(s.is_active))]).sort()).toEqual([
      [a.id, 'alpha', true],
      [b.id, 'beta', false],
    ]);
    expect(await storefrontSwitches(db, {})).toEqual([]);
    expect(await deleteStorefront(db, b.id)).toBe(true);
    expect(await deleteStorefront(db, b.id)).toBe(false);
    expect([await storefrontExists(db, b.id), (await findStorefront(db, a.id))?.code]).toEqual([
      false,
      'alpha',
    ]);
  });

  it('platforms: seeds refresh everything but the kill switch; partial updates touch only what they name', async () => {
    const db = database.db;
    const seed = {
      code: 'seeded',
      name: 'Seeded',
      category: 'analytics',
      tier: 2,
      authType: 'api_key',
      apiBaseUrl: 'https://example.com',
      credentialSchema: { type: 'object' },
      description: 'v1',
    };
    expect(await upsertPlatformSeeds(db, [seed])).toBe(1);
    const p = (await findPlatformByCode(db, 'seeded'))!;
    await updatePlatform(db, p.id, { isActive: false });
    await upsertPlatformSeeds(db, [{ ...seed, description: 'v2' }]);
    const again = (await findPlatformByCode(db, 'seeded'))!;
    expect([again.description, again.isActive, again.tier, again.credentialSchema]).toEqual([
      'v2',
      false,
      2,
      { type: 'object' },
    ]);
    const custom = await createPlatform(db, {
      code: 'custom',
      name: 'Custom',
      category: 'advertising',
      tier: 3,
      authType: 'access_token',
      apiBaseUrl: null,
      credentialSchema: null,
      description: null,
      isActive: true,
    });
    const renamed = await updatePlatform(db, custom.id, { name: 'Renamed', credentialSchema: null });
    expect([renamed.name, renamed.tier, renamed.category, renamed.credentialSchema]).toEqual([
      'Renamed',
      3,
      'advertising',
      null,
    ]);
    expect((await listPlatforms(db, { tier: 2 }, { skip: 0, limit: 10 })).items.map((x) => x.code)).toEqual([
      'seeded',
    ]);
    expect((await platformSwitches(db)).map((x) => [x.code, x.isActive])).toEqual([
      ['seeded', false],
      ['custom', true],
    ]);
    expect(await deletePlatform(db, custom.id)).toBe(true);
  });

  it('credentials and sGTM configs: CRUD, switches, lookups for sending, guarded secret replacement', async () => {
    const db = database.db;
    const s = await createStorefront(db, storefront('gamma'));
    const p = (await findPlatformByCode(db, 'seeded'))!;
    const c = await createCredential(db, {
      storefrontId: s.id,
      platformId: p.id,
      credentialsEncrypted: 'token-1',
      destinationType: 'direct',
      pixelId: null,
      accountId: null,
      baseUrl: null,
      tokenUrl: null,
      options: null,
      isActive: true,
    });
    const changed = await updateCredential(db, c.id, { isActive: false, options: null });
    expect([changed.isActive, changed.options, changed.credentialsEncrypted]).toEqual([
      false,
      null,
      'token-1',
    ]);
    expect((await listCredentials(db, { storefrontId: s.id }, { skip: 0, limit: 10 })).total).toBe(1);
    expect((await credentialSwitches(db, [s.id])).map((x) => [x.id, x.isActive, x.destinationType])).toEqual([
      [c.id, false, 'direct'],
    ]);
    expect(await credentialSwitches(db, [])).toEqual([]);
    expect((await credentialsWithPlatform(db, [c.id])).map((x) => x.platform.code)).toEqual(['seeded']);
    expect((await credentialSecrets(db)).map((x) => x.credentialsEncrypted)).toEqual(['token-1']);
    expect(await replaceCredentialSecret(db, c.id, 'stale', 'token-2')).toBe(false);
    expect(await replaceCredentialSecret(db, c.id, 'token-1', 'token-2')).toBe(true);

    const g = await createSgtmConfig(db, {
      storefrontId: s.id,
      sgtmUrl: 'https://sgtm.example.com',
      clientType: 'ga4',
      containerId: null,
      measurementId: 'G-1',
      apiSecretEncrypted: 'secret-1',
      customEndpointPath: null,
      customHeadersEncrypted: null,
      isActive: true,
    });
    const g2 = await updateSgtmConfig(db, g.id, { containerId: 'GTM-1' });
    expect([g2.containerId, g2.measurementId, g2.apiSecretEncrypted]).toEqual(['GTM-1', 'G-1', 'secret-1']);
    expect((await sgtmSwitches(db, [s.id])).map((x) => [x.id, x.isActive])).toEqual([[g.id, true]]);
    expect((await sgtmConfigsByIds(db, [g.id])).map((x) => x.sgtmUrl)).toEqual(['https://sgtm.example.com']);
    const [secret] = await sgtmSecrets(db);
    expect(
      await replaceSgtmSecrets(
        db,
        g.id,
        { ...secret!, apiSecretEncrypted: 'stale' },
        { apiSecretEncrypted: 'x' },
      ),
    ).toBe(false);
    expect(await replaceSgtmSecrets(db, g.id, secret!, { apiSecretEncrypted: 'secret-2' })).toBe(true);
    expect((await sgtmSecrets(db)).map((x) => x.apiSecretEncrypted)).toEqual(['secret-2']);
    expect(await deleteCredential(db, c.id)).toBe(true);
  });
});
