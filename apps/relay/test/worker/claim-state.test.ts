import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unsealOnce } from '../../src/worker/unsealed';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

/** One bosley purchase with an email (Meta refuses events without customer information), `n` its order id. */
const purchase = (n: number) => ({
  data: [{ ...SEED_BATCH.data[2]!, order_id: `claim-state-${n}`, email: 'buyer@example.com' }],
});

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

describe('what a claim reads is fresh, however often the worker claimed before', () => {
  it('a credential edited between claims sends with its new secret; a switch flipped between claims suppresses', async () => {
    const bosley = await f.storefront('bosley');
    const meta = await f.credential(bosley, 'meta_capi');
    const worker = f.worker();
    const sendOne = async (n: number) => {
      await f.ingest(purchase(n));
      await worker.route();
      return worker.deliverOnce();
    };
    const tokens = () => f.sim.receivedBy('meta_capi').map((r) => r.headers.authorization);

    expect(await sendOne(1)).toBe(1);
    const edited = await f.t.call('PUT', `/admin/v1/credentials/${meta}`, {
      credentials: {
        ...f.registry.get('meta_capi')!.credentialsExample,
        access_token: 'EAAGrotatedSystemUserToken0123456789abcdef',
      },
    });
    expect(edited.status, await edited.text()).toBe(200);
    expect(await sendOne(2)).toBe(1);
    expect(tokens()).toEqual([
      `Bearer ${(f.registry.get('meta_capi')!.credentialsExample as { access_token: string }).access_token}`,
      'Bearer EAAGrotatedSystemUserToken0123456789abcdef',
    ]);

    // Routed while live, switched off before the next claim: nothing is sent.
    await f.ingest(purchase(3));
    await worker.route();
    await f.t.call('PUT', `/admin/v1/credentials/${meta}`, { is_active: false });
    expect(await worker.deliverOnce()).toBe(1);
    await f.t.call('PUT', `/admin/v1/credentials/${meta}`, { is_active: true });
    await f.ingest(purchase(4));
    await worker.route();
    await f.t.call('PUT', `/admin/v1/storefronts/${bosley}`, { is_active: false });
    expect(await worker.deliverOnce()).toBe(1);

    expect((await f.deliveries()).map((d) => [d.status, d.reason])).toEqual([
      ['delivered', null],
      ['delivered', null],
      ['suppressed', `credential switch: Credential ${meta} (meta_capi) is disabled`],
      ['suppressed', "storefront switch: Storefront 'bosley' is disabled"],
    ]);
    expect(tokens()).toHaveLength(2);
  });
});

describe('unsealOnce', () => {
  it('decrypts each sealed token once, a new token again, and does not keep failures', () => {
    const calls: string[] = [];
    const unseal = unsealOnce((sealed) => {
      calls.push(sealed);
      if (sealed === 'bad') throw new Error('InvalidToken');
      return `plain:${sealed}`;
    }, 2);
    expect([unseal('a'), unseal('a'), unseal('b'), unseal('a')]).toEqual([
      'plain:a',
      'plain:a',
      'plain:b',
      'plain:a',
    ]);
    expect(calls).toEqual(['a', 'b']);
    expect(() => unseal('bad')).toThrow('InvalidToken');
    expect(() => unseal('bad')).toThrow('InvalidToken');
    // Full at two tokens: emptied, then filled again.
    unseal('c');
    unseal('a');
    expect(calls).toEqual(['a', 'b', 'bad', 'bad', 'c', 'a']);
  });
});
