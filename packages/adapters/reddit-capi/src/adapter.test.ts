import { CANONICAL_EVENTS, eventKind, sha256Hex } from '@relay/core';
import {
  eventFromRecord,
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  runAdapter,
  SEED_BATCH,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter, normalizeEmailForReddit } from './index';
import { parseResponse } from './parse-response';

type Event = Record<string, unknown> & {
  type: { tracking_type: string; custom_event_name?: string };
  metadata: Record<string, unknown>;
  user?: Record<string, unknown>;
};
type Body = { data: { test_id?: string; events: Event[] } };

const successFor = (body: string) => ({
  status: 200,
  body: {
    data: {
      message: `Successfully processed ${(JSON.parse(body) as Body).data.events.length} conversion events.`,
    },
  },
});

testAdapterConformance(adapter, { success: (r) => successFor(r.body) });

/** The seed batch's records with the customer email the OMS knows for each order. */
const seedEventsWithEmail = () =>
  SEED_BATCH.data.map((record, i) => eventFromRecord({ ...record, email: `customer${i + 1}@example.com` }));

const eventsOf = (request: { json: unknown } | undefined) => (request!.json as Body).data.events;

/** The canonical events this platform takes (refunds are skipped by core: it declares no refund mapping). */
const SENT_EVENTS = CANONICAL_EVENTS.filter((name) => eventKind(name) !== 'refund');

describe('reddit_capi requests', () => {
  it('rejects the bare seed events without sending: Reddit needs a match key on every event', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'missing_match_keys',
        reason:
          'Reddit Conversions API needs a match key on every event (rdt_cid click id, email, phone, external id, IP address or user agent); this event has none',
      })),
    );
  });

  it('builds the exact request for the seed events once they carry an email', async () => {
    const { requests, results } = await runAdapter(adapter, seedEventsWithEmail(), {
      respond: (r) => successFor(r.body),
    });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, json: r.json })),
    ).toMatchInlineSnapshot(`
      [
        {
          "headers": {
            "authorization": "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImV4YW1wbGUifQ.example-conversion-token",
            "content-type": "application/json",
            "user-agent": "relay-conversions/0.0.0 (reddit_capi)",
          },
          "json": {
            "data": {
              "events": [
                {
                  "action_source": "WEBSITE",
                  "event_at": 1768472100000,
                  "metadata": {
                    "conversion_id": "bosley:consult_started:2025010100001111",
                  },
                  "type": {
                    "custom_event_name": "consult_started",
                    "tracking_type": "CUSTOM",
                  },
                  "user": {
                    "email": "b4133380ccd33e9fea010c5c961c1b766f4bf70ca30a4026a65c6854c8921fda",
                  },
                },
                {
                  "action_source": "WEBSITE",
                  "event_at": 1768472430000,
                  "metadata": {
                    "conversion_id": "pfizer:rx_issued:2025010100002222",
                  },
                  "type": {
                    "custom_event_name": "rx_issued",
                    "tracking_type": "CUSTOM",
                  },
                  "user": {
                    "email": "bc8ff7bc9cbcf078d9e537b9b6098f8d50fe7142086c6aabf6841a7714679c30",
                  },
                },
                {
                  "action_source": "WEBSITE",
                  "event_at": 1768472700000,
                  "metadata": {
                    "conversion_id": "bosley:purchase_completed:2025020100003333",
                    "currency": "USD",
                    "value": 80.79,
                  },
                  "type": {
                    "tracking_type": "PURCHASE",
                  },
                  "user": {
                    "email": "4c7d03d328bed7e9babb9d5abb9216a1b14d5feeb82890816b090521072a5827",
                  },
                },
              ],
            },
          },
          "method": "POST",
          "url": "https://ads-api.reddit.com/api/v3/pixels/a2_fxrm3nc6eisf/conversion_events",
        },
      ]
    `);
    expect(eventsOf(requests[0])[2]!.user!['email']).toBe(sha256Hex('customer3@example.com'));
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "data": {
          "events": [
            {
              "action_source": "WEBSITE",
              "click_id": "rdt-click-123",
              "event_at": 1768476600000,
              "event_source_url": "https://www.bosley.com/checkout/complete",
              "metadata": {
                "conversion_id": "evt_full_0001",
                "currency": "USD",
                "item_count": 3,
                "products": [
                  {
                    "category": "kits",
                    "id": "SKU-1",
                    "item_price": 99.5,
                    "name": "Hair Regrowth Kit",
                    "quantity": 1,
                  },
                  {
                    "category": "care",
                    "id": "SKU-2",
                    "item_price": 15,
                    "name": "Shampoo",
                    "quantity": 2,
                  },
                ],
                "value": 129.5,
              },
              "type": {
                "tracking_type": "PURCHASE",
              },
              "user": {
                "email": "55e79200c1635b37ad31a378c39feb12f120f116625093a19bc32fff15041149",
                "external_id": "2b1cb0b84296c10ce6cc722d09a874d1f0cc1865615cb94ee50e62354aec017b",
                "ip_address": "fec52565aa0cf18f57d7cf5b3ac728503b8992d2d6f7d46da1d1201090902b02",
                "phone_number": "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
                "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
              },
            },
          ],
        },
      }
    `);
    const user = eventsOf(requests[0])[0]!.user!;
    expect([user['email'], user['external_id'], user['ip_address'], user['phone_number']]).toEqual([
      sha256Hex('johndoe@example.com'),
      sha256Hex('cust_42'),
      sha256Hex('203.0.113.7'),
      sha256Hex('+15551234567'),
    ]);
  });

  it('maps every canonical event to its tracking type, the others to CUSTOM under their OMS name', async () => {
    const { requests } = await runAdapter(
      adapter,
      SENT_EVENTS.map((name, i) => sampleEvent(name, i + 1)),
    );
    expect(eventsOf(requests[0]).map((e) => e.type)).toEqual(SENT_EVENTS.map((name) => EXPECTED_TYPES[name]));
  });

  it('sends value and currency only for types that take them, item_count only with items', async () => {
    const items = [{ id: 'SKU-9', price: 5, quantity: 2 }];
    const { requests } = await runAdapter(adapter, [
      sampleEvent('page_view', 1),
      sampleEvent('lead', 2),
      sampleEvent('add_to_cart', 3, { items }),
      sampleEvent('signup', 4, { items }),
    ]);
    expect(eventsOf(requests[0]).map((e) => e.metadata)).toEqual([
      { conversion_id: 'bosley:page_view:ORD-0001' },
      { conversion_id: 'bosley:lead:ORD-0002', currency: 'USD', value: 12 },
      {
        conversion_id: 'bosley:add_to_cart:ORD-0003',
        currency: 'USD',
        value: 13,
        item_count: 2,
        products: [{ id: 'SKU-9', quantity: 2, item_price: 5 }],
      },
      {
        conversion_id: 'bosley:signup:ORD-0004',
        currency: 'USD',
        value: 14,
        products: [{ id: 'SKU-9', quantity: 2, item_price: 5 }],
      },
    ]);
  });

  it('sends an override naming a Reddit tracking type as that type, any other name as CUSTOM', async () => {
    const { requests } = await runAdapter(
      adapter,
      [sampleEvent('rx_issued', 1), sampleEvent('consult_started', 2), sampleEvent('checkout_started', 3)],
      { options: { eventMap: { rx_issued: 'VIEW_CONTENT', consult_started: 'Consultation' } } },
    );
    expect(eventsOf(requests[0]).map((e) => e.type)).toEqual([
      { tracking_type: 'VIEW_CONTENT' },
      { tracking_type: 'CUSTOM', custom_event_name: 'Consultation' },
      { tracking_type: 'CUSTOM', custom_event_name: 'checkout_started' },
    ]);
  });

  it('rejects a custom event name over 64 characters without sending it, and sends the rest', async () => {
    const long = 'x'.repeat(65);
    const { requests, results } = await runAdapter(adapter, [sampleEvent(long, 1), sampleEvent('lead', 2)]);
    expect(results[0]?.outcome).toEqual({
      status: 'rejected',
      code: 'custom_event_name_too_long',
      reason: `Reddit Conversions API takes custom event names of at most 64 characters; '${long}' is longer (map it with options.eventMap)`,
    });
    expect(results[1]?.outcome.status).toBe('delivered');
    expect(eventsOf(requests[0]).map((e) => e.metadata['conversion_id'])).toEqual(['bosley:lead:ORD-0002']);
  });

  it('rejects events more than 5 minutes ahead or more than 7 days old without sending them', async () => {
    const { requests, results } = await runAdapter(adapter, [
      sampleEvent('lead', 1, { event_time: '2026-01-15T12:06:00Z' }),
      sampleEvent('lead', 2, { event_time: '2026-01-15T12:04:00Z' }),
      sampleEvent('lead', 3, { event_time: '2026-01-08T11:59:00Z' }),
      // Core refuses from one hour before the 7-day window ends (clock-skew margin).
      sampleEvent('lead', 4, { event_time: '2026-01-08T13:00:00Z' }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'rejected',
        code: 'event_in_future',
        reason:
          'Reddit Conversions API accepts event_at at most 5 minutes in the future; this event is dated 2026-01-15T12:06:00.000Z',
      },
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'event_too_old',
        reason:
          'Reddit Conversions API accepts events up to 7 days old; this one happened at 2026-01-08T11:59:00.000Z',
      },
      { status: 'delivered' },
    ]);
    expect(eventsOf(requests[0]).map((e) => e['event_at'])).toEqual([
      Date.parse('2026-01-15T12:04:00Z'),
      Date.parse('2026-01-08T13:00:00Z'),
    ]);
  });

  it('sends an event matched by its rdt_cid click id alone, without a user object', async () => {
    const bare = eventFromRecord({ ...SEED_BATCH.data[2], rdt_cid: 'rdt-abc' });
    const { requests } = await runAdapter(adapter, [bare]);
    const [event] = eventsOf(requests[0]);
    expect(event!['click_id']).toBe('rdt-abc');
    expect(event).not.toHaveProperty('user');
  });

  it('sends data.test_id and the LDU flag from the options', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], {
      options: { test_id: 't2_test_abc', limited_data_use: { country: 'US', region: 'US-CA' } },
    });
    const body = requests[0]!.json as Body;
    expect(body.data.test_id).toBe('t2_test_abc');
    expect(body.data.events[0]!.user!['data_processing_options']).toEqual({
      modes: ['LDU'],
      country: 'US',
      region: 'US-CA',
    });
    const { requests: plain } = await runAdapter(adapter, [sampleEvent('lead')], {
      options: { limited_data_use: {} },
    });
    expect(eventsOf(plain[0])[0]!.user!['data_processing_options']).toEqual({ modes: ['LDU'] });
  });

  it('sends offline (PHYSICAL_STORE) events without device signals, click id or source URL', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], {
      options: { action_source: 'PHYSICAL_STORE' },
    });
    const [event] = eventsOf(requests[0]);
    expect(event!['action_source']).toBe('PHYSICAL_STORE');
    expect(event).not.toHaveProperty('click_id');
    expect(event).not.toHaveProperty('event_source_url');
    expect(Object.keys(event!.user!).sort()).toEqual(['email', 'external_id', 'phone_number']);
  });

  it('sends the source URL for WEBSITE events only', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], {
      options: { action_source: 'APP' },
    });
    const [event] = eventsOf(requests[0]);
    expect(event).not.toHaveProperty('event_source_url');
    expect(event!['click_id']).toBe('rdt-click-123');
    expect(event!.user!['ip_address']).toBe(sha256Hex('203.0.113.7'));
  });

  it('refuses credentials and options Reddit would not accept, naming the field', async () => {
    await expect(
      runAdapter(adapter, [sampleEvent('lead')], {
        credentials: { pixel_id: 'a2 bad', conversion_token: 'x'.repeat(30) },
      }),
    ).rejects.toThrow(/pixel_id/);
    await expect(
      runAdapter(adapter, [sampleEvent('lead')], { options: { action_source: 'website' } }),
    ).rejects.toThrow(/action_source/);
  });
});

const EXPECTED_TYPES: Record<string, { tracking_type: string; custom_event_name?: string }> = {
  purchase_completed: { tracking_type: 'PURCHASE' },
  checkout_started: { tracking_type: 'CUSTOM', custom_event_name: 'checkout_started' },
  begin_checkout: { tracking_type: 'CUSTOM', custom_event_name: 'begin_checkout' },
  add_to_cart: { tracking_type: 'ADD_TO_CART' },
  lead: { tracking_type: 'LEAD' },
  consult_completed: { tracking_type: 'LEAD' },
  complete_registration: { tracking_type: 'SIGN_UP' },
  signup: { tracking_type: 'SIGN_UP' },
  page_view: { tracking_type: 'PAGE_VISIT' },
  consult_started: { tracking_type: 'CUSTOM', custom_event_name: 'consult_started' },
  rx_issued: { tracking_type: 'CUSTOM', custom_event_name: 'rx_issued' },
};

describe('reddit_capi identity', () => {
  const userOf = async (overrides: Record<string, unknown>) => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, overrides)]);
    return eventsOf(requests[0])[0]!.user!;
  };

  it('hashes the canonical email the way Reddit canonicalises it (dots and +alias removed from the local part)', async () => {
    expect((await userOf({ email: ' John.Doe@Example.COM ' }))['email']).toBe(
      '55e79200c1635b37ad31a378c39feb12f120f116625093a19bc32fff15041149',
    );
    expect(sha256Hex('johndoe@example.com')).toBe(
      '55e79200c1635b37ad31a378c39feb12f120f116625093a19bc32fff15041149',
    );
    // Reddit's own example: both hash to ff8d98… (Manual Advanced Matching).
    expect((await userOf({ email: 'Al.ice$+Apple@Example.Com' }))['email']).toBe(
      'ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976',
    );
    expect(normalizeEmailForReddit('alice@example.com')).toBe('alice@example.com');
    expect(normalizeEmailForReddit('first_last-x@example.co.uk')).toBe('firstlastx@example.co.uk');
    expect(normalizeEmailForReddit('+tag@example.com')).toBeUndefined();
    expect(normalizeEmailForReddit('not an email')).toBeUndefined();
  });

  it('passes already-hashed values through unchanged', async () => {
    const hashed = 'c'.repeat(64);
    const user = await userOf({
      email: hashed,
      phone: hashed,
      external_id: hashed,
      ip_address: hashed.toUpperCase(),
    });
    expect([user['email'], user['phone_number'], user['external_id'], user['ip_address']]).toEqual([
      hashed,
      hashed,
      hashed,
      hashed,
    ]);
  });

  it('hashes phones in E.164 with the + (default country US, else the user’s country)', async () => {
    expect((await userOf({ phone: '(555) 123-4567' }))['phone_number']).toBe(sha256Hex('+15551234567'));
    expect((await userOf({ phone: '+44 20 7946 0958' }))['phone_number']).toBe(sha256Hex('+442079460958'));
    expect((await userOf({ phone: '020 7946 0958', country: 'GB' }))['phone_number']).toBe(
      sha256Hex('+442079460958'),
    );
  });

  it('hashes the IP address and external id, sends the user agent and click id as they are', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('lead', 1, { rdt_cid: 'rdt-xyz', external_id: ' Cust_7 ', ip_address: '2001:DB8::1' }),
    ]);
    const [event] = eventsOf(requests[0]);
    expect(event!['click_id']).toBe('rdt-xyz');
    expect(event!.user).toMatchObject({
      external_id: sha256Hex('Cust_7'),
      ip_address: sha256Hex('2001:db8::1'),
      user_agent: 'Mozilla/5.0',
    });
  });
});

describe('reddit_capi responses', () => {
  it('delivers every event of a 200 "Successfully processed N conversion events."', () => {
    expect(
      parseResponse(
        jsonResponse(200, { data: { message: 'Successfully processed 2 conversion events.' } }),
        mappedEvents(2, 'PURCHASE'),
      ),
    ).toEqual([{ status: 'delivered' }, { status: 'delivered' }]);
  });

  it('keeps a warning when Reddit says it processed fewer events than it was sent', () => {
    expect(
      parseResponse(
        jsonResponse(200, { data: { message: 'Successfully processed 1 conversion events.' } }),
        mappedEvents(2, 'PURCHASE'),
      ),
    ).toEqual(
      Array.from({ length: 2 }, () => ({
        status: 'delivered',
        warnings: ['Reddit Conversions API processed 1 of 2 events without saying which'],
      })),
    );
  });

  it('400 "invalid conversion events" with field errors: those events rejected, the rest resent', () => {
    const body = {
      error: {
        code: 400,
        message: 'There were 1 invalid conversion events. None were processed.',
        fields: [
          {
            field: '$.data.events[1].user.UUID',
            message: 'user.UUID: invalid UUID: UUID must be RFC-4122 compliant',
          },
          { field: '$.data.events[1].metadata.currency', message: 'metadata.currency: unknown currency' },
        ],
      },
    };
    expect(parseResponse(jsonResponse(400, body), mappedEvents(3, 'PURCHASE'))).toEqual([
      {
        status: 'retryable',
        reason:
          'Reddit Conversions API processed none of the batch because of other invalid events; resending this one',
        collateral: true,
      },
      {
        status: 'rejected',
        code: 'invalid_event',
        reason:
          'Reddit Conversions API refused the event: user.UUID: invalid UUID: UUID must be RFC-4122 compliant; metadata.currency: unknown currency',
      },
      {
        status: 'retryable',
        reason:
          'Reddit Conversions API processed none of the batch because of other invalid events; resending this one',
        collateral: true,
      },
    ]);
  });

  it('400 "invalid conversion events" without field errors rejects the whole batch', () => {
    const body = {
      error: { code: 400, message: 'There were 2 invalid conversion events. None were processed.' },
    };
    expect(parseResponse(jsonResponse(400, body), mappedEvents(2, 'PURCHASE'))).toEqual({
      status: 'rejected',
      code: 'invalid_events',
      reason:
        'Reddit Conversions API refused the batch (no event was processed): There were 2 invalid conversion events. None were processed.',
    });
  });

  it('another 400 falls back to core’s table with Reddit’s message', () => {
    expect(
      parseResponse(jsonResponse(400, { error: { code: 400, message: 'Bad Request' } }), mappedEvents(1)),
    ).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'Reddit Conversions API rejected the request (400): Bad Request',
    });
  });

  it('401 needs a new conversion token (no refresh flow), in both error shapes', () => {
    expect(
      parseResponse(jsonResponse(401, { error: { code: 401, message: 'UNAUTHORIZED' } }), mappedEvents(1)),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Reddit Conversions API conversion access token is invalid or was deleted; generate a new one in Events Manager → Conversions API: UNAUTHORIZED',
    });
    expect(
      parseResponse(
        jsonResponse(401, { error: { reason: 'UNAUTHORIZED', explanation: 'Authorization Required' } }),
        mappedEvents(1),
      ),
    ).toMatchObject({
      status: 'auth',
      kind: 'needs-attention',
      reason: expect.stringMatching(/: Authorization Required$/),
    });
    expect(
      parseResponse(
        { status: 401, headers: {}, body: 'No bearer token provided', json: undefined },
        mappedEvents(1),
      ),
    ).toMatchObject({
      status: 'auth',
      kind: 'needs-attention',
      reason: expect.stringMatching(/: No bearer token provided$/),
    });
  });

  it('403 (no permission on the pixel, missing scope) needs attention', () => {
    expect(
      parseResponse(
        jsonResponse(403, {
          error: {
            code: 403,
            message: "You're not authorized to post conversions to Pixel ID a2_fxrm3nc6eisf.",
          },
        }),
        mappedEvents(1),
      ),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        "Reddit Conversions API says the token may not post conversions to this pixel (check pixel_id and that the token belongs to its business): You're not authorized to post conversions to Pixel ID a2_fxrm3nc6eisf.",
    });
  });

  it('404 (unknown pixel) needs attention instead of rejecting the events', () => {
    expect(
      parseResponse(jsonResponse(404, { error: { code: 404, message: 'Not Found' } }), mappedEvents(1)),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'Reddit Conversions API found no such pixel; check pixel_id: Not Found',
    });
  });

  it('429 and 5xx are retried, honouring Retry-After', () => {
    expect(
      parseResponse(
        jsonResponse(
          429,
          { error: { code: 429, message: 'Too many requests/events within timeframe.' } },
          { 'retry-after': '30' },
        ),
        mappedEvents(1),
      ),
    ).toEqual({
      status: 'retryable',
      reason: 'Reddit Conversions API answered 429: Too many requests/events within timeframe.',
      retryAfterMs: 30_000,
    });
    expect(
      parseResponse(
        jsonResponse(500, {
          error: {
            code: 500,
            message: 'The service is currently unavailable. No conversion events were processed.',
          },
        }),
        mappedEvents(2),
      ),
    ).toEqual({
      status: 'retryable',
      reason:
        'Reddit Conversions API answered 500: The service is currently unavailable. No conversion events were processed.',
    });
  });
});
