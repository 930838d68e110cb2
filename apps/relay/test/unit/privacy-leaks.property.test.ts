import {
  type AnyAdapter,
  DEVICE_ID_KEYS,
  type DestinationPrivacy,
  IDENTIFIER_CLASSES,
  type IdentifierClass,
  type RelayEvent,
  applyPrivacyPolicy,
  destinationPrivacySchema,
  hashCity,
  hashCountry,
  hashEmail,
  hashExternalId,
  hashName,
  hashPhoneDigits,
  hashPhoneE164,
  hashState,
  hashZip,
  omsRecordSchema,
  restrictedProcessingOf,
  sha256Hex,
  storefrontPrivacySchema,
  toRelayEvent,
} from '@relay/core';
import { runAdapter } from '@relay/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../src/registry.generated';

/**
 * Any record, any health-mode policy, every adapter: run the policy, then the adapter through
 * @relay/testing's fake platform, and check that no serialized request (URL, headers, body)
 * carries a value the policy did not allow, raw or SHA-256 hashed.
 */

const token = (prefix: string) => fc.stringMatching(/^[a-z]{12}$/).map((t) => `${prefix}${t}`);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const PROPERTY_POOL = [
  'value',
  'currency',
  'items',
  'items.name',
  'items.category',
  'page_url',
  'referrer',
  'utm_source',
  'utm_campaign',
  'session_id',
  't-value',
  'plan',
  'notes',
] as const;

const recordArb = fc.record({
  event_name: fc.constantFrom(
    'purchase_completed',
    'add_to_cart',
    'lead',
    'rx_issued',
    'consult_started',
    'page_view',
  ),
  minutesAgo: fc.integer({ min: 1, max: 600 }),
  order_id: token('ord'),
  event_id: maybe(token('evt')),
  order_revenue: maybe(fc.integer({ min: 1000, max: 9999 }).map((n) => n + 0.37)),
  email: maybe(token('em').map((t) => `${t}@${t}.example`)),
  phone: maybe(fc.integer({ min: 2_000_000, max: 9_999_999 }).map((n) => `+1 415 ${n}`)),
  first_name: maybe(token('fn')),
  last_name: maybe(token('ln')),
  city: maybe(token('ct')),
  state: maybe(fc.constantFrom('NY', 'CA', 'TX')),
  zip: maybe(fc.constantFrom('10001', '94103', '73301')),
  country: maybe(fc.constantFrom('US', 'CA', 'GB')),
  customer_id: maybe(token('cust')),
  ip_address: maybe(fc.integer({ min: 1, max: 254 }).map((n) => `203.0.113.${n}`)),
  user_agent: maybe(token('ua').map((t) => `Mozilla/5.0 (${t})`)),
  fbc: maybe(token('fbc').map((t) => `fb.1.1736935200000.${t}`)),
  fbp: maybe(token('fbp').map((t) => `fb.1.1736935100000.${t}`)),
  gclid: maybe(token('gcl')),
  ttclid: maybe(token('ttc')),
  msclkid: maybe(token('msc')),
  rdt_cid: maybe(token('rdt')),
  sc_click_id: maybe(token('scc')),
  epik: maybe(token('epk')),
  tblci: maybe(token('tbl')),
  ob_click_id: maybe(token('obc')),
  sapid: maybe(token('sap')),
  idfa: maybe(fc.uuid()),
  gaid: maybe(fc.uuid()),
  appsflyer_id: maybe(token('afid')),
  gps_adid: maybe(fc.uuid()),
  adid: maybe(fc.uuid()),
  aifa: maybe(fc.uuid()),
  session_id: maybe(token('sess')),
  't-value': maybe(token('aff')),
  utm_source: maybe(token('src')),
  utm_campaign: maybe(token('cmp')),
  plan: maybe(token('plan')),
  notes: maybe(token('note').map((t) => `patient asked about ${t}`)),
  page_path: maybe(token('path')),
  page_query: maybe(token('qry')),
  referrer_path: maybe(token('refp')),
  item: maybe(fc.record({ id: token('sku'), name: token('itn'), category: token('itc') })),
  consent_ad_user_data: maybe(fc.constantFrom('granted', 'denied')),
  consent_ad_personalization: maybe(fc.constantFrom('granted', 'denied')),
});

type Generated = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;

const policyArb = fc.record({
  allowed_identifiers: fc.subarray([...IDENTIFIER_CLASSES]),
  allowed_properties: fc.subarray([...PROPERTY_POOL]),
  allowed_events: maybe(
    fc.subarray(['purchase_completed', 'add_to_cart', 'lead', 'page_view', 'conversion_step_2', 'rx_issued']),
  ),
  alias: fc.boolean(),
});

/** Options without which an adapter sends nothing (as in its own conformance test). */
const OPTIONS: Readonly<Record<string, Record<string, unknown>>> = {
  salesforce: { event_definition_key: 'APIEvent-1a2b3c4d-0000-1111-2222-333344445555' },
  adroll: { page_location: 'https://www.bosley.com/', require_first_party_cookie: false },
};

const NOW = new Date('2026-01-15T12:00:00.000Z');
const KEY = Buffer.alloc(32, 3);

function omsRecord(g: Generated): Record<string, unknown> {
  const { minutesAgo, page_path, page_query, referrer_path, item, ...fields } = g;
  const record: Record<string, unknown> = {
    ...fields,
    storefront_id: 'pfizer',
    event_time: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  };
  if (page_path !== undefined || page_query !== undefined)
    record['page_url'] = `https://shop.example/${page_path ?? 'p'}${page_query ? `?q=${page_query}` : ''}`;
  if (referrer_path !== undefined) record['referrer'] = `https://ref.example/${referrer_path}`;
  if (item !== undefined) record['items'] = [{ ...item, price: 12.5, quantity: 1 }];
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** Every form in which `value` could leave: raw, lower-cased, and SHA-256 of each normalisation adapters use. */
function forms(value: string, hashes: Array<string | undefined> = []): string[] {
  return [value, value.toLowerCase(), sha256Hex(value), sha256Hex(value.toLowerCase()), ...hashes].filter(
    (v): v is string => v !== undefined,
  );
}

/** The values that must not appear anywhere in what the adapter sends. */
function forbidden(g: Generated, policy: DestinationPrivacy, identifiersAllowed: boolean): string[] {
  const ids = new Set<IdentifierClass>(identifiersAllowed ? policy.allowed_identifiers : []);
  const props = new Set(policy.allowed_properties);
  const out: string[] = [];
  const add = (allowed: boolean, values: string[]) => {
    if (!allowed) out.push(...values);
  };
  add(false, forms(g.order_id));
  if (g.event_id) add(false, forms(g.event_id));
  if (g.email) add(ids.has('email'), forms(g.email, [hashEmail(g.email)]));
  if (g.phone) {
    const digits = g.phone.replace(/\D/g, '');
    add(ids.has('phone'), [
      digits.slice(1),
      hashPhoneDigits(g.phone)!,
      hashPhoneE164(g.phone)!,
      sha256Hex(digits),
    ]);
  }
  const nameAddress = ids.has('name_address');
  if (g.first_name) add(nameAddress, forms(g.first_name, [hashName(g.first_name)]));
  if (g.last_name) add(nameAddress, forms(g.last_name, [hashName(g.last_name)]));
  if (g.city) add(nameAddress, forms(g.city, [hashCity(g.city)]));
  if (g.state) add(nameAddress, [hashState(g.state)!]);
  if (g.zip) add(nameAddress, [hashZip(g.zip)!]);
  if (g.country) add(nameAddress, [hashCountry(g.country)!]);
  // Allowed or not, the raw customer id never leaves: health mode pseudonymises it.
  if (g.customer_id) add(false, forms(g.customer_id, [hashExternalId(g.customer_id)]));
  if (g.ip_address) add(ids.has('ip'), forms(g.ip_address));
  if (g.user_agent) add(ids.has('user_agent'), forms(g.user_agent));
  const clickKeys = [
    'fbc',
    'fbp',
    'gclid',
    'ttclid',
    'msclkid',
    'rdt_cid',
    'sc_click_id',
    'epik',
    'tblci',
    'ob_click_id',
    'sapid',
  ] as const;
  for (const key of clickKeys) {
    const v = g[key];
    if (v) add(ids.has('click_ids'), forms(v));
  }
  for (const key of ['idfa', 'gaid', 'appsflyer_id', 'gps_adid', 'adid', 'aifa'] as const) {
    const v = g[key];
    if (v) add(ids.has('device_ids'), forms(v));
  }
  if (g.order_revenue !== undefined)
    add(
      ['value', 'order_revenue', 'revenue'].some((k) => props.has(k)),
      [String(g.order_revenue)],
    );
  if (g.session_id) add(props.has('session_id'), [g.session_id]);
  if (g['t-value']) add(props.has('t-value'), [g['t-value']]);
  if (g.utm_source) add(props.has('utm_source'), [g.utm_source]);
  if (g.utm_campaign) add(props.has('utm_campaign'), [g.utm_campaign]);
  if (g.plan) add(props.has('plan'), [g.plan]);
  if (g.notes) add(props.has('notes'), [g.notes.split(' ').at(-1)!]);
  if (g.page_path) add(props.has('page_url'), [g.page_path]);
  if (g.page_query) add(props.has('page_url'), [g.page_query]);
  if (g.referrer_path) add(props.has('referrer'), [g.referrer_path]);
  if (g.item) {
    add(props.has('items'), [g.item.id]);
    add(props.has('items') && props.has('items.name'), [g.item.name]);
    add(props.has('items') && props.has('items.category'), [g.item.category]);
  }
  return out;
}

const haystackOf = (requests: Array<{ url: string; headers: Record<string, string>; body: string }>) =>
  requests.map((r) => `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`).join('\n');

/** How many generated records reached each adapter's fake platform, to show the check is not vacuous. */
const sentCounts = new Map<string, number>();

describe.each(adapters.map((adapter) => [adapter.code, adapter] as [string, AnyAdapter]))(
  'health mode never lets a disallowed value reach %s',
  (_code, adapter) => {
    it('for any record and any policy', async () => {
      await fc.assert(
        fc.asyncProperty(recordArb, policyArb, async (g, p) => {
          const policy = destinationPrivacySchema.parse({
            allowed_identifiers: p.allowed_identifiers,
            allowed_properties: p.allowed_properties,
            allowed_events: p.allowed_events,
          });
          const storefront = {
            ...storefrontPrivacySchema.parse({
              privacy_mode: 'health',
              event_aliases: p.alias ? { rx_issued: 'conversion_step_2' } : {},
            }),
            pseudonym_key: KEY,
          };
          const event: RelayEvent = toRelayEvent(omsRecordSchema.parse(omsRecord(g)));
          const result = applyPrivacyPolicy(event, policy, storefront, adapter);
          // The policy as deliver()'s first stage, exactly as the worker runs it.
          const run = await runAdapter(adapter, [event], {
            now: () => NOW,
            options: OPTIONS[adapter.code] ?? {},
            policy: { destination: policy, storefront },
          });
          if (result.decision.action === 'suppress') {
            expect(run.results[0]!.outcome).toEqual({ status: 'suppressed', reason: result.decision.reason });
            expect(run.requests).toEqual([]);
            return;
          }
          if (run.requests.length > 0) sentCounts.set(adapter.code, (sentCounts.get(adapter.code) ?? 0) + 1);
          const identifiersAllowed =
            g.consent_ad_user_data !== 'denied' &&
            !(
              g.consent_ad_personalization === 'denied' &&
              restrictedProcessingOf(adapter).via === 'identifiers-removed'
            );
          const haystack = haystackOf(run.requests);
          const leaked = forbidden(g, policy, identifiersAllowed).filter((v) => haystack.includes(v));
          expect(leaked, haystack).toEqual([]);
          if (p.alias && g.event_name === 'rx_issued') expect(haystack).not.toContain('rx_issued');
        }),
        { numRuns: 60, seed: 20261206 },
      );
    });
  },
);

describe('the leak check reaches the platforms', () => {
  it('at least 40 of the 44 adapters sent requests for generated records', () => {
    const sending = [...sentCounts.keys()];
    expect(sending.length, `adapters that sent: ${sending.join(', ')}`).toBeGreaterThanOrEqual(40);
  });
});

describe('device id keys the check generates', () => {
  it('are all device ids to the policy', () => {
    expect(DEVICE_ID_KEYS).toEqual(
      expect.arrayContaining(['idfa', 'gaid', 'appsflyer_id', 'gps_adid', 'adid', 'aifa']),
    );
  });
});
