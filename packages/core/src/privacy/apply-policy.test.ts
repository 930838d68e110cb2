import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { omsRecordSchema } from '../oms-schema';
import { type RelayEvent, toRelayEvent } from '../relay-event';
import { applyPrivacyPolicy, privacyPolicyHash } from './apply-policy';
import { pseudonymize } from './pseudonymize';
import {
  type DestinationPrivacyInput,
  type StorefrontPrivacyInput,
  destinationPrivacySchema,
  storefrontPrivacySchema,
} from './schema';

const KEY = Buffer.alloc(32, 7);
const event = (record: Record<string, unknown>): RelayEvent => toRelayEvent(omsRecordSchema.parse(record));
const destination = (input: DestinationPrivacyInput = {}) => destinationPrivacySchema.parse(input);
const health = (input: StorefrontPrivacyInput = {}) => ({
  ...storefrontPrivacySchema.parse({ privacy_mode: 'health', ...input }),
  pseudonym_key: KEY,
});
const standard = () => storefrontPrivacySchema.parse({});

const ALIASES = { rx_issued: 'conversion_step_2' };

const purchase = event({
  storefront_id: 'bosley',
  event_name: 'purchase_completed',
  event_time: '2026-01-15T10:25:00Z',
  order_id: '2025020100003333',
  order_revenue: 80.79,
  session_id: 'sess_456',
  't-value': 'bosleyaffiliate_0123',
  utm_source: 'google',
  utm_campaign: 'hair_loss_q1',
  email: 'jane@example.com',
  phone: '+1 555 123 4567',
  first_name: 'Jane',
  zip: '10001',
  customer_id: 'cust_42',
  ip_address: '203.0.113.7',
  user_agent: 'Mozilla/5.0',
  fbc: 'fb.1.1736935200000.IwAR0abc',
  gclid: 'Cj0-gclid',
  idfa: 'AEBE52E7-03EE-455A-B3C4-E57283966239',
  page_url: 'https://bosley.example/hair-loss/finasteride?dose=1mg',
  referrer: 'https://search.example/?q=finasteride',
  items: [{ id: 'FIN-1MG', name: 'Finasteride 1mg', price: 80.79, quantity: 1, category: 'hair loss' }],
  notes: 'patient asked about side effects',
});

describe('applyPrivacyPolicy in health mode', () => {
  it('keeps by default only value and currency, pseudonymises the ids and cuts URLs to their origin', () => {
    const result = applyPrivacyPolicy(purchase, destination(), health());
    expect(result.decision).toEqual({ action: 'send' });
    expect(result.event).toEqual({
      dedupKey: pseudonymize(KEY, 'event_id', 'bosley:purchase_completed:2025020100003333'),
      storefront: 'bosley',
      eventName: 'purchase_completed',
      occurredAt: new Date('2026-01-15T10:25:00Z'),
      orderId: pseudonymize(KEY, 'order_id', '2025020100003333'),
      value: 80.79,
      currency: 'USD',
      user: {},
      clickIds: {},
      utm: {},
      items: [],
      consent: {},
      pageUrl: 'https://bosley.example',
      referrer: 'https://search.example',
      properties: {},
    });
    expect(result.removedFields).toEqual([
      'email',
      'external_id',
      'fbc',
      'first_name',
      'gclid',
      'idfa',
      'ip_address',
      'items',
      'notes',
      'page_url.path_and_query',
      'phone',
      'referrer.path_and_query',
      'session_id',
      't-value',
      'user_agent',
      'utm_campaign',
      'utm_source',
      'zip',
    ]);
    expect(result.replacedFields).toEqual(['event_id', 'order_id']);
    expect(result.event.orderId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.event.orderId).not.toContain('2025020100003333');
  });

  it('keeps exactly the allowed identifier classes and properties, and the item free text only when named', () => {
    const result = applyPrivacyPolicy(
      purchase,
      destination({
        allowed_identifiers: ['email', 'click_ids', 'device_ids', 'external_id'],
        allowed_properties: ['value', 'currency', 'items', 'utm_source', 'page_url'],
      }),
      health(),
    );
    expect(result.event.user).toEqual({
      email: 'jane@example.com',
      externalId: pseudonymize(KEY, 'user_id', 'cust_42'),
    });
    expect(result.event.clickIds).toEqual({ fbc: 'fb.1.1736935200000.IwAR0abc', gclid: 'Cj0-gclid' });
    expect(result.event.properties).toEqual({ idfa: 'AEBE52E7-03EE-455A-B3C4-E57283966239' });
    expect(result.event.items).toEqual([{ id: 'FIN-1MG', price: 80.79, quantity: 1 }]);
    expect(result.event.utm).toEqual({ source: 'google' });
    expect(result.event.pageUrl).toBe('https://bosley.example/hair-loss/finasteride?dose=1mg');
    expect(result.removedFields).toEqual([
      'first_name',
      'ip_address',
      'items.category',
      'items.name',
      'notes',
      'phone',
      'referrer.path_and_query',
      'session_id',
      't-value',
      'user_agent',
      'utm_campaign',
      'zip',
    ]);
    expect(result.replacedFields).toEqual(['event_id', 'external_id', 'order_id']);
  });

  it('aliases a sensitive event, allows it by default under its alias, and suppresses an unaliased custom event', () => {
    const rxRecord = {
      storefront_id: 'pfizer',
      event_name: 'rx_issued',
      event_time: '2026-01-15T10:20:30Z',
      order_id: '2025010100002222',
      fbclid: 'IwAR-fbclid',
    };
    const rx = event(rxRecord);
    const aliased = applyPrivacyPolicy(
      rx,
      destination({ allowed_identifiers: ['click_ids'] }),
      health({ event_aliases: ALIASES }),
    );
    expect(aliased.decision).toEqual({ action: 'send' });
    expect(aliased.event.eventName).toBe('conversion_step_2');
    expect(aliased.event.clickIds).toEqual({ fbclid: 'IwAR-fbclid' });
    expect(aliased.replacedFields).toEqual(['event_id', 'event_name', 'order_id']);

    const consult = event({ ...rxRecord, storefront_id: 'bosley', event_name: 'consult_started' });
    const suppressed = applyPrivacyPolicy(consult, destination(), health({ event_aliases: ALIASES }));
    expect(suppressed).toEqual({
      decision: {
        action: 'suppress',
        reason: "privacy: event 'consult_started' is not in this destination's allowed_events (health mode)",
      },
      event: consult,
      removedFields: [],
      replacedFields: [],
      policyHash: privacyPolicyHash(destination(), health({ event_aliases: ALIASES })),
    });
  });

  it('suppresses consult_completed by default and an aliased event the list does not name', () => {
    const completed = event({
      storefront_id: 'bosley',
      event_name: 'consult_completed',
      event_time: '2026-01-15T10:20:30Z',
      order_id: '1',
    });
    expect(applyPrivacyPolicy(completed, destination(), health()).decision.action).toBe('suppress');
    const rx = event({
      storefront_id: 'pfizer',
      event_name: 'rx_issued',
      event_time: '2026-01-15T10:20:30Z',
      order_id: '2',
    });
    const listed = destination({ allowed_events: ['purchase_completed'] });
    expect(applyPrivacyPolicy(rx, listed, health({ event_aliases: ALIASES })).decision).toEqual({
      action: 'suppress',
      reason:
        "privacy: event 'rx_issued' (alias 'conversion_step_2') is not in this destination's allowed_events (health mode)",
    });
    const byAlias = destination({ allowed_events: ['conversion_step_2'] });
    expect(applyPrivacyPolicy(rx, byAlias, health({ event_aliases: ALIASES })).event.eventName).toBe(
      'conversion_step_2',
    );
    const byOriginal = destination({ allowed_events: ['rx_issued'] });
    expect(applyPrivacyPolicy(rx, byOriginal, health({ event_aliases: ALIASES })).event.eventName).toBe(
      'conversion_step_2',
    );
    expect(applyPrivacyPolicy(rx, destination({ allowed_events: [] }), health()).decision.action).toBe(
      'suppress',
    );
  });

  it('gives the same pseudonym for the same id and key, and a different one for another key', () => {
    const a = applyPrivacyPolicy(purchase, destination(), health());
    const b = applyPrivacyPolicy(purchase, destination(), health());
    const other = applyPrivacyPolicy(purchase, destination(), {
      ...health(),
      pseudonym_key: Buffer.alloc(32, 8),
    });
    expect(a.event.orderId).toBe(b.event.orderId);
    expect(other.event.orderId).not.toBe(a.event.orderId);
  });

  it('refuses to run health mode without a pseudonymisation key', () => {
    const { pseudonym_key: _, ...noKey } = health();
    expect(() => applyPrivacyPolicy(purchase, destination(), noKey)).toThrow(ConfigError);
  });

  it('leaves a BAA destination untouched', () => {
    const result = applyPrivacyPolicy(
      purchase,
      destination({ baa: true }),
      health({ event_aliases: ALIASES }),
    );
    expect(result.event).toEqual(purchase);
    expect(result.removedFields).toEqual([]);
  });
});

describe('applyPrivacyPolicy in standard mode', () => {
  it('changes nothing when consent is not denied', () => {
    const result = applyPrivacyPolicy(purchase, destination(), standard());
    expect(result).toEqual({
      decision: { action: 'send' },
      event: purchase,
      removedFields: [],
      replacedFields: [],
      policyHash: privacyPolicyHash(destination(), standard()),
    });
  });

  it('removes every identifier when ad user data consent is denied', () => {
    const denied = { ...purchase, consent: { adUserData: 'denied' as const } };
    const result = applyPrivacyPolicy(denied, destination(), standard());
    expect(result.event.user).toEqual({});
    expect(result.event.clickIds).toEqual({});
    expect(result.event.properties).toEqual({ notes: 'patient asked about side effects' });
    expect(result.event.orderId).toBe('2025020100003333');
    expect(result.removedFields).toEqual([
      'email',
      'external_id',
      'fbc',
      'first_name',
      'gclid',
      'idfa',
      'ip_address',
      'phone',
      'user_agent',
      'zip',
    ]);
  });

  it('selects each platform’s restricted-processing signal when ad personalisation is denied', () => {
    const denied = { ...purchase, consent: { adPersonalization: 'denied' as const } };
    const meta = applyPrivacyPolicy(denied, destination(), standard(), {
      code: 'meta_capi',
      category: 'advertising',
    });
    expect(meta.restrictedProcessing).toEqual({
      via: 'options',
      signal: "data_processing_options: ['LDU']",
      options: { limited_data_use: true },
    });
    expect(meta.event).toEqual(denied);
    const quora = applyPrivacyPolicy(denied, destination(), standard(), {
      code: 'quora_pixel',
      category: 'advertising',
    });
    expect(quora.restrictedProcessing?.via).toBe('identifiers-removed');
    expect(quora.event.user).toEqual({});
    const mixpanel = applyPrivacyPolicy(denied, destination(), standard(), {
      code: 'mixpanel',
      category: 'analytics',
    });
    expect(mixpanel.restrictedProcessing?.via).toBe('not-applicable');
    expect(mixpanel.event).toEqual(denied);
  });
});

describe('privacyPolicyHash', () => {
  it('is shared by standard-mode destinations and changes with any health-mode list', () => {
    expect(privacyPolicyHash(destination(), standard())).toBe(
      privacyPolicyHash(destination({ allowed_identifiers: ['email'] }), standard()),
    );
    expect(privacyPolicyHash(destination(), health())).not.toBe(
      privacyPolicyHash(destination({ allowed_identifiers: ['email'] }), health()),
    );
    expect(privacyPolicyHash(destination(), health())).toMatch(/^[0-9a-f]{16}$/);
  });
});
