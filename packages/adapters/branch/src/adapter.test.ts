import { CANONICAL_EVENTS, eventKind, hashEmail, sha256Hex } from '@relay/core';
import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  outcomesPerEvent,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

const IDFA = '6D92078A-8246-4BA4-AE5B-76104861E7DC';
const AAID = '38400000-8cf0-11bd-b23e-10b96e40000d';
const NOW = new Date('2026-01-15T12:00:00Z');

testAdapterConformance(adapter, { record: { idfa: IDFA } });

/** The canonical events this platform takes (refunds are skipped by core: it declares no refund mapping). */
const SENT_EVENTS = CANONICAL_EVENTS.filter((name) => eventKind(name) !== 'refund');

describe('branch requests', () => {
  it('skips the bare seed events: no device id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array(3).fill({
        status: 'skipped',
        reason:
          'no device id (record key idfa, idfv, aaid or android_id): Branch attributes app events to a device, so this event is not sent',
      }),
    );
  });

  it('builds the exact bodies for the seed events with an Android advertising id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents({ aaid: AAID }));
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, json: r.json })),
    ).toMatchInlineSnapshot(`
        [
          {
            "headers": {
              "accept": "application/json",
              "content-type": "application/json",
            },
            "json": {
              "branch_key": "key_live_kaFuWw8WvY7yn1d9yYiP8gokwqjV0Swt",
              "custom_data": {
                "affiliate": "bosleyaffiliate_0123",
                "oms_event_name": "consult_started",
                "order_id": "2025010100001111",
                "session_id": "sess_123",
                "storefront": "bosley",
                "utm_campaign": "bosley_q1",
                "utm_medium": "cpc",
                "utm_source": "facebook",
              },
              "name": "consult_started",
              "user_data": {
                "aaid": "38400000-8cf0-11bd-b23e-10b96e40000d",
                "os": "Android",
              },
            },
            "method": "POST",
            "url": "https://api2.branch.io/v2/event/custom",
          },
          {
            "headers": {
              "accept": "application/json",
              "content-type": "application/json",
            },
            "json": {
              "branch_key": "key_live_kaFuWw8WvY7yn1d9yYiP8gokwqjV0Swt",
              "custom_data": {
                "affiliate": "pfizeraffiliate_0123",
                "oms_event_name": "rx_issued",
                "order_id": "2025010100002222",
                "session_id": "sess_789",
                "storefront": "pfizer",
                "utm_campaign": "pfizer_q1",
                "utm_medium": "cpc",
                "utm_source": "google",
              },
              "name": "rx_issued",
              "user_data": {
                "aaid": "38400000-8cf0-11bd-b23e-10b96e40000d",
                "os": "Android",
              },
            },
            "method": "POST",
            "url": "https://api2.branch.io/v2/event/custom",
          },
          {
            "headers": {
              "accept": "application/json",
              "content-type": "application/json",
            },
            "json": {
              "branch_key": "key_live_kaFuWw8WvY7yn1d9yYiP8gokwqjV0Swt",
              "custom_data": {
                "affiliate": "bosleyaffiliate_0123",
                "oms_event_name": "purchase_completed",
                "session_id": "sess_456",
                "storefront": "bosley",
                "utm_campaign": "bosley_q1",
                "utm_medium": "organic",
                "utm_source": "google",
              },
              "event_data": {
                "currency": "USD",
                "revenue": 80.79,
                "transaction_id": "2025020100003333",
              },
              "name": "PURCHASE",
              "user_data": {
                "aaid": "38400000-8cf0-11bd-b23e-10b96e40000d",
                "os": "Android",
              },
            },
            "method": "POST",
            "url": "https://api2.branch.io/v2/event/standard",
          },
        ]
      `);
  });

  it('builds the exact body for a fully populated purchase from an iOS device', async () => {
    const { requests } = await runAdapter(adapter, [
      fullPurchaseEvent({
        idfa: IDFA,
        idfv: 'AB12CD34-0000-4000-8000-1234567890AB',
        os_version: '17.4',
        app_version: '3.2.1',
      }),
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('https://api2.branch.io/v2/event/standard');
    expect(requests[0]!.json).toMatchInlineSnapshot(`
      {
        "branch_key": "key_live_kaFuWw8WvY7yn1d9yYiP8gokwqjV0Swt",
        "content_items": [
          {
            "$price": 99.5,
            "$product_category": "kits",
            "$product_name": "Hair Regrowth Kit",
            "$quantity": 1,
            "$sku": "SKU-1",
          },
          {
            "$price": 15,
            "$product_category": "care",
            "$product_name": "Shampoo",
            "$quantity": 2,
            "$sku": "SKU-2",
          },
        ],
        "custom_data": {
          "affiliate": "bosleyaffiliate_0123",
          "oms_event_name": "purchase_completed",
          "session_id": "sess_full",
          "storefront": "bosley",
          "utm_campaign": "bosley_q1",
          "utm_medium": "cpc",
          "utm_source": "google",
        },
        "event_data": {
          "currency": "USD",
          "revenue": 129.5,
          "transaction_id": "ORD-1001",
        },
        "name": "PURCHASE",
        "user_data": {
          "app_version": "3.2.1",
          "developer_identity": "cust_42",
          "idfa": "6D92078A-8246-4BA4-AE5B-76104861E7DC",
          "idfv": "AB12CD34-0000-4000-8000-1234567890AB",
          "ip": "203.0.113.7",
          "os": "iOS",
          "os_version": "17.4",
          "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
        },
      }
    `);
  });

  it('sends no email, phone or name, hashed or not: Branch documents no such field', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent({ idfa: IDFA })]);
    const body = requests[0]!.body;
    const emailHash = hashEmail(' John.Doe@Example.COM ');
    expect(emailHash).toBe(sha256Hex('john.doe@example.com'));
    for (const value of ['john.doe', emailHash, sha256Hex('+15551234567'), '5551234567', 'Doe']) {
      expect(body).not.toContain(value);
    }
  });

  it('takes os from the record key, else from the kind of device id', async () => {
    const osOf = async (extra: Record<string, unknown>) => {
      const { requests } = await runAdapter(adapter, [sampleEvent('purchase_completed', 1, extra)]);
      return (requests[0]!.json as { user_data: Record<string, unknown> }).user_data['os'];
    };
    expect(await osOf({ idfv: 'v-1' })).toBe('iOS');
    expect(await osOf({ android_id: 'a123' })).toBe('Android');
    expect(await osOf({ aaid: AAID, os: 'android' })).toBe('Android');
    expect(await osOf({ idfa: IDFA, os: 'ios' })).toBe('iOS');
    expect(await osOf({ idfa: IDFA, os: 'MAC_OS' })).toBe('MAC_OS');
  });

  it('sends standard names to /v2/event/standard and the others to /v2/event/custom', async () => {
    const events = SENT_EVENTS.map((name, i) => sampleEvent(name, i + 1, { idfa: IDFA }));
    const { requests, results } = await runAdapter(adapter, events);
    expect(results.every((r) => r.outcome.status === 'delivered')).toBe(true);
    expect(
      requests.map(
        (r) => `${r.url.replace('https://api2.branch.io', '')} ${(r.json as { name: string }).name}`,
      ),
    ).toEqual([
      '/v2/event/standard PURCHASE',
      '/v2/event/standard INITIATE_PURCHASE',
      '/v2/event/standard INITIATE_PURCHASE',
      '/v2/event/standard ADD_TO_CART',
      '/v2/event/custom lead',
      '/v2/event/custom consult_completed',
      '/v2/event/standard COMPLETE_REGISTRATION',
      '/v2/event/standard COMPLETE_REGISTRATION',
      '/v2/event/custom page_view',
      '/v2/event/custom consult_started',
      '/v2/event/custom rx_issued',
    ]);
  });

  it('puts value and order id in custom_data for custom events and in event_data for commerce events', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('lead', 1, { idfa: IDFA }),
      sampleEvent('signup', 2, { idfa: IDFA, order_revenue: undefined }),
    ]);
    const [lead, signup] = requests.map((r) => r.json as Record<string, Record<string, unknown>>);
    expect(lead).not.toHaveProperty('event_data');
    expect(lead!['custom_data']).toMatchObject({ order_id: 'ORD-0001', value: '11', currency: 'USD' });
    expect(signup).not.toHaveProperty('event_data');
    expect(signup!['custom_data']).not.toHaveProperty('value');
    expect(signup!['custom_data']).toMatchObject({ order_id: 'ORD-0002' });
  });

  it('books revenue only on purchases: a cart or checkout value goes to custom_data', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('add_to_cart', 1, { idfa: IDFA }),
      sampleEvent('checkout_started', 2, { idfa: IDFA }),
    ]);
    expect(
      requests.map((r) => {
        const body = r.json as Record<string, Record<string, unknown>>;
        return [
          body['name'],
          body['event_data'],
          body['custom_data']!['value'],
          body['custom_data']!['currency'],
        ];
      }),
    ).toEqual([
      ['ADD_TO_CART', { transaction_id: 'ORD-0001' }, '11', 'USD'],
      ['INITIATE_PURCHASE', { transaction_id: 'ORD-0002' }, '12', 'USD'],
    ]);
  });

  it('an event mapped by the credential to a Branch standard name goes to the standard endpoint', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, { idfa: IDFA })], {
      options: { eventMap: { lead: 'START_TRIAL' } },
    });
    expect(requests[0]!.url).toBe('https://api2.branch.io/v2/event/standard');
    expect((requests[0]!.json as { name: string }).name).toBe('START_TRIAL');
  });

  it('with options.dma_eea sends the DMA flags, and rejects events without both consent signals', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [
        sampleEvent('purchase_completed', 1, {
          idfa: IDFA,
          consent_ad_user_data: 'granted',
          consent_ad_personalization: 'denied',
        }),
        sampleEvent('purchase_completed', 2, { idfa: IDFA, consent_ad_user_data: 'granted' }),
      ],
      { options: { dma_eea: true } },
    );
    expect((requests[0]!.json as { user_data: unknown }).user_data).toMatchObject({
      dma_eea: true,
      dma_ad_user_data: true,
      dma_ad_personalization: false,
    });
    expect(requests).toHaveLength(1);
    expect(results[1]!.outcome).toMatchObject({ status: 'rejected', code: 'missing_consent' });
    const outside = await runAdapter(adapter, [sampleEvent('purchase_completed', 1, { idfa: IDFA })], {
      options: { dma_eea: false },
    });
    expect((outside.requests[0]!.json as { user_data: Record<string, unknown> }).user_data).toMatchObject({
      dma_eea: false,
    });
    expect(
      (outside.requests[0]!.json as { user_data: Record<string, unknown> }).user_data,
    ).not.toHaveProperty('dma_ad_user_data');
  });

  it('does not send events older than a day: Branch does not backfill', async () => {
    // Core refuses from one hour before the window ends (clock-skew margin), so 23 h old is the last one sent.
    const { requests, results } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, { idfa: IDFA, event_time: '2026-01-14T11:59:59Z' }),
      sampleEvent('purchase_completed', 2, { idfa: IDFA, event_time: '2026-01-14T13:00:00Z' }),
    ]);
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'event_too_old',
      reason: 'Branch accepts events up to 1 days old; this one happened at 2026-01-14T11:59:59.000Z',
    });
    expect(results[1]!.outcome.status).toBe('delivered');
    expect(requests).toHaveLength(1);
  });

  it('refuses a credential that is not a Branch Key, naming the field', async () => {
    await expect(
      runAdapter(adapter, [sampleEvent('lead', 1, { idfa: IDFA })], {
        credentials: { branch_key: 'secret_live_x' },
      }),
    ).rejects.toThrow(/branch_key/);
  });
});

describe('branch responses', () => {
  it('200 is delivered, SKAdNetwork fields or not', () => {
    expect(parse(jsonResponse(200, { branch_view_enabled: false }), mappedEvents(1), NOW)).toEqual([
      { status: 'delivered' },
    ]);
    expect(
      parse(jsonResponse(200, { coarse_key: 'high', update_conversion_value: 63 }), mappedEvents(1), NOW),
    ).toEqual([{ status: 'delivered' }]);
  });

  it('400 listing invalid fields is rejected branch_invalid_field with every field', () => {
    const body = {
      error: { user_data: { developer_identity: 'wrong field type' }, content_items: [], event_data: [] },
    };
    expect(parse(jsonResponse(400, body), mappedEvents(1), NOW)).toEqual([
      {
        status: 'rejected',
        code: 'branch_invalid_field',
        reason: 'Branch rejected fields of the event: user_data.developer_identity: wrong field type',
      },
    ]);
  });

  it('an error naming the Branch key needs attention, whatever the status', () => {
    const expected = (status: number, detail: string) => [
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: `Branch refused the Branch Key; check branch_key (Branch → Configuration → Credentials): ${detail}`,
      },
    ];
    expect(
      parse(
        jsonResponse(400, {
          error: { code: 400, message: 'Invalid or missing app id, Branch key, or secret' },
        }),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual(expected(400, 'Invalid or missing app id, Branch key, or secret'));
    expect(
      parse(jsonResponse(400, { error: { branch_key: "doesn't pass regex" } }), mappedEvents(1), NOW),
    ).toEqual(expected(400, "branch_key: doesn't pass regex"));
    expect(parse(jsonResponse(401, { error: 'Unauthorized' }), mappedEvents(1), NOW)).toEqual(
      expected(401, 'Unauthorized'),
    );
    expect(parse(jsonResponse(403, {}), mappedEvents(1), NOW)).toEqual(expected(403, 'HTTP 403'));
  });

  it("other answers follow core's table with Branch's message: 400 rejected, 429 and 5xx retried", () => {
    expect(
      parse(jsonResponse(400, { error: { code: 400, message: 'Invalid event name' } }), mappedEvents(1), NOW),
    ).toEqual([
      {
        status: 'rejected',
        code: 'http_400',
        reason: 'Branch rejected the request (400): Invalid event name',
      },
    ]);
    expect(
      parse(
        { status: 429, headers: { 'retry-after': '3' }, body: '', json: undefined },
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([{ status: 'retryable', reason: 'Branch answered 429: HTTP 429', retryAfterMs: 3000 }]);
    expect(
      parse({ status: 502, headers: {}, body: 'Bad gateway', json: undefined }, mappedEvents(1), NOW),
    ).toEqual([{ status: 'retryable', reason: 'Branch answered 502: Bad gateway' }]);
  });
});
