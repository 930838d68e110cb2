import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlatformByCode } from '../../src/db/platforms';
import { type TestApp, createTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The resource as it is now, without `updated_at` (which an update moves). */
const read = async (path: string) => {
  const { updated_at: _, ...rest } = await (await t.call('GET', path)).json();
  return rest as Record<string, unknown>;
};

/** Create with non-default values, PUT one field, and check that nothing else moved. */
async function expectOnlyNamedFieldChanges(
  collection: string,
  create: Record<string, unknown>,
  change: Record<string, unknown>,
) {
  const res = await t.call('POST', `/admin/v1/${collection}`, create);
  expect(res.status).toBe(201);
  const { id } = await res.json();
  const before = await read(`/admin/v1/${collection}/${id}`);
  const put = await t.call('PUT', `/admin/v1/${collection}/${id}`, change);
  expect(put.status).toBe(200);
  expect(await read(`/admin/v1/${collection}/${id}`)).toEqual({ ...before, ...change });
  return id as number;
}

describe('POST /admin/v1/platforms with only platform_code and name', () => {
  it("takes the reference service's defaults and lower-cases the code", async () => {
    const res = await t.call('POST', '/admin/v1/platforms', {
      platform_code: 'Legacy_Pixel',
      name: 'Legacy Pixel',
    });
    expect(res.status).toBe(201);
    const { id, created_at, updated_at, ...body } = await res.json();
    expect(body).toEqual({
      platform_code: 'legacy_pixel',
      name: 'Legacy Pixel',
      category: 'advertising',
      tier: 3,
      auth_type: 'access_token',
      api_base_url: null,
      credential_schema: null,
      description: null,
      is_active: true,
      has_adapter: false,
    });
  });

  it('still names a missing required field', async () => {
    const res = await t.call('POST', '/admin/v1/platforms', { platform_code: 'x_only' });
    expect(res.status).toBe(422);
    expect((await res.json()).detail.map((d: { loc: string[] }) => d.loc)).toEqual([['body', 'name']]);
  });
});

describe('a partial PUT changes only the fields it names', () => {
  it('platforms: a tier-2, inactive platform keeps its tier, category, auth type and switch', async () => {
    await expectOnlyNamedFieldChanges(
      'platforms',
      {
        platform_code: 'tiered',
        name: 'Tiered',
        category: 'analytics',
        tier: 2,
        auth_type: 'api_key',
        api_base_url: 'https://api.example.com',
        credential_schema: { type: 'object' },
        description: 'two',
        is_active: false,
      },
      { name: 'Tiered Renamed' },
    );
  });

  it('storefronts: an inactive storefront stays inactive', async () => {
    await expectOnlyNamedFieldChanges(
      'storefronts',
      { storefront_id: 'quiet', name: 'Quiet', domain: 'quiet.example', description: 'd', is_active: false },
      { description: 'changed' },
    );
  });

  it('credentials: an inactive sGTM-routed credential keeps its destination and switch', async () => {
    const storefront = (
      await (await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'credshop', name: 'C' })).json()
    ).id;
    const platform = (await findPlatformByCode(t.database.db, 'legacy_pixel'))!.id;
    await expectOnlyNamedFieldChanges(
      'credentials',
      {
        storefront_id: storefront,
        platform_id: platform,
        credentials: { token: 'x' },
        destination_type: 'sgtm',
        pixel_id: 'px',
        account_id: 'acct',
        base_url: 'https://sandbox.example.com',
        token_url: 'https://auth.example.com/oauth/token',
        options: { a: 1 },
        is_active: false,
      },
      { pixel_id: 'px-2' },
    );
  });

  it('credentials: token_url is changed or cleared only when named, and must be an http(s) URL', async () => {
    const storefront = (
      await (await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'tokenshop', name: 'T' })).json()
    ).id;
    const platform = (await findPlatformByCode(t.database.db, 'legacy_pixel'))!.id;
    const id = await expectOnlyNamedFieldChanges(
      'credentials',
      {
        storefront_id: storefront,
        platform_id: platform,
        credentials: { token: 'x' },
        base_url: 'https://sandbox.example.com',
        token_url: 'https://auth.example.com/oauth/token',
      },
      { token_url: null },
    );
    const bad = await t.call('PUT', `/admin/v1/credentials/${id}`, {
      token_url: 'ftp://auth.example.com/token',
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).detail.map((d: { loc: unknown[] }) => d.loc)).toEqual([['body', 'token_url']]);
    expect((await read(`/admin/v1/credentials/${id}`))['token_url']).toBeNull();
  });

  it('sgtm-configs: an inactive custom config keeps its client type and switch', async () => {
    const storefront = (
      await (await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'sgtmshop', name: 'S' })).json()
    ).id;
    await expectOnlyNamedFieldChanges(
      'sgtm-configs',
      {
        storefront_id: storefront,
        sgtm_url: 'https://sgtm.example.com',
        client_type: 'custom',
        container_id: 'GTM-1',
        custom_endpoint_path: '/collect',
        api_secret: 's',
        is_active: false,
      },
      { container_id: 'GTM-2' },
    );
  });
});
