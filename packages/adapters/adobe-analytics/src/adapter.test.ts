import { type RelayEvent, sha256Hex } from '@relay/core';
import {
  eventFromRecord,
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  type MockReply,
  openApiValidator,
  outcomesPerEvent,
  readSpecFile,
  type RecordedRequest,
  runAdapter,
  sampleEvent,
  SEED_BATCH,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

const ACCEPTED = { requestId: '708e4f90-5bff-41c5-8f4b-6c15bab76b11-f46e48eb52594815' };
testAdapterConformance(adapter, { success: () => ({ status: 202, body: ACCEPTED }) });

/** Adobe's own Edge Network OpenAPI: BatchV2Request (/v2/collect) and SingleEventRequest (/v2/interact). */
const spec = readSpecFile(new URL('./__fixtures__/api-reference.yaml', import.meta.url));
const validators = {
  collect: openApiValidator(spec, '#/components/schemas/BatchV2Request'),
  interact: openApiValidator(spec, '#/components/schemas/SingleEventRequest'),
};

const expectValid = (kind: 'collect' | 'interact', json: unknown) =>
  expect(validators[kind](json)).toEqual([]);

const respond = (r: RecordedRequest): MockReply =>
  r.url.includes('/ims/token')
    ? { status: 200, body: { access_token: 'eyJ-ims-token', expires_in: 86399, token_type: 'bearer' } }
    : { status: 202, body: ACCEPTED };

const run = async (events: RelayEvent[], options: Record<string, unknown> = {}) => {
  const result = await runAdapter(adapter, events, { options, respond });
  return { ...result, requests: result.requests.filter((r) => !r.url.includes('/ims/token')) };
};

type Collect = { events: Array<{ xdm: Record<string, unknown>; data: Record<string, string[]> }> };
const NOW = new Date('2026-01-15T12:00:00Z');

describe('adobe_analytics requests', () => {
  it('rejects the bare seed events before sending: no identity', async () => {
    const { requests, results } = await run(seedEvents());
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_identity',
      reason: 'Adobe Edge Network needs an identity: an external id or an email for identityMap',
    });
  });

  it('builds the exact /ee/v2/collect body for the seed events with a customer id', async () => {
    const events = SEED_BATCH.data.map((r, i) => eventFromRecord({ ...r, customer_id: `customer-${i + 1}` }));
    const { requests, results } = await run(events);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests[0]!.headers).toMatchObject({
      authorization: 'Bearer eyJ-ims-token',
      'x-api-key': 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      'x-gw-ims-org-id': '0123456789ABCDEF01234567@AdobeOrg',
    });
    expect({
      method: requests[0]!.method,
      url: requests[0]!.url,
      json: requests[0]!.json,
    }).toMatchInlineSnapshot(`
      {
        "json": {
          "events": [
            {
              "data": {
                "affiliate": [
                  "bosleyaffiliate_0123",
                ],
                "oms_event_name": [
                  "consult_started",
                ],
                "order_id": [
                  "2025010100001111",
                ],
                "session_id": [
                  "sess_123",
                ],
                "storefront": [
                  "bosley",
                ],
              },
              "xdm": {
                "_id": "bosley:consult_started:2025010100001111",
                "eventType": "consult_started",
                "identityMap": {
                  "CRMID": [
                    {
                      "authenticatedState": "authenticated",
                      "id": "customer-1",
                      "primary": true,
                    },
                  ],
                },
                "marketing": {
                  "trackingCode": "bosley_q1",
                },
                "timestamp": "2026-01-15T10:15:00.000Z",
                "web": {
                  "webInteraction": {
                    "linkClicks": {
                      "value": 1,
                    },
                    "name": "consult_started",
                    "type": "other",
                  },
                },
              },
            },
            {
              "data": {
                "affiliate": [
                  "pfizeraffiliate_0123",
                ],
                "oms_event_name": [
                  "rx_issued",
                ],
                "order_id": [
                  "2025010100002222",
                ],
                "session_id": [
                  "sess_789",
                ],
                "storefront": [
                  "pfizer",
                ],
              },
              "xdm": {
                "_id": "pfizer:rx_issued:2025010100002222",
                "eventType": "rx_issued",
                "identityMap": {
                  "CRMID": [
                    {
                      "authenticatedState": "authenticated",
                      "id": "customer-2",
                      "primary": true,
                    },
                  ],
                },
                "marketing": {
                  "trackingCode": "pfizer_q1",
                },
                "timestamp": "2026-01-15T10:20:30.000Z",
                "web": {
                  "webInteraction": {
                    "linkClicks": {
                      "value": 1,
                    },
                    "name": "rx_issued",
                    "type": "other",
                  },
                },
              },
            },
            {
              "data": {
                "affiliate": [
                  "bosleyaffiliate_0123",
                ],
                "oms_event_name": [
                  "purchase_completed",
                ],
                "order_id": [
                  "2025020100003333",
                ],
                "session_id": [
                  "sess_456",
                ],
                "storefront": [
                  "bosley",
                ],
              },
              "xdm": {
                "_id": "bosley:purchase_completed:2025020100003333",
                "commerce": {
                  "order": {
                    "currencyCode": "USD",
                    "priceTotal": 80.79,
                    "purchaseID": "2025020100003333",
                  },
                  "purchases": {
                    "value": 1,
                  },
                },
                "eventType": "commerce.purchases",
                "identityMap": {
                  "CRMID": [
                    {
                      "authenticatedState": "authenticated",
                      "id": "customer-3",
                      "primary": true,
                    },
                  ],
                },
                "marketing": {
                  "trackingCode": "bosley_q1",
                },
                "timestamp": "2026-01-15T10:25:00.000Z",
                "web": {
                  "webInteraction": {
                    "linkClicks": {
                      "value": 1,
                    },
                    "name": "commerce.purchases",
                    "type": "other",
                  },
                },
              },
            },
          ],
        },
        "method": "POST",
        "url": "https://server.adobedc.net/ee/v2/collect?datastreamId=0f7c9a52-3c1e-4b2a-9d55-1a2b3c4d5e6f",
      }
    `);
    expectValid('collect', requests[0]!.json);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await run([fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "events": [
          {
            "data": {
              "affiliate": [
                "bosleyaffiliate_0123",
              ],
              "oms_event_name": [
                "purchase_completed",
              ],
              "order_id": [
                "ORD-1001",
              ],
              "session_id": [
                "sess_full",
              ],
              "storefront": [
                "bosley",
              ],
            },
            "xdm": {
              "_id": "evt_full_0001",
              "commerce": {
                "order": {
                  "currencyCode": "USD",
                  "priceTotal": 129.5,
                  "purchaseID": "ORD-1001",
                },
                "purchases": {
                  "value": 1,
                },
              },
              "environment": {
                "ipV4": "203.0.113.7",
              },
              "eventType": "commerce.purchases",
              "identityMap": {
                "CRMID": [
                  {
                    "authenticatedState": "authenticated",
                    "id": "cust_42",
                    "primary": true,
                  },
                ],
                "Email_LC_SHA256": [
                  {
                    "authenticatedState": "authenticated",
                    "id": "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
                    "primary": false,
                  },
                ],
              },
              "marketing": {
                "trackingCode": "bosley_q1",
              },
              "productListItems": [
                {
                  "SKU": "SKU-1",
                  "currencyCode": "USD",
                  "name": "Hair Regrowth Kit",
                  "priceTotal": 99.5,
                  "quantity": 1,
                },
                {
                  "SKU": "SKU-2",
                  "currencyCode": "USD",
                  "name": "Shampoo",
                  "priceTotal": 30,
                  "quantity": 2,
                },
              ],
              "timestamp": "2026-01-15T11:30:00.000Z",
              "web": {
                "webInteraction": {
                  "linkClicks": {
                    "value": 1,
                  },
                  "name": "commerce.purchases",
                  "type": "other",
                },
                "webPageDetails": {
                  "URL": "https://www.bosley.com/checkout/complete",
                },
              },
            },
          },
        ],
      }
    `);
    expectValid('collect', requests[0]!.json);
  });

  it('gets the IMS token with the client-credentials grant and the credential scopes', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], { respond });
    const token = requests.find((r) => r.url.includes('/ims/token'))!;
    expect(token.url).toBe('https://ims-na1.adobelogin.com/ims/token/v3');
    expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      client_secret: 'p8e-ExampleClientSecret0123456789',
      scope: 'openid,AdobeID,additional_info.projectedProductContext',
    });
  });

  it('sends one /ee/v2/interact request per event with endpoint interact', async () => {
    const { requests } = await run([sampleEvent('lead', 1), sampleEvent('page_view', 2)], {
      endpoint: 'interact',
    });
    expect(requests.map((r) => r.url)).toEqual([
      'https://server.adobedc.net/ee/v2/interact?datastreamId=0f7c9a52-3c1e-4b2a-9d55-1a2b3c4d5e6f',
      'https://server.adobedc.net/ee/v2/interact?datastreamId=0f7c9a52-3c1e-4b2a-9d55-1a2b3c4d5e6f',
    ]);
    for (const r of requests) expectValid('interact', r.json);
  });

  it('maps every canonical event to its XDM eventType; page views are page hits, others link hits', async () => {
    const names = [
      'purchase_completed',
      'checkout_started',
      'add_to_cart',
      'lead',
      'signup',
      'page_view',
      'rx_issued',
    ];
    const { requests } = await run(names.map((n, i) => sampleEvent(n, i + 1)));
    const xdms = (requests[0]!.json as Collect).events.map((e) => e.xdm);
    expect(xdms.map((x) => x['eventType'])).toEqual([
      'commerce.purchases',
      'commerce.checkouts',
      'commerce.productListAdds',
      'web.formFilledOut',
      'userAccount.createProfile',
      'web.webpagedetails.pageViews',
      'rx_issued',
    ]);
    expect(xdms.map((x) => (x['web'] as Record<string, unknown>)['webInteraction'] !== undefined)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      true,
    ]);
    expect(xdms[1]!['commerce']).toEqual({ checkouts: { value: 1 } });
    expectValid('collect', requests[0]!.json);
  });

  it('counts a configured Analytics custom event and uses the id namespace option', async () => {
    const { requests } = await run([sampleEvent('lead', 1)], {
      analytics_events: { 'web.formFilledOut': 'event7' },
      id_namespace: 'OMS_CUSTOMER',
    });
    const xdm = (requests[0]!.json as Collect).events[0]!.xdm;
    expect(xdm['_experience']).toEqual({ analytics: { event1to100: { event7: { value: 1 } } } });
    expect(Object.keys(xdm['identityMap'] as object)).toEqual(['OMS_CUSTOMER', 'Email_LC_SHA256']);
  });

  it('identifies by the hashed email (Email_LC_SHA256, primary) without an external id', async () => {
    const { requests } = await run([
      sampleEvent('lead', 1, { external_id: undefined, email: ' John.Doe@Example.COM ' }),
    ]);
    expect((requests[0]!.json as Collect).events[0]!.xdm['identityMap']).toEqual({
      Email_LC_SHA256: [
        { id: sha256Hex('john.doe@example.com'), authenticatedState: 'authenticated', primary: true },
      ],
    });
  });
});

describe('adobe_analytics responses', () => {
  const edgeError = (status: number, code: string, title: string, detail: string) => ({
    type: `https://ns.adobe.com/aep/errors/${code}`,
    status,
    title,
    detail,
    report: { requestId: 'abc' },
  });

  it('202 (collect) and 200 (interact) and 204 deliver', () => {
    expect(parse(jsonResponse(202, ACCEPTED), mappedEvents(2), NOW)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
    expect(parse(jsonResponse(200, { ...ACCEPTED, handle: [] }), mappedEvents(1), NOW)).toEqual([
      { status: 'delivered' },
    ]);
    expect(parse({ status: 204, headers: {}, body: '', json: undefined }, mappedEvents(1), NOW)).toEqual([
      { status: 'delivered' },
    ]);
  });

  it('400 is rejected with the EXEG code', () => {
    expect(
      parse(
        jsonResponse(
          400,
          edgeError(400, 'EXEG-0003-400', 'Invalid request', "The value of 'xdm.timestamp' is invalid."),
        ),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'rejected',
        code: 'EXEG-0003-400',
        reason:
          "Adobe Edge Network rejected the request: Invalid request: The value of 'xdm.timestamp' is invalid. (EXEG-0003-400)",
      },
    ]);
  });

  it('403 needs attention (sandbox / product profile)', () => {
    expect(
      parse(
        jsonResponse(403, edgeError(403, 'EXEG-0502-403', 'Forbidden', 'Access denied.')),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          "Adobe Edge Network refused the request (the project needs access to the datastream's sandbox): Forbidden: Access denied. (EXEG-0502-403)",
      },
    ]);
  });

  it('413 is rejected', () => {
    expect(parse(jsonResponse(413, { title: 'Payload too large' }), mappedEvents(1), NOW)).toEqual([
      {
        status: 'rejected',
        code: 'payload_too_large',
        reason: 'Adobe Edge Network refused a request over 64 kB: Payload too large',
      },
    ]);
  });

  it('401 refreshes the IMS token; 429 and 5xx retry', () => {
    expect(
      parse(jsonResponse(401, { title: 'Unauthorized', detail: 'Token expired' }), mappedEvents(1), NOW),
    ).toEqual([
      {
        status: 'auth',
        kind: 'refresh',
        reason: 'Adobe Edge Network rejected the credentials (401): Unauthorized: Token expired',
      },
    ]);
    expect(
      parse(jsonResponse(429, { title: 'Too Many Requests' }, { 'retry-after': '4' }), mappedEvents(1), NOW),
    ).toEqual([
      {
        status: 'retryable',
        reason: 'Adobe Edge Network answered 429: Too Many Requests',
        retryAfterMs: 4000,
      },
    ]);
    expect(
      parse(
        jsonResponse(500, edgeError(500, 'EXEG-0201-500', 'Internal error', 'Unexpected.')),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'retryable',
        reason: 'Adobe Edge Network answered 500: Internal error: Unexpected. (EXEG-0201-500)',
      },
    ]);
  });
});
