import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, type TestResponse, createTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const json = async (res: TestResponse) => ({
  status: res.status,
  body: res.status === 204 ? null : await res.json(),
});
const platformId = async (code: string) => (await t.database.db.platform.findUnique({ where: { code } }))!.id;

describe('storefronts', () => {
  it('creates (code lower-cased, optional fields null), reads, lists, updates partially, deletes', async () => {
    const created = await json(
      await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'Bosley', name: 'Bosley' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      storefront_id: 'bosley',
      name: 'Bosley',
      domain: null,
      description: null,
      is_active: true,
    });
    const id = created.body.id;
    expect((await json(await t.call('GET', `/admin/v1/storefronts/${id}`))).body.storefront_id).toBe(
      'bosley',
    );
    const updated = await json(await t.call('PUT', `/admin/v1/storefronts/${id}`, { description: 'hair' }));
    expect(updated.body).toMatchObject({ name: 'Bosley', description: 'hair' });
    await t.call('POST', '/admin/v1/storefronts', {
      storefront_id: 'pfizer',
      name: 'Pfizer',
      is_active: false,
    });
    const active = await json(await t.call('GET', '/admin/v1/storefronts?is_active=true'));
    expect(active.body).toMatchObject({ total: 1, skip: 0, limit: 100, has_more: false });
    const paged = await json(await t.call('GET', '/admin/v1/storefronts?skip=0&limit=1'));
    expect(paged.body).toMatchObject({ total: 2, limit: 1, has_more: true });
    expect(paged.body.items).toHaveLength(1);
    expect((await t.call('DELETE', `/admin/v1/storefronts/${id}`)).status).toBe(204);
    expect((await t.call('GET', `/admin/v1/storefronts/${id}`)).status).toBe(404);
  });

  it('409 on a duplicate code, 404 in the contract shape, 422 naming the field', async () => {
    await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'dup', name: 'x' });
    expect(
      await json(await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'DUP', name: 'y' })),
    ).toEqual({
      status: 409,
      body: {
        error_code: 'CONFLICT',
        message: "Storefront 'dup' already exists",
        details: {},
        detail: "Storefront 'dup' already exists",
      },
    });
    expect(await json(await t.call('GET', '/admin/v1/storefronts/99999'))).toEqual({
      status: 404,
      body: {
        error_code: 'NOT_FOUND',
        message: 'Storefront with id 99999 not found',
        details: { resource: 'Storefront', id: 99999 },
        detail: 'Storefront with id 99999 not found',
      },
    });
    const bad = await json(
      await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'invalid store!@#', name: 'x' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(['body', 'storefront_id']);
    const missing = await json(await t.call('POST', '/admin/v1/storefronts', { name: 'x' }));
    expect(missing.body.detail).toEqual([
      { loc: ['body', 'storefront_id'], msg: 'Field required', type: 'missing' },
    ]);
    expect((await t.call('GET', '/admin/v1/storefronts/abc')).status).toBe(422);
    expect((await t.call('PUT', '/admin/v1/storefronts/99999', { name: 'x' })).status).toBe(404);
    expect((await t.call('DELETE', '/admin/v1/storefronts/99999')).status).toBe(404);
  });
});

describe('platforms', () => {
  it('exist after migration, one per adapter package, with a credential JSON schema', async () => {
    const meta = await json(await t.call('GET', `/admin/v1/platforms/${await platformId('meta_capi')}`));
    expect(meta.body).toMatchObject({
      platform_code: 'meta_capi',
      tier: 1,
      category: 'advertising',
      has_adapter: true,
      is_active: true,
    });
    expect(meta.body.credential_schema).toMatchObject({ type: 'object' });
    const tier1 = await json(await t.call('GET', '/admin/v1/platforms?tier=1&limit=1000'));
    expect(tier1.body.items.every((p: { tier: number }) => p.tier === 1)).toBe(true);
    const analytics = await json(await t.call('GET', '/admin/v1/platforms?category=analytics'));
    expect(analytics.body.items.map((p: { platform_code: string }) => p.platform_code)).toContain('ga4');
  });

  it('keeps platforms created through the API without an adapter; 409 on a duplicate code', async () => {
    const created = await json(
      await t.call('POST', '/admin/v1/platforms', {
        platform_code: 'acme_ads',
        name: 'Acme',
        category: 'advertising',
        tier: 3,
        auth_type: 'api_key',
        credential_schema: '{"api_key": "string"}',
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      platform_code: 'acme_ads',
      has_adapter: false,
      credential_schema: { api_key: 'string' },
      api_base_url: null,
    });
    const dup = await t.call('POST', '/admin/v1/platforms', {
      platform_code: 'meta_capi',
      name: 'M',
      category: 'advertising',
      tier: 1,
      auth_type: 'x',
    });
    expect(dup.status).toBe(409);
    const badTier = await json(
      await t.call('POST', '/admin/v1/platforms', {
        platform_code: 'x1',
        name: 'X',
        category: 'a',
        tier: 4,
        auth_type: 'x',
      }),
    );
    expect(badTier.body.detail[0].loc).toEqual(['body', 'tier']);
    const off = await json(
      await t.call('PUT', `/admin/v1/platforms/${created.body.id}`, { is_active: false }),
    );
    expect(off.body.is_active).toBe(false);
    expect((await t.call('DELETE', `/admin/v1/platforms/${created.body.id}`)).status).toBe(204);
  });
});

describe('sgtm-configs', () => {
  it('creates with encrypted secrets that come back only with ?decrypt=true', async () => {
    const sf = await json(await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'sg', name: 'sg' }));
    const created = await json(
      await t.call('POST', '/admin/v1/sgtm-configs', {
        storefront_id: sf.body.id,
        sgtm_url: 'https://tags.example.com',
        client_type: 'ga4',
        measurement_id: 'G-ABC123',
        api_secret: 'sgtm-secret-value',
        custom_headers: { 'X-Key': 'header-secret' },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('api_secret');
    expect(JSON.stringify(created.body)).not.toContain('sgtm-secret-value');
    const row = await t.database.db.sgtmConfig.findUnique({ where: { id: created.body.id } });
    expect(row!.apiSecretEncrypted).toMatch(/^gAAAAA/);
    const opened = await json(await t.call('GET', `/admin/v1/sgtm-configs/${created.body.id}?decrypt=true`));
    expect(opened.body).toMatchObject({
      api_secret: 'sgtm-secret-value',
      custom_headers: { 'X-Key': 'header-secret' },
    });
    const second = await t.call('POST', '/admin/v1/sgtm-configs', {
      storefront_id: sf.body.id,
      sgtm_url: 'https://t.example.com',
      client_type: 'custom',
    });
    expect(second.status).toBe(409);
  });

  it('422 for a non-http URL and for ga4 without measurement_id; 404 for an unknown storefront', async () => {
    const badUrl = await json(
      await t.call('POST', '/admin/v1/sgtm-configs', {
        storefront_id: 1,
        sgtm_url: 'not-a-valid-url',
        client_type: 'ga4',
        measurement_id: 'G-1',
      }),
    );
    expect(badUrl.status).toBe(422);
    expect(badUrl.body.detail[0]).toMatchObject({
      loc: ['body', 'sgtm_url'],
      msg: 'sgtm_url must be a valid http(s) URL',
    });
    const noMid = await json(
      await t.call('POST', '/admin/v1/sgtm-configs', {
        storefront_id: 1,
        sgtm_url: 'https://t.example.com',
        client_type: 'ga4',
      }),
    );
    expect(noMid.body.detail[0]).toMatchObject({ loc: ['body', 'measurement_id'] });
    const ghost = await t.call('POST', '/admin/v1/sgtm-configs', {
      storefront_id: 999,
      sgtm_url: 'https://t.example.com',
      client_type: 'custom',
    });
    expect(ghost.status).toBe(404);
  });
});

describe('credentials', () => {
  it('validates against the adapter schema, stores encrypted, returns only with ?decrypt=true', async () => {
    const sf = await json(await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'cr', name: 'cr' }));
    const meta = await platformId('meta_capi');
    const missing = await json(
      await t.call('POST', '/admin/v1/credentials', {
        storefront_id: sf.body.id,
        platform_id: meta,
        credentials: { pixel_id: '123456789012345' },
      }),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0].loc).toEqual(['body', 'credentials', 'access_token']);
    const created = await json(
      await t.call('POST', '/admin/v1/credentials', {
        storefront_id: sf.body.id,
        platform_id: meta,
        credentials: { access_token: 'EAAG-secret-token-value', pixel_id: '123456789012345' },
        destination_type: 'direct',
        options: { eventMap: { rx_issued: null } },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('credentials');
    expect(created.body).toMatchObject({
      pixel_id: null,
      base_url: null,
      options: { eventMap: { rx_issued: null } },
    });
    const row = await t.database.db.credential.findUnique({ where: { id: created.body.id } });
    expect(row!.credentialsEncrypted).not.toContain('EAAG-secret-token-value');
    expect(
      (await json(await t.call('GET', `/admin/v1/credentials/${created.body.id}`))).body,
    ).not.toHaveProperty('credentials');
    const opened = await json(await t.call('GET', `/admin/v1/credentials/${created.body.id}?decrypt=true`));
    expect(opened.body.credentials).toEqual({
      access_token: 'EAAG-secret-token-value',
      pixel_id: '123456789012345',
    });
    const dup = await t.call('POST', '/admin/v1/credentials', {
      storefront_id: sf.body.id,
      platform_id: meta,
      credentials: { access_token: 'EAAG-another-token-value', pixel_id: '123456789012345' },
    });
    expect(dup.status).toBe(409);
    const listed = await json(await t.call('GET', `/admin/v1/credentials?storefront_id=${sf.body.id}`));
    expect(listed.body.total).toBe(1);
    const off = await json(
      await t.call('PUT', `/admin/v1/credentials/${created.body.id}`, { is_active: false }),
    );
    expect(off.body.is_active).toBe(false);
    const badOptions = await json(
      await t.call('PUT', `/admin/v1/credentials/${created.body.id}`, { options: { nope: 1 } }),
    );
    expect(badOptions.status).toBe(422);
    expect(badOptions.body.detail[0].loc[1]).toBe('options');
    expect((await t.call('DELETE', `/admin/v1/credentials/${created.body.id}`)).status).toBe(204);
  });

  it('stores credentials of a platform without an adapter as given; 404 for unknown ids', async () => {
    const sf = await json(
      await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'cr2', name: 'cr2' }),
    );
    const p = await json(
      await t.call('POST', '/admin/v1/platforms', {
        platform_code: 'legacy_x',
        name: 'L',
        category: 'advertising',
        tier: 3,
        auth_type: 'none',
      }),
    );
    const created = await t.call('POST', '/admin/v1/credentials', {
      storefront_id: sf.body.id,
      platform_id: p.body.id,
      credentials: { anything: 1 },
    });
    expect(created.status).toBe(201);
    expect(
      (
        await t.call('POST', '/admin/v1/credentials', {
          storefront_id: 999,
          platform_id: p.body.id,
          credentials: {},
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', '/admin/v1/credentials', {
          storefront_id: sf.body.id,
          platform_id: 9999,
          credentials: {},
        })
      ).status,
    ).toBe(404);
    expect((await t.call('GET', '/admin/v1/credentials/9999')).status).toBe(404);
  });
});

describe('health', () => {
  it('answers without auth', async () => {
    expect(await json(await t.app.request('/health'))).toEqual({
      status: 200,
      body: { status: 'healthy', version: '0.1.0', environment: 'test' },
    });
    expect(await json(await t.app.request('/health/ready'))).toEqual({
      status: 200,
      body: { status: 'ready', database: 'healthy', ready: true, checks: { database: 'ok' } },
    });
  });
});
