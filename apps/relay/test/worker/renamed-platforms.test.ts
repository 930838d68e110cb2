import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

describe('renamed catalog codes deliver through the adapter of the new name', () => {
  it.each([
    ['verizon_media', 'yahoo_dsp'],
    ['amazon_dsp', 'amazon_ads'],
  ])('a %s credential is validated and delivered as %s', async (code, target) => {
    const bosley = await f.storefront('bosley');
    // The old service's catalog row, as an import or an existing client creates it.
    const platform = await f.t.call('POST', '/admin/v1/platforms', { platform_code: code, name: code });
    expect(platform.status).toBe(201);
    const { id: platformId, has_adapter } = await platform.json();
    expect(has_adapter).toBe(true);

    // The new name's credential schema applies: a missing field is named.
    const bad = await f.t.call('POST', '/admin/v1/credentials', {
      storefront_id: bosley,
      platform_id: platformId,
      credentials: {},
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).detail[0].loc.slice(0, 2)).toEqual(['body', 'credentials']);

    const res = await f.t.call('POST', '/admin/v1/credentials', {
      storefront_id: bosley,
      platform_id: platformId,
      credentials: f.registry.get(target)!.credentialsExample,
      base_url: `${f.sim.url}/${target}`,
      // Both are OAuth platforms: base_url never moves the token endpoint, token_url does.
      token_url: `${f.sim.url}/${target}/oauth/token`,
    });
    expect(res.status).toBe(201);
    const credential = (await res.json()).id;
    await f.ingest({
      data: [{ ...SEED_BATCH.data[2], email: 'customer@example.com', ip_address: '203.0.113.7' }],
    });
    await f.worker().drain();
    expect((await f.deliveries()).map((d) => [d.platform, d.key, d.status, d.reason])).toEqual([
      [code, `credential:${credential}`, 'delivered', null],
    ]);
    expect(f.sim.receivedBy(target).length).toBeGreaterThan(0);
    const exchanges = await f.t.database.db.httpExchange.findMany();
    expect(exchanges.every((x) => x.platformCode === code)).toBe(true);
  });
});
