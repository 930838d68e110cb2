import {
  type DeliveryPolicy,
  destinationPrivacySchema,
  omsRecordSchema,
  storefrontPrivacySchema,
  toRelayEvent,
} from '@relay/core';
import { adapter as iterable } from '@relay/adapter-iterable';
import { adapter as meta } from '@relay/adapter-meta-capi';
import { runAdapter } from '@relay/testing';
import { describe, expect, it } from 'vitest';

const event = (record: Record<string, unknown>) =>
  toRelayEvent(
    omsRecordSchema.parse({ storefront_id: 'telehealth', event_time: '2026-01-15T11:00:00Z', ...record }),
  );

const policy = (mode: 'standard' | 'health', destination: Record<string, unknown> = {}): DeliveryPolicy => ({
  storefront: {
    ...storefrontPrivacySchema.parse({ privacy_mode: mode }),
    pseudonym_key: Buffer.alloc(32, 9),
  },
  destination: destinationPrivacySchema.parse(destination),
});

describe('deliver() with a privacy policy', () => {
  it('suppresses, with a privacy reason, an event the platform refuses only because the policy removed what it needs', async () => {
    const purchase = event({ event_name: 'purchase_completed', order_id: 'A-1', email: 'jane@example.com' });
    const run = await runAdapter(iterable, [purchase], { policy: policy('health') });
    expect(run.requests).toEqual([]);
    expect(run.results[0]!.outcome).toEqual({
      status: 'suppressed',
      reason:
        "privacy: Iterable needs what this destination's policy removed (email): Iterable identifies users by email; this event has none",
    });
    expect(run.results[0]!.privacy?.removedFields).toEqual(['email']);
  });

  it('suppresses for Meta an event left with no identifier it may receive (Meta’s own check), never failing it', async () => {
    const purchase = event({
      event_name: 'purchase_completed',
      order_id: 'A-3',
      order_revenue: 40,
      email: 'jane@example.com',
    });
    const run = await runAdapter(meta, [purchase], { policy: policy('health') });
    expect(run.requests).toEqual([]);
    expect(run.results[0]!.outcome.status).toBe('suppressed');
    expect((run.results[0]!.outcome as { reason: string }).reason).toMatch(
      /^privacy: Meta Conversions API needs what this destination's policy removed \(email\): /,
    );
  });

  it('keeps the platform’s own refusal when the event lacked the data anyway', async () => {
    const purchase = event({ event_name: 'purchase_completed', order_id: 'A-2', fbc: 'fb.1.1.x' });
    const run = await runAdapter(iterable, [purchase], { policy: policy('health') });
    expect(run.results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_user',
      reason: 'Iterable identifies users by email; this event has none',
    });
  });

  it('turns on Meta Limited Data Use only for the event whose ad-personalisation consent was denied, in standard mode', async () => {
    const granted = event({
      event_name: 'purchase_completed',
      order_id: 'B-1',
      order_revenue: 25,
      email: 'a@example.com',
    });
    const denied = event({
      event_name: 'purchase_completed',
      order_id: 'B-2',
      order_revenue: 25,
      email: 'b@example.com',
      consent_ad_personalization: 'denied',
    });
    const plain = await runAdapter(meta, [granted, denied]);
    const run = await runAdapter(meta, [granted, denied], { policy: policy('standard') });
    const bodies = run.requests.map((r) => (r.json as { data: Array<Record<string, unknown>> }).data);
    expect(bodies).toHaveLength(2);
    const plainData = (plain.requests[0]!.json as { data: Array<Record<string, unknown>> }).data;
    expect(bodies[0]).toEqual([plainData[0]]);
    expect(bodies[1]).toEqual([
      {
        ...plainData[1],
        data_processing_options: ['LDU'],
        data_processing_options_country: 0,
        data_processing_options_state: 0,
      },
    ]);
    expect(run.attempts.map((a) => a.eventIndexes)).toEqual([[0], [1]]);
    expect(run.results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered']);
  });

  it('removes every identifier when ad-user-data consent is denied, even in standard mode', async () => {
    const denied = event({
      event_name: 'purchase_completed',
      order_id: 'C-1',
      order_revenue: 25,
      email: 'c@example.com',
      fbc: 'fb.1.1.y',
      consent_ad_user_data: 'denied',
    });
    const run = await runAdapter(meta, [denied], { policy: policy('standard') });
    expect(run.requests.map((r) => r.body).join('')).not.toMatch(/fb\.1\.1\.y|c@example\.com/);
    expect(run.results[0]!.privacy?.removedFields).toEqual(['email', 'fbc']);
  });

  it('changes nothing for a standard-mode storefront without denied consent', async () => {
    const purchase = event({
      event_name: 'purchase_completed',
      order_id: 'D-1',
      order_revenue: 25,
      email: 'd@example.com',
    });
    const plain = await runAdapter(meta, [purchase]);
    const run = await runAdapter(meta, [purchase], { policy: policy('standard') });
    expect(run.requests.map((r) => r.json)).toEqual(plain.requests.map((r) => r.json));
    expect(run.results.map((r) => r.outcome)).toEqual(plain.results.map((r) => r.outcome));
  });
});
