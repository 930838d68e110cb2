import { CANONICAL_EVENTS, eventKind } from '@relay/core';
import {
  eventFromRecord,
  FULL_PURCHASE_RECORD,
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
import { adapter } from './index';
import { parseResponse } from './parse-response';

const accepted = { status: 200, body: { Message: null, EventResponses: [] } };

testAdapterConformance(adapter, { success: () => accepted });

const NOW = new Date('2026-01-15T12:00:00Z');
const UID2 =
  'AgAAAAPFR0zA5ogv/yaAPiUsAdZPsfqS8QJDaDcxz1ZCnRl1Q3YY0Qx1C3fEGrV9tb0J9BVmjWrG3bHd7EV5J8FhVrxZvHmtJB+Jn0Z2GkcQmYPo';

type Body = { data: Array<Record<string, unknown>> };
const dataOf = (request: { json: unknown } | undefined) => (request!.json as Body).data;

/** The canonical events this platform takes (refunds are skipped by core: it declares no refund mapping). */
const SENT_EVENTS = CANONICAL_EVENTS.filter((name) => eventKind(name) !== 'refund');

describe('trade_desk requests', () => {
  it('skips the bare seed events without sending: no advertising id and no IP address', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toMatchInlineSnapshot(`
      [
        {
          "reason": "The Trade Desk takes its standard event names (purchase, startcheckout, addtocart, messagebusiness, sitevisit, viewitem, viewcart, wishlistitem, searchitem, login) and names your TTD representative sets up; map this event to one with options.eventMap to send it",
          "status": "skipped",
        },
        {
          "reason": "The Trade Desk takes its standard event names (purchase, startcheckout, addtocart, messagebusiness, sitevisit, viewitem, viewcart, wishlistitem, searchitem, login) and names your TTD representative sets up; map this event to one with options.eventMap to send it",
          "status": "skipped",
        },
        {
          "reason": "no The Trade Desk identifier (record key tdid, uid2_token, euid_token, ramp_id, idfa or aaid) and no IP address: The Trade Desk cannot attribute this event, so it is not sent",
          "status": "skipped",
        },
      ]
    `);
  });

  it('sends the seed purchase with an IP address, one event per request', async () => {
    const events = SEED_BATCH.data.map((record) => eventFromRecord({ ...record, ip_address: '203.0.113.9' }));
    const { requests, results } = await runAdapter(adapter, events, { respond: () => accepted });
    expect(results.map((r) => r.outcome.status)).toEqual(['skipped', 'skipped', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, json: r.json })),
    ).toMatchInlineSnapshot(`
      [
        {
          "headers": {
            "content-type": "application/json",
          },
          "json": {
            "data": [
              {
                "adv": "abc12de",
                "client_ip": "203.0.113.9",
                "currency": "USD",
                "event_name": "purchase",
                "order_id": "2025020100003333",
                "tracker_id": "hc7ihke",
                "value": "80.79",
              },
            ],
          },
          "method": "POST",
          "url": "https://insight.adsrvr.org/track/realtimeconversion",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase with a UID2 token', async () => {
    const { requests } = await runAdapter(adapter, [
      eventFromRecord({ ...FULL_PURCHASE_RECORD, uid2_token: UID2 }),
    ]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "data": [
          {
            "adid": "AgAAAAPFR0zA5ogv/yaAPiUsAdZPsfqS8QJDaDcxz1ZCnRl1Q3YY0Qx1C3fEGrV9tb0J9BVmjWrG3bHd7EV5J8FhVrxZvHmtJB+Jn0Z2GkcQmYPo",
            "adid_type": "UID2",
            "adv": "abc12de",
            "client_ip": "203.0.113.7",
            "currency": "USD",
            "event_name": "purchase",
            "items": [
              {
                "cat": "kits",
                "item_code": "SKU-1",
                "name": "Hair Regrowth Kit",
                "price": 99.5,
                "qty": 1,
              },
              {
                "cat": "care",
                "item_code": "SKU-2",
                "name": "Shampoo",
                "price": 15,
                "qty": 2,
              },
            ],
            "order_id": "ORD-1001",
            "referrer_url": "https://www.bosley.com/checkout/complete",
            "tracker_id": "hc7ihke",
            "value": "129.5",
          },
        ],
      }
    `);
  });

  it('sends the plain fully populated purchase with its IP address and no advertising id', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    const [item] = dataOf(requests[0]);
    expect(item).not.toHaveProperty('adid');
    expect(item!['client_ip']).toBe('203.0.113.7');
  });

  it('reads the advertising id from the first record key present, with its adid_type', async () => {
    const adid = async (overrides: Record<string, unknown>) => {
      const { requests } = await runAdapter(adapter, [sampleEvent('purchase_completed', 1, overrides)]);
      const [item] = dataOf(requests[0]);
      return [item!['adid'], item!['adid_type']];
    };
    expect(await adid({ tdid: ' 0c6b3e2a-1c7f-4f0e-9e7b-2d1f4c5a6b7c ', uid2_token: UID2 })).toEqual([
      '0c6b3e2a-1c7f-4f0e-9e7b-2d1f4c5a6b7c',
      'TDID',
    ]);
    expect(await adid({ uid2_token: UID2, euid_token: 'euid' })).toEqual([UID2, 'UID2']);
    expect(await adid({ euid_token: 'euid-token' })).toEqual(['euid-token', 'EUID']);
    expect(await adid({ ramp_id: 'XY1234abcd' })).toEqual(['XY1234abcd', 'IDL']);
    expect(await adid({ idfa: '6D92078A-8246-4BA4-AE5B-76104861E7DC' })).toEqual([
      '6D92078A-8246-4BA4-AE5B-76104861E7DC',
      'IDFA',
    ]);
    expect(await adid({ aaid: '38400000-8cf0-11bd-b23e-10b96e40000d' })).toEqual([
      '38400000-8cf0-11bd-b23e-10b96e40000d',
      'AAID',
    ]);
    expect(await adid({})).toEqual([undefined, undefined]);
  });

  it('sends an event with an advertising id but no IP address', async () => {
    const { requests, results } = await runAdapter(adapter, [
      sampleEvent('add_to_cart', 1, { ip_address: undefined, tdid: 'tdid-1' }),
    ]);
    expect(results[0]!.outcome.status).toBe('delivered');
    expect(dataOf(requests[0])[0]).not.toHaveProperty('client_ip');
  });

  it('skips an event whose ad_user_data consent is denied, even with identifiers', async () => {
    const { requests, results } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, { tdid: 'tdid-1', consent_ad_user_data: 'denied' }),
    ]);
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        'ad_user_data consent is denied: The Trade Desk attributes conversions only through the user’s advertising id or IP address, which may not be shared',
    });
  });

  it('sends no email, phone or name: The Trade Desk takes its own ids, not hashed PII', async () => {
    const { requests } = await runAdapter(adapter, [
      eventFromRecord({ ...FULL_PURCHASE_RECORD, uid2_token: UID2 }),
    ]);
    const body = requests[0]!.body;
    for (const value of ['john', 'John', '5551234567', 'cust_42', 'Doe', 'Mozilla']) {
      expect(body).not.toContain(value);
    }
  });

  it('maps the canonical events to TTD standard names and skips the others with a reason', async () => {
    const events = SENT_EVENTS.map((name, i) => sampleEvent(name, i + 1));
    const { requests, results } = await runAdapter(adapter, events);
    expect(
      Object.fromEntries(
        SENT_EVENTS.map((name, i) => [name, results[i]!.platformEventName ?? results[i]!.outcome.status]),
      ),
    ).toEqual({
      purchase_completed: 'purchase',
      checkout_started: 'startcheckout',
      begin_checkout: 'startcheckout',
      add_to_cart: 'addtocart',
      lead: 'messagebusiness',
      consult_completed: 'messagebusiness',
      complete_registration: 'skipped',
      signup: 'skipped',
      page_view: 'sitevisit',
      consult_started: 'skipped',
      rx_issued: 'skipped',
    });
    expect(requests.map((r) => dataOf(r)[0]!['event_name'])).toEqual([
      'purchase',
      'startcheckout',
      'startcheckout',
      'addtocart',
      'messagebusiness',
      'messagebusiness',
      'sitevisit',
    ]);
  });

  it('sends an event mapped by the credential under that name', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('signup', 1)], {
      options: { eventMap: { signup: 'login' } },
    });
    expect(dataOf(requests[0])[0]!['event_name']).toBe('login');
  });

  it('marks events for Limited Data Use with options.ldu_region', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('purchase_completed', 1)], {
      options: { ldu_region: 'US-CA' },
    });
    expect(dataOf(requests[0])[0]!['data_processing_option']).toEqual({ policies: ['LDU'], region: 'US-CA' });
    await expect(
      runAdapter(adapter, [sampleEvent('purchase_completed', 1)], { options: { ldu_region: 'CA' } }),
    ).rejects.toThrow(/ldu_region/);
  });

  it('sends value as a decimal string, and neither value nor currency without a value', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, { order_revenue: 0.1 + 0.2 }),
      sampleEvent('lead', 2, { order_revenue: undefined }),
    ]);
    expect(dataOf(requests[0])[0]).toMatchObject({ value: '0.30000000000000004', currency: 'USD' });
    expect(dataOf(requests[1])[0]).not.toHaveProperty('value');
    expect(dataOf(requests[1])[0]).not.toHaveProperty('currency');
  });

  it('refuses ids that are not TTD platform ids, naming the field', async () => {
    await expect(
      runAdapter(adapter, [sampleEvent('lead')], {
        credentials: { advertiser_id: 'abc 12', tracker_id: 'x' },
      }),
    ).rejects.toThrow(/advertiser_id/);
  });
});

describe('trade_desk responses', () => {
  it('200 with no event errors delivers, keeping TTD warnings', () => {
    expect(
      parseResponse(jsonResponse(200, { Message: null, EventResponses: [] }), mappedEvents(1), NOW),
    ).toEqual([{ status: 'delivered' }]);
    expect(
      parseResponse(
        jsonResponse(200, {
          Message: null,
          EventResponses: [
            {
              EventIndex: 0,
              EventErrors: [],
              EventWarnings: [{ Warning: 'UnknownCurrency', WarningMessage: 'Currency not recognised.' }],
              Successful: true,
            },
          ],
        }),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([{ status: 'delivered', warnings: ['Currency not recognised. (UnknownCurrency)'] }]);
  });

  it('an event TTD lists as unsuccessful is rejected with its error code, in a 400 or a 200', () => {
    const body = {
      Message: null,
      EventResponses: [
        {
          EventIndex: 1,
          EventErrors: [
            { Error: 'InvalidPrivacySetting', ErrorMessage: 'The request has an invalid privacy setting.' },
          ],
          EventWarnings: [],
          Successful: false,
        },
      ],
    };
    const rejected = {
      status: 'rejected',
      code: 'ttd_InvalidPrivacySetting',
      reason:
        'The Trade Desk rejected the event: The request has an invalid privacy setting. (InvalidPrivacySetting)',
    };
    expect(parseResponse(jsonResponse(200, body), mappedEvents(2), NOW)).toEqual([
      { status: 'delivered' },
      rejected,
    ]);
    expect(parseResponse(jsonResponse(400, body), mappedEvents(2), NOW)).toEqual([
      {
        status: 'rejected',
        code: 'http_400',
        reason: `The Trade Desk rejected the request (400): ${JSON.stringify(body)}`,
      },
      rejected,
    ]);
  });

  it('an unsuccessful event without error details is rejected as event_error', () => {
    expect(
      parseResponse(
        jsonResponse(200, { EventResponses: [{ EventIndex: 0, Successful: false }] }),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'rejected',
        code: 'event_error',
        reason: 'The Trade Desk rejected the event: no error message',
      },
    ]);
  });

  it('401 and 403 need attention (no credentials to refresh)', () => {
    for (const status of [401, 403]) {
      expect(parseResponse(jsonResponse(status, { Message: 'Forbidden' }), mappedEvents(1), NOW)).toEqual({
        status: 'auth',
        kind: 'needs-attention',
        reason: `The Trade Desk refused the request (${status}); check advertiser_id and tracker_id: Forbidden`,
      });
    }
  });

  it("other answers follow core's table with TTD's Message: 400 rejected, 429 and 5xx retried", () => {
    expect(
      parseResponse(
        jsonResponse(400, { Message: 'Invalid tracker_id', EventResponses: [] }),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'The Trade Desk rejected the request (400): Invalid tracker_id',
    });
    expect(
      parseResponse(
        { status: 429, headers: { 'retry-after': '2' }, body: '', json: undefined },
        mappedEvents(1),
        NOW,
      ),
    ).toEqual({ status: 'retryable', reason: 'The Trade Desk answered 429: HTTP 429', retryAfterMs: 2000 });
    expect(
      parseResponse(
        { status: 500, headers: {}, body: 'Internal error', json: undefined },
        mappedEvents(1),
        NOW,
      ),
    ).toEqual({ status: 'retryable', reason: 'The Trade Desk answered 500: Internal error' });
  });
});
