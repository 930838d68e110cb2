import { fileURLToPath } from 'node:url';
import { sha256Hex } from '@relay/core';
import {
  conformanceChecks,
  eventFromRecord,
  FULL_PURCHASE_RECORD,
  fullPurchaseEvent,
  loadProtoDir,
  type MockReply,
  protoJsonValidator,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adsApiErrors } from './error-map';
import { adapter } from './index';

const ADS_CREDENTIALS = { ...adapter.credentialsExample, developer_token: 'dev-token-example-123456' };

testAdapterConformance(adapter);
describe('ads_api path', () => {
  testAdapterConformance(adapter, { credentials: ADS_CREDENTIALS, options: { api: 'ads_api' } });
});
describe('ads_api error codes', () => {
  // The kit walks `adapter.errors` (the canonical statuses of both APIs); the Ads API's own
  // error codes are a second table, read first on the ads_api path: walk its rows there too.
  const walk = conformanceChecks(
    { ...adapter, errors: adsApiErrors },
    { credentials: ADS_CREDENTIALS, options: { api: 'ads_api' } },
  ).find((c) => c.name === 'gives every row of its error table the row outcome');
  it('gives every row of the Ads API error table the row outcome', () => walk!.run());
});

/** Google's own protos (Apache-2.0; see __fixtures__/SOURCE.md), checked as proto3 JSON. */
const root = loadProtoDir(fileURLToPath(new URL('./__fixtures__', import.meta.url)));
const ingestProblems = protoJsonValidator(root, 'google.ads.datamanager.v1.IngestEventsRequest');
const uploadProblems = protoJsonValidator(
  root,
  'google.ads.googleads.v25.services.UploadClickConversionsRequest',
);
const adjustProblems = protoJsonValidator(
  root,
  'google.ads.googleads.v25.services.UploadConversionAdjustmentsRequest',
);
/** The fake Google: a token for OAuth requests, `{requestId}` for the rest. */
const google = (r: { url: string }) =>
  r.url.startsWith('https://oauth2.googleapis.com/')
    ? { status: 200, body: { access_token: 'test-access-token-123456', expires_in: 3600 } }
    : { status: 200, body: { requestId: 'req-1' } };
const run = (events: Parameters<typeof runAdapter>[1], opts: Parameters<typeof runAdapter>[2] = {}) =>
  runAdapter(adapter, events, { respond: google, ...opts });
const platformRequests = <T extends { url: string }>(requests: T[]) =>
  requests.filter((r) => !r.url.startsWith('https://oauth2.googleapis.com/'));

describe('google_ads Data Manager requests', () => {
  it('skips the seed events: no conversion action for the custom ones, nothing to match the purchase by', async () => {
    const { results, requests } = await run(seedEvents());
    expect(platformRequests(requests)).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'skipped',
        reason:
          "no Google Ads conversion action for 'consult_started'; set options.conversionActions.consult_started",
      },
      {
        status: 'skipped',
        reason: "no Google Ads conversion action for 'rx_issued'; set options.conversionActions.rx_issued",
      },
      {
        status: 'skipped',
        reason:
          'Google Ads needs a gclid, gbraid or wbraid, or user data (email, phone, or full address), to match a conversion',
      },
    ]);
  });

  it('sends the seed purchase once it carries a gclid, with its own time, order id and value', async () => {
    const [, , purchase] = seedEvents();
    purchase!.clickIds.gclid = 'Cj0KCQiA-seed-gclid';
    const { requests, results } = await run([purchase!]);
    expect(results[0]!.outcome).toEqual({ status: 'delivered' });
    const [request] = platformRequests(requests);
    expect(request!.url).toBe('https://datamanager.googleapis.com/v1/events:ingest');
    expect(request!.headers['authorization']).toBe('Bearer test-access-token-123456');
    expect(request!.json).toMatchInlineSnapshot(`
      {
        "destinations": [
          {
            "operatingAccount": {
              "accountId": "1234567890",
              "accountType": "GOOGLE_ADS",
            },
            "productDestinationId": "987654321",
          },
        ],
        "encoding": "HEX",
        "events": [
          {
            "adIdentifiers": {
              "gclid": "Cj0KCQiA-seed-gclid",
            },
            "conversionValue": 80.79,
            "currency": "USD",
            "eventSource": "WEB",
            "eventTimestamp": "2026-01-15T10:25:00.000Z",
            "transactionId": "2025020100003333",
          },
        ],
      }
    `);
    expect(ingestProblems(request!.json)).toEqual([]);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await run([fullPurchaseEvent()]);
    const [request] = platformRequests(requests);
    expect(request!.json).toMatchInlineSnapshot(`
      {
        "destinations": [
          {
            "operatingAccount": {
              "accountId": "1234567890",
              "accountType": "GOOGLE_ADS",
            },
            "productDestinationId": "987654321",
          },
        ],
        "encoding": "HEX",
        "events": [
          {
            "adIdentifiers": {
              "gclid": "Cj0KCQiA-test-gclid",
            },
            "consent": {
              "adPersonalization": "CONSENT_DENIED",
              "adUserData": "CONSENT_GRANTED",
            },
            "conversionValue": 129.5,
            "currency": "USD",
            "eventDeviceInfo": {
              "ipAddress": "203.0.113.7",
              "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
            },
            "eventSource": "WEB",
            "eventTimestamp": "2026-01-15T11:30:00.000Z",
            "transactionId": "ORD-1001",
            "userData": {
              "userIdentifiers": [
                {
                  "emailAddress": "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
                },
                {
                  "phoneNumber": "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
                },
                {
                  "address": {
                    "familyName": "799ef92a11af918e3fb741df42934f3b568ed2d93ac1df74f1b8d41a27932a6f",
                    "givenName": "96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a",
                    "postalCode": "10001",
                    "regionCode": "US",
                  },
                },
              ],
            },
          },
        ],
      }
    `);
    expect(ingestProblems(request!.json)).toEqual([]);
  });

  it('adds the login account and validateOnly, and sends one request per conversion action', async () => {
    const { requests, results } = await run(
      [sampleEvent('purchase_completed', 1), sampleEvent('lead', 2), sampleEvent('purchase_completed', 3)],
      {
        credentials: { ...adapter.credentialsExample, login_customer_id: '111-222-3333' },
        options: { conversionActions: { lead: '555' }, validateOnly: true },
      },
    );
    const sent = platformRequests(requests);
    expect(sent.map((r) => (r.json as { destinations: unknown }).destinations)).toEqual([
      [
        {
          operatingAccount: { accountType: 'GOOGLE_ADS', accountId: '1234567890' },
          productDestinationId: '987654321',
          loginAccount: { accountType: 'GOOGLE_ADS', accountId: '1112223333' },
        },
      ],
      [
        {
          operatingAccount: { accountType: 'GOOGLE_ADS', accountId: '1234567890' },
          productDestinationId: '555',
          loginAccount: { accountType: 'GOOGLE_ADS', accountId: '1112223333' },
        },
      ],
    ]);
    expect(
      sent.map((r) =>
        (r.json as { events: Array<{ transactionId: string }> }).events.map((e) => e.transactionId),
      ),
    ).toEqual([['ORD-0001', 'ORD-0003'], ['ORD-0002']]);
    expect(sent.every((r) => (r.json as { validateOnly: boolean }).validateOnly === true)).toBe(true);
    for (const r of sent) expect(ingestProblems(r.json)).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'delivered',
        warnings: ['validateOnly: Google validated the events and recorded nothing'],
      })),
    );
  });

  it('the proto check catches a field that is not in the spec', () => {
    expect(ingestProblems({ events: [{ eventTimestamp: 'yesterday', orderId: 'x' }] })).toEqual([
      'events[0].eventTimestamp: expected an RFC 3339 timestamp',
      'events[0].orderId: no such field in google.ads.datamanager.v1.Event',
    ]);
  });
});

describe('google_ads identity normalisation', () => {
  const identifiersOf = async (record: Record<string, unknown>) => {
    const event = eventFromRecord({ ...FULL_PURCHASE_RECORD, first_name: undefined, ...record });
    const { requests } = await run([event]);
    const body = platformRequests(requests)[0]!.json as {
      events: Array<{ userData: { userIdentifiers: unknown[] } }>;
    };
    return body.events[0]!.userData.userIdentifiers;
  };

  it('hashes the canonical examples', async () => {
    expect(await identifiersOf({ email: ' John.Doe@Example.COM ', phone: '(555) 123-4567' })).toEqual([
      { emailAddress: sha256Hex('john.doe@example.com') },
      { phoneNumber: sha256Hex('+15551234567') },
    ]);
  });

  it('passes 64-hex values through and applies the gmail rules', async () => {
    const hashed = 'A'.repeat(64);
    expect(await identifiersOf({ email: hashed, phone: 'b'.repeat(64) })).toEqual([
      { emailAddress: 'a'.repeat(64) },
      { phoneNumber: 'b'.repeat(64) },
    ]);
    expect(
      await identifiersOf({ email: 'Cloudy.SanFrancisco+shopping@gmail.com', phone: undefined }),
    ).toEqual([{ emailAddress: sha256Hex('cloudysanfrancisco@gmail.com') }]);
  });
});

describe('google_ads Ads API requests', () => {
  const options = { api: 'ads_api' };

  it('builds the exact uploadClickConversions request for a fully populated purchase', async () => {
    const { requests } = await run([fullPurchaseEvent()], {
      credentials: { ...ADS_CREDENTIALS, login_customer_id: '1112223333' },
      options,
    });
    const [request] = platformRequests(requests);
    expect(request!.url).toBe(
      'https://googleads.googleapis.com/v26/customers/1234567890:uploadClickConversions',
    );
    expect(request!.headers).toEqual({
      authorization: 'Bearer test-access-token-123456',
      'content-type': 'application/json',
      'developer-token': 'dev-token-example-123456',
      'login-customer-id': '1112223333',
    });
    expect(request!.json).toMatchInlineSnapshot(`
      {
        "conversions": [
          {
            "consent": {
              "adPersonalization": "DENIED",
              "adUserData": "GRANTED",
            },
            "conversionAction": "customers/1234567890/conversionActions/987654321",
            "conversionDateTime": "2026-01-15 11:30:00+00:00",
            "conversionValue": 129.5,
            "currencyCode": "USD",
            "gclid": "Cj0KCQiA-test-gclid",
            "orderId": "ORD-1001",
            "userIdentifiers": [
              {
                "hashedEmail": "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
              },
              {
                "hashedPhoneNumber": "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
              },
            ],
            "userIpAddress": "203.0.113.7",
          },
        ],
        "partialFailure": true,
      }
    `);
    expect(uploadProblems(request!.json)).toEqual([]);
  });

  it('sends the seed purchase with a gclid, dated yyyy-mm-dd hh:mm:ss+00:00', async () => {
    const events = seedEvents();
    events[2]!.clickIds.gclid = 'Cj0KCQiA-seed-gclid';
    const { requests, results } = await run(events, { credentials: ADS_CREDENTIALS, options });
    expect(results.map((r) => r.outcome.status)).toEqual(['skipped', 'skipped', 'delivered']);
    const [request] = platformRequests(requests);
    expect(request!.json).toMatchInlineSnapshot(`
      {
        "conversions": [
          {
            "conversionAction": "customers/1234567890/conversionActions/987654321",
            "conversionDateTime": "2026-01-15 10:25:00+00:00",
            "conversionValue": 80.79,
            "currencyCode": "USD",
            "gclid": "Cj0KCQiA-seed-gclid",
            "orderId": "2025020100003333",
          },
        ],
        "partialFailure": true,
      }
    `);
    expect(uploadProblems(request!.json)).toEqual([]);
  });

  // developers.google.com/google-ads/api/docs/api-policy/developer-token: "Developer tokens were
  // sunset on September 9, 2026 … You can continue sending developer tokens in the headers of
  // your API calls, but this is optional and ignored by the API servers."
  it('works without a developer token, sending no developer-token header', async () => {
    const { requests } = await run([sampleEvent('purchase_completed')], { options });
    const [request] = platformRequests(requests);
    expect(request!.headers).toEqual({
      authorization: 'Bearer test-access-token-123456',
      'content-type': 'application/json',
    });
  });
});

describe('google_ads OAuth', () => {
  it('exchanges the refresh token at oauth2.googleapis.com', async () => {
    const { requests } = await run([sampleEvent('purchase_completed')], {
      respond: (r) =>
        r.url.includes('oauth2')
          ? { status: 200, body: { access_token: 'ya29.fresh-token', expires_in: 3599 } }
          : { status: 200, body: { requestId: 'req-1' } },
    });
    expect(requests[0]!.url).toBe('https://oauth2.googleapis.com/token');
    expect(Object.fromEntries(new URLSearchParams(requests[0]!.body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: '1//0example-refresh-token-abcdef',
      client_id: '1234567890-abc123def456.apps.googleusercontent.com',
      client_secret: 'GOCSPX-example-client-secret',
    });
    expect(requests[1]!.headers['authorization']).toBe('Bearer ya29.fresh-token');
  });

  it('flags the credential when the refresh token is refused, without leaking it', async () => {
    const { results } = await run([sampleEvent('purchase_completed')], {
      respond: () => ({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
      }),
    });
    expect(results[0]!.outcome).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Google Ads: Google Ads token request failed (400): invalid_grant: Token has been expired or revoked.',
    });
  });
});

describe('google_ads check', () => {
  it('skips an Ads API click conversion with neither click id nor hashed email or phone, before any request', async () => {
    const lead = sampleEvent('purchase_completed', 1, {
      email: undefined,
      phone: undefined,
      gclid: undefined,
    });
    const { results, requests } = await run([lead], {
      credentials: ADS_CREDENTIALS,
      options: { api: 'ads_api' },
    });
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        'Google Ads needs a gclid, gbraid or wbraid, or a hashed email or phone, to match a click conversion',
    });
  });
});

describe('google_ads refunds and cancellations', () => {
  const options = { api: 'ads_api' };

  it('retracts the purchase by order id on the Ads API, next to the click conversions of the same batch', async () => {
    const purchase = fullPurchaseEvent();
    const refund = sampleEvent('order_refunded', 1, {
      order_id: 'ORD-1001',
      event_time: '2026-01-15T11:45:00Z',
    });
    const cancel = sampleEvent('order_cancelled', 2, { restated_value: 70 });
    const { requests, results } = await run([purchase, refund, cancel], {
      credentials: ADS_CREDENTIALS,
      options,
    });
    expect(results.map((r) => [r.platformEventName, r.outcome.status])).toEqual([
      ['purchase', 'delivered'],
      ['refund', 'delivered'],
      ['refund', 'delivered'],
    ]);
    const [, adjustments] = platformRequests(requests);
    expect(adjustments!.url).toBe(
      'https://googleads.googleapis.com/v26/customers/1234567890:uploadConversionAdjustments',
    );
    expect(adjustments!.json).toEqual({
      conversionAdjustments: [
        {
          orderId: 'ORD-1001',
          conversionAction: 'customers/1234567890/conversionActions/987654321',
          adjustmentDateTime: '2026-01-15 11:45:00+00:00',
          adjustmentType: 'RETRACTION',
        },
        {
          orderId: 'ORD-0002',
          conversionAction: 'customers/1234567890/conversionActions/987654321',
          adjustmentDateTime: '2026-01-15 11:00:00+00:00',
          adjustmentType: 'RESTATEMENT',
          restatementValue: { adjustedValue: 70, currencyCode: 'USD' },
        },
      ],
      partialFailure: true,
    });
    expect(adjustProblems(adjustments!.json)).toEqual([]);
  });

  it('rejects only the adjustment a partial failure names', async () => {
    const respond = (r: { url: string }) =>
      r.url.startsWith('https://oauth2.googleapis.com/')
        ? { status: 200, body: { access_token: 'test-access-token-123456', expires_in: 3600 } }
        : {
            status: 200,
            body: {
              partialFailureError: {
                code: 3,
                message: 'The conversion for this adjustment was not found.',
                details: [
                  {
                    '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
                    errors: [
                      {
                        errorCode: { conversionAdjustmentUploadError: 'CONVERSION_NOT_FOUND' },
                        message: 'The conversion for this adjustment was not found.',
                        location: { fieldPathElements: [{ fieldName: 'conversion_adjustments', index: 1 }] },
                      },
                    ],
                  },
                ],
              },
              results: [{ orderId: 'ORD-0001' }, {}],
            },
          };
    const { results } = await runAdapter(adapter, [sampleEvent('refund', 1), sampleEvent('refund', 2)], {
      credentials: ADS_CREDENTIALS,
      options,
      respond,
    });
    expect(results.map((r) => r.outcome)).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'CONVERSION_NOT_FOUND',
        reason:
          'Google Ads rejected the conversion: conversionAdjustmentUploadError.CONVERSION_NOT_FOUND: The conversion for this adjustment was not found.',
      },
    ]);
  });

  it('skips refunds on the Data Manager API, which has no adjustments, with the reason', async () => {
    const { requests, results } = await run([sampleEvent('order_cancelled', 1)]);
    expect(platformRequests(requests)).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        "Google Ads takes refunds and cancellations as conversion adjustments (retractions, restatements), which only the Google Ads API offers (the Data Manager API's events:ingest has none): set options.api to 'ads_api' (a refresh token with the adwords scope) to retract refunded orders",
    });
  });
});

describe('google_ads all-or-nothing: Data Manager only', () => {
  const token = { status: 200, body: { access_token: 'test-access-token-123456', expires_in: 3600 } };
  const invalidArgument = (details: unknown[]) => ({
    status: 400,
    body: { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'Invalid argument.', details } },
  });
  const events = () => [1, 2, 3].map((n) => sampleEvent('purchase_completed', n));

  it('Data Manager naming an event: it is rejected, the others sent again at once and delivered', async () => {
    const bodies: string[] = [];
    const { results, attempts } = await runAdapter(adapter, events(), {
      respond: (r) => {
        if (r.url.startsWith('https://oauth2.googleapis.com/')) return token;
        bodies.push(r.body);
        return bodies.length === 1
          ? invalidArgument([
              {
                '@type': 'type.googleapis.com/google.rpc.BadRequest',
                fieldViolations: [{ field: 'events[1].currency', description: 'Unsupported currency code.' }],
              },
            ])
          : { status: 200, body: { requestId: 'req-2' } };
      },
    });
    expect(results.map((r) => r.outcome)).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'INVALID_ARGUMENT',
        reason: 'Google Ads rejected the event: events[1].currency: Unsupported currency code.',
      },
      { status: 'delivered' },
    ]);
    expect(platformRequests(attempts).map((a) => a.eventIndexes)).toEqual([
      [0, 1, 2],
      [0, 2],
    ]);
    expect(bodies[1]).toContain('ORD-0001');
    expect(bodies[1]).toContain('ORD-0003');
    expect(bodies[1]).not.toContain('ORD-0002');
  });

  it('Data Manager naming no event: one outcome for the request, not halved (it is about the request)', async () => {
    const { results, attempts } = await runAdapter(adapter, events(), {
      respond: (r) => (r.url.startsWith('https://oauth2.googleapis.com/') ? token : invalidArgument([])),
    });
    expect(platformRequests(attempts)).toHaveLength(1);
    expect(results.map((r) => r.outcome)).toEqual(
      Array(3).fill({
        status: 'rejected',
        code: 'INVALID_ARGUMENT',
        reason: 'Google Ads rejected the request: INVALID_ARGUMENT: Invalid argument.',
      }),
    );
  });

  it('Ads API (partial failure): a whole-request rejection is not halved, whatever batch.atomic says', async () => {
    const adsRun = (answer: MockReply) =>
      runAdapter(adapter, events(), {
        credentials: ADS_CREDENTIALS,
        options: { api: 'ads_api' },
        respond: (r) => (r.url.startsWith('https://oauth2.googleapis.com/') ? token : answer),
      });
    const { results, attempts } = await adsRun({
      status: 404,
      body: { error: { code: 404, status: 'NOT_FOUND', message: 'Customer not found.' } },
    });
    expect(adapter.batch.atomic).toBe(true);
    expect(platformRequests(attempts)).toHaveLength(1);
    // A 200 whose partial failure names no row: Google executed the valid rows, so nothing may be
    // sent again (on an all-or-nothing request core would halve and resend them).
    const partial = await adsRun({
      status: 200,
      body: {
        partialFailureError: {
          code: 3,
          message: 'errors',
          details: [
            {
              '@type': 'type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure',
              errors: [{ errorCode: { requestError: 'INVALID_INPUT' }, message: 'Bad input.' }],
            },
          ],
        },
      },
    });
    expect(platformRequests(partial.attempts)).toHaveLength(1);
    expect(partial.results.map((r) => r.outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results.map((r) => r.outcome)).toEqual(
      Array(3).fill({
        status: 'rejected',
        code: 'NOT_FOUND',
        reason: 'Google Ads rejected the request: NOT_FOUND: Customer not found.',
      }),
    );
  });
});
