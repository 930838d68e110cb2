import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  type ParseContext,
  ValidationError,
  sha256Hex,
} from '@relay/core';
import {
  eventFromRecord,
  fullPurchaseEvent,
  type MockReply,
  type RecordedRequest,
  runAdapter,
  SEED_BATCH,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { bingErrors } from './error-map';
import { parseResponse } from './parse-response';
import type { MicrosoftAdsCredentials, MicrosoftAdsOptions } from './schemas';

const OFFLINE_CREDENTIALS = {
  client_id: '00000000-1111-2222-3333-444444444444',
  client_secret: 'example-client-secret-value',
  refresh_token: 'M.C123_example-refresh-token-value',
  developer_token: 'BBD37VB98example',
  customer_id: '251186883',
  customer_account_id: '149800277',
};
/** The identity platform answers token requests; Campaign Management answers with `apply`. */
const offlinePlatform =
  (apply: MockReply = { status: 200, body: { PartialErrors: [] } }) =>
  (r: RecordedRequest): MockReply =>
    r.url.includes('login.microsoftonline.com')
      ? { status: 200, body: { access_token: 'ms-access-token-1', expires_in: 3600, token_type: 'Bearer' } }
      : apply;
const OFFLINE = {
  credentials: OFFLINE_CREDENTIALS,
  options: { api: 'offline_conversions' },
  respond: offlinePlatform(),
};

type UetBody = { data: Array<Record<string, unknown> & { userData: Record<string, unknown> }> };
type OfflineBody = { OfflineConversions: Array<Record<string, unknown>> };

testAdapterConformance(adapter, { success: () => ({ status: 200, body: { eventsReceived: 1 } }) });
// The offline conversions API has its own error table: the kit walks it on that run.
testAdapterConformance(
  { ...adapter, errors: bingErrors },
  {
    credentials: OFFLINE_CREDENTIALS,
    options: OFFLINE.options,
    success: () => ({ status: 200, body: { PartialErrors: [] } }),
  },
);

/** The seed batch's records with what the OMS knows of each customer. */
const seedWith = (extra: (i: number) => Record<string, unknown>) =>
  SEED_BATCH.data.map((record, i) => eventFromRecord({ ...record, ...extra(i) }));

const NOW = new Date('2026-01-15T12:00:00Z');
const mapped = (count: number): MappedEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    event: sampleEvent('purchase_completed', i + 1),
    name: 'purchase',
    custom: false,
  }));
const response = (status: number, json: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: JSON.stringify(json),
  json,
});
const ctxFor = (
  credentials: Record<string, unknown>,
  options: Partial<MicrosoftAdsOptions> = {},
): ParseContext<MicrosoftAdsCredentials, MicrosoftAdsOptions> => ({
  credentials: credentials as MicrosoftAdsCredentials,
  options: { continue_on_validation_error: true, sandbox: false, ...options },
  baseUrl: 'https://capi.uet.microsoft.com',
  now: NOW,
  defaultCountry: 'US',
  nonce: () => 'n',
  request: { method: 'POST', url: 'https://example.test', headers: {}, eventIndexes: [] },
});
const UET_CTX = ctxFor(adapter.credentialsExample);
const OFFLINE_CTX = ctxFor(OFFLINE_CREDENTIALS, { api: 'offline_conversions' });

describe('microsoft_ads UET Conversions API requests', () => {
  it('rejects the bare seed events without sending: UET needs an email, phone, external id or msclkid', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'missing_user_data',
        reason:
          'Microsoft UET Conversions API needs at least one of email, phone, external id or msclkid; this event has none',
      })),
    );
  });

  it('builds the exact body for the seed events once they carry an email and a click id', async () => {
    const events = seedWith((i) => ({
      email: `customer${i + 1}@example.com`,
      msclkid: `0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5${i}`,
    }));
    const { requests, results } = await runAdapter(adapter, events, {
      respond: () => ({ status: 200, body: { eventsReceived: 3 } }),
    });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, json: r.json })),
    ).toMatchInlineSnapshot(`
      [
        {
          "headers": {
            "authorization": "Bearer f3b6c2d1-0a9e-4c7b-8d21-5e6f7a8b9c0d",
            "content-type": "application/json",
          },
          "json": {
            "continueOnValidationError": true,
            "data": [
              {
                "customData": {
                  "transactionId": "2025010100001111",
                },
                "eventId": "bosley:consult_started:2025010100001111",
                "eventName": "consult_started",
                "eventTime": 1768472100,
                "eventType": "custom",
                "userData": {
                  "em": "b4133380ccd33e9fea010c5c961c1b766f4bf70ca30a4026a65c6854c8921fda",
                  "msclkid": "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c50",
                },
              },
              {
                "customData": {
                  "transactionId": "2025010100002222",
                },
                "eventId": "pfizer:rx_issued:2025010100002222",
                "eventName": "rx_issued",
                "eventTime": 1768472430,
                "eventType": "custom",
                "userData": {
                  "em": "bc8ff7bc9cbcf078d9e537b9b6098f8d50fe7142086c6aabf6841a7714679c30",
                  "msclkid": "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c51",
                },
              },
              {
                "customData": {
                  "currency": "USD",
                  "ecommTotalValue": 80.79,
                  "pageType": "purchase",
                  "transactionId": "2025020100003333",
                  "value": 80.79,
                },
                "eventId": "bosley:purchase_completed:2025020100003333",
                "eventName": "purchase",
                "eventTime": 1768472700,
                "eventType": "custom",
                "userData": {
                  "em": "4c7d03d328bed7e9babb9d5abb9216a1b14d5feeb82890816b090521072a5827",
                  "msclkid": "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c52",
                },
              },
            ],
          },
          "method": "POST",
          "url": "https://capi.uet.microsoft.com/v1/343012345/events",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "continueOnValidationError": true,
        "data": [
          {
            "adStorageConsent": "G",
            "customData": {
              "currency": "USD",
              "ecommTotalValue": 129.5,
              "itemIds": [
                "SKU-1",
                "SKU-2",
              ],
              "items": [
                {
                  "id": "SKU-1",
                  "name": "Hair Regrowth Kit",
                  "price": 99.5,
                  "quantity": 1,
                },
                {
                  "id": "SKU-2",
                  "name": "Shampoo",
                  "price": 15,
                  "quantity": 2,
                },
              ],
              "pageType": "purchase",
              "transactionId": "ORD-1001",
              "value": 129.5,
            },
            "eventId": "evt_full_0001",
            "eventName": "purchase",
            "eventSourceUrl": "https://www.bosley.com/checkout/complete",
            "eventTime": 1768476600,
            "eventType": "custom",
            "userData": {
              "clientIpAddress": "203.0.113.7",
              "clientUserAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
              "em": "55e79200c1635b37ad31a378c39feb12f120f116625093a19bc32fff15041149",
              "externalId": "2b1cb0b84296c10ce6cc722d09a874d1f0cc1865615cb94ee50e62354aec017b",
              "msclkid": "ms-click-123",
              "ph": "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
            },
          },
        ],
      }
    `);
  });

  it('sends a page view with a URL as pageLoad (no eventName, no revenue), without one as a custom event', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('page_view', 1, { page_url: 'https://www.bosley.com/', referrer: 'https://www.bing.com/' }),
      sampleEvent('page_view', 2),
    ]);
    const [withUrl, withoutUrl] = (requests[0]!.json as UetBody).data;
    expect(withUrl).toEqual({
      eventType: 'pageLoad',
      eventId: 'bosley:page_view:ORD-0001',
      eventTime: 1768474800,
      eventSourceUrl: 'https://www.bosley.com/',
      referrerUrl: 'https://www.bing.com/',
      userData: withUrl!.userData,
    });
    expect(withoutUrl).toMatchObject({
      eventType: 'custom',
      eventName: 'page_view',
      customData: { transactionId: 'ORD-0002' },
    });
  });

  it('maps consent to adStorageConsent, with the option as the default', async () => {
    const consentOf = async (overrides: Record<string, unknown>, options: Record<string, unknown> = {}) => {
      const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, overrides)], { options });
      return (requests[0]!.json as UetBody).data[0]!['adStorageConsent'];
    };
    expect(await consentOf({ consent_ad_user_data: 'denied' })).toBe('D');
    expect(await consentOf({ consent_ad_user_data: 'granted' }, { ad_storage_consent: 'D' })).toBe('G');
    expect(await consentOf({}, { ad_storage_consent: 'D' })).toBe('D');
    expect(await consentOf({})).toBeUndefined();
  });

  it('sends dataProvider and the all-or-nothing mode from the options', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], {
      options: { data_provider: 'relay', continue_on_validation_error: false },
    });
    expect(requests[0]?.json).toMatchObject({ continueOnValidationError: false, dataProvider: 'relay' });
    expect((requests[0]!.json as UetBody).data[0]).toMatchObject({
      eventType: 'custom',
      eventName: 'generate_lead',
    });
  });

  it('refuses events older than seven days without sending them, and sends the rest', async () => {
    const old = sampleEvent('purchase_completed', 1, { event_time: '2026-01-08T11:59:59Z' });
    const { results, requests } = await runAdapter(adapter, [old, sampleEvent('purchase_completed', 2)]);
    expect(results[0]?.outcome).toEqual({
      status: 'rejected',
      code: 'event_too_old',
      reason:
        'Microsoft UET Conversions API accepts events up to 7 days old; this one happened at 2026-01-08T11:59:59.000Z',
    });
    expect((requests[0]!.json as UetBody).data.map((e) => e['eventId'])).toEqual([
      'bosley:purchase_completed:ORD-0002',
    ]);
  });

  it('passes custom OMS events through under their own name, and honours overrides', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [sampleEvent('consult_started', 1), sampleEvent('rx_issued', 2)],
      {
        options: { eventMap: { rx_issued: null } },
      },
    );
    expect((requests[0]!.json as UetBody).data.map((e) => e['eventName'])).toEqual(['consult_started']);
    expect(results[1]?.outcome).toEqual({
      status: 'skipped',
      reason: "event 'rx_issued' is mapped to nothing for this credential",
    });
  });
});

describe('microsoft_ads offline conversions requests', () => {
  it('refreshes the OAuth token, then posts the seed conversions with the account headers', async () => {
    const events = seedWith((i) => ({ msclkid: `0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5${i}` }));
    const { requests, results } = await runAdapter(adapter, events, {
      ...OFFLINE,
    });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, body: r.json ?? r.body })),
    ).toMatchInlineSnapshot(`
      [
        {
          "body": "grant_type=refresh_token&client_id=00000000-1111-2222-3333-444444444444&refresh_token=M.C123_example-refresh-token-value&scope=https%3A%2F%2Fads.microsoft.com%2Fmsads.manage+offline_access&client_secret=example-client-secret-value",
          "headers": {
            "content-type": "application/x-www-form-urlencoded",
          },
          "method": "POST",
          "url": "https://login.microsoftonline.com/common/oauth2/v2.0/token",
        },
        {
          "body": {
            "OfflineConversions": [
              {
                "ConversionName": "consult_started",
                "ConversionTime": "2026-01-15T10:15:00Z",
                "MicrosoftClickId": "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c50",
              },
              {
                "ConversionName": "rx_issued",
                "ConversionTime": "2026-01-15T10:20:30Z",
                "MicrosoftClickId": "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c51",
              },
              {
                "ConversionCurrencyCode": "USD",
                "ConversionName": "purchase",
                "ConversionTime": "2026-01-15T10:25:00Z",
                "ConversionValue": 80.79,
                "MicrosoftClickId": "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c52",
              },
            ],
          },
          "headers": {
            "authorization": "Bearer ms-access-token-1",
            "content-type": "application/json",
            "customeraccountid": "149800277",
            "customerid": "251186883",
            "developertoken": "BBD37VB98example",
          },
          "method": "POST",
          "url": "https://campaign.api.bingads.microsoft.com/CampaignManagement/v13/OfflineConversions/Apply",
        },
      ]
    `);
  });

  it('builds the exact conversion for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], OFFLINE);
    expect(requests[1]?.json).toMatchInlineSnapshot(`
      {
        "OfflineConversions": [
          {
            "ConversionCurrencyCode": "USD",
            "ConversionName": "purchase",
            "ConversionTime": "2026-01-15T11:30:00Z",
            "ConversionValue": 129.5,
            "HashedEmailAddress": "55e79200c1635b37ad31a378c39feb12f120f116625093a19bc32fff15041149",
            "HashedPhoneNumber": "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
            "MicrosoftClickId": "ms-click-123",
          },
        ],
      }
    `);
  });

  it('uses the sandbox host when asked, and the overridden base URL for both APIs', async () => {
    const sandbox = await runAdapter(adapter, [sampleEvent('lead')], {
      ...OFFLINE,
      options: { api: 'offline_conversions', sandbox: true },
    });
    expect(sandbox.requests[1]?.url).toBe(
      'https://campaign.api.sandbox.bingads.microsoft.com/CampaignManagement/v13/OfflineConversions/Apply',
    );
    const simulator = await runAdapter(adapter, [sampleEvent('lead')], {
      ...OFFLINE,
      baseUrl: 'http://127.0.0.1:4010',
    });
    expect(simulator.requests[1]?.url).toBe(
      'http://127.0.0.1:4010/CampaignManagement/v13/OfflineConversions/Apply',
    );
  });

  it('accepts conversions older than seven days (up to 90) and rejects those without click id or identity', async () => {
    const tenDaysOld = sampleEvent('purchase_completed', 1, { event_time: '2026-01-05T12:00:00Z' });
    const anonymous = sampleEvent('purchase_completed', 2, {
      msclkid: undefined,
      email: undefined,
      phone: undefined,
    });
    const tooOld = sampleEvent('purchase_completed', 3, { event_time: '2025-10-16T11:59:59Z' });
    const { results, requests } = await runAdapter(adapter, [tenDaysOld, anonymous, tooOld], OFFLINE);
    expect((requests[1]!.json as OfflineBody).OfflineConversions.map((c) => c['ConversionTime'])).toEqual([
      '2026-01-05T12:00:00Z',
    ]);
    expect(results[1]?.outcome).toEqual({
      status: 'rejected',
      code: 'missing_click_id',
      reason:
        'Microsoft offline conversions need the msclkid, or a hashed email or phone; this event has none',
    });
    expect(results[2]?.outcome).toMatchObject({ status: 'rejected', code: 'event_too_old' });
  });

  it('refreshes once on AuthenticationTokenExpired (109) and retries with the new token', async () => {
    let tokens = 0;
    let applies = 0;
    const { results, requests } = await runAdapter(adapter, [sampleEvent('lead')], {
      ...OFFLINE,
      respond: (r) => {
        if (r.url.includes('login.microsoftonline.com')) {
          tokens += 1;
          return { status: 200, body: { access_token: `ms-access-token-${tokens}`, expires_in: 3600 } };
        }
        applies += 1;
        return applies === 1
          ? {
              status: 401,
              body: {
                OperationErrors: [{ Code: 109, ErrorCode: 'AuthenticationTokenExpired', Message: 'expired' }],
              },
            }
          : { status: 200, body: { PartialErrors: [] } };
      },
    });
    expect(results[0]?.outcome).toEqual({ status: 'delivered' });
    expect(requests.map((r) => r.headers['authorization'] ?? 'token request')).toEqual([
      'token request',
      'Bearer ms-access-token-1',
      'token request',
      'Bearer ms-access-token-2',
    ]);
  });

  it('sends the refresh-token grant with scope, secret and tenant; a refused refresh needs a person', async () => {
    const { requests, results } = await runAdapter(adapter, [sampleEvent('lead')], {
      credentials: { ...OFFLINE_CREDENTIALS, tenant: 'contoso.onmicrosoft.com' },
      respond: () => ({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'AADSTS70008: expired' },
      }),
    });
    expect(requests[0]?.url).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    );
    expect(Object.fromEntries(new URLSearchParams(requests[0]!.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: OFFLINE_CREDENTIALS.client_id,
      refresh_token: OFFLINE_CREDENTIALS.refresh_token,
      scope: 'https://ads.microsoft.com/msads.manage offline_access',
      client_secret: OFFLINE_CREDENTIALS.client_secret,
    });
    expect(results[0]?.outcome).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Microsoft Advertising: Microsoft Advertising token request failed (400): invalid_grant: AADSTS70008: expired',
    });
  });

  it('fails as a configuration error, naming the missing fields, when options.api names an API the credential has no fields for', async () => {
    for (const [credentials, api, message] of [
      [
        adapter.credentialsExample,
        'offline_conversions',
        "Invalid credentials for options.api 'offline_conversions': missing client_id, refresh_token, developer_token, customer_id, customer_account_id (add them, or remove options.api to deliver to the API the credential's fields belong to, uet_capi)",
      ],
      [
        OFFLINE_CREDENTIALS,
        'uet_capi',
        "Invalid credentials for options.api 'uet_capi': missing uet_tag_id, capi_token (add them, or remove options.api to deliver to the API the credential's fields belong to, offline_conversions)",
      ],
    ] as const) {
      const calls: string[] = [];
      const error = await runAdapter(adapter, [sampleEvent('lead'), sampleEvent('purchase_completed')], {
        credentials,
        options: { api },
        respond: (r) => {
          calls.push(r.url);
          return { status: 500, body: {} };
        },
      }).catch((e: unknown) => e);
      // Thrown like a credential that fails its schema: the host fails the deliveries with the
      // reason (apps/relay/src/worker/send-claimed.ts), and nothing is sent, not even a token request.
      expect(ValidationError.isInstance(error), String(error)).toBe(true);
      expect((error as ValidationError).message).toBe(message);
      expect((error as ValidationError).field).toBe(api === 'uet_capi' ? 'uet_tag_id' : 'client_id');
      expect(calls).toEqual([]);
    }
  });
});

describe('microsoft_ads credentials', () => {
  it('accepts the offline set and names its missing fields', () => {
    expect(adapter.credentials.safeParse(OFFLINE_CREDENTIALS).success).toBe(true);
    const { customer_account_id: _dropped, ...partial } = OFFLINE_CREDENTIALS;
    const result = adapter.credentials.safeParse(partial);
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['customer_account_id', 'customer_account_id is required for offline conversions'],
    ]);
  });

  it('refuses a credential that mixes both sets', () => {
    const result = adapter.credentials.safeParse({ ...OFFLINE_CREDENTIALS, ...adapter.credentialsExample });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual(['uet_tag_id']);
  });
});

describe('microsoft_ads identity', () => {
  const userData = async (overrides: Record<string, unknown>) => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, overrides)]);
    return (requests[0]!.json as UetBody).data[0]!.userData;
  };

  it("hashes email Microsoft's way: trimmed, lower case, no dots or +alias in the local part", async () => {
    expect((await userData({ email: ' John.Doe@Example.COM ' }))['em']).toBe(
      sha256Hex('johndoe@example.com'),
    );
    expect((await userData({ email: 'John@Contoso.com' }))['em']).toBe(
      'ec81f3ac7b2b19675bab9d54cf416f9f18cff87c97da5cca82c0f0891bc40602',
    );
  });

  it('hashes phones as E.164 with the + (default country US), as Microsoft documents', async () => {
    expect((await userData({ phone: '(555) 123-4567' }))['ph']).toBe(sha256Hex('+15551234567'));
    expect((await userData({ phone: '+1 425 555 1234' }))['ph']).toBe(
      'c59475d96e9f01d7d18d06cfad84dd02333207f02c0c2c5663ef2782cda0390e',
    );
  });

  it('passes already-hashed values through and hashes the external id', async () => {
    const hashed = 'd'.repeat(64);
    const data = await userData({ email: hashed, phone: hashed, external_id: 'cust_42' });
    expect([data['em'], data['ph'], data['externalId']]).toEqual([hashed, hashed, sha256Hex('cust_42')]);
  });

  it('sends msclkid, IP and user agent unhashed', async () => {
    const data = await userData({ msclkid: 'dd4afcccb1c9a4cad9544dd7e5006ab1' });
    expect([data['msclkid'], data['clientIpAddress'], data['clientUserAgent']]).toEqual([
      'dd4afcccb1c9a4cad9544dd7e5006ab1',
      '203.0.113.7',
      'Mozilla/5.0',
    ]);
  });
});

describe('microsoft_ads UET responses', () => {
  const validation = (status: number, details: unknown[]) =>
    response(status, {
      error: {
        code: 'ValidationError',
        message: 'One or multiple parameters did not pass validation checks, see details.',
        details,
      },
    });

  it('200 with details: errors reject their event, warnings are kept on delivered events', () => {
    const outcomes = parseResponse(
      validation(200, [
        {
          index: 1,
          propertyName: 'data[1].userData.em',
          errorMessage: "'em' must be a valid SHA256 string.",
          errorCode: 'InvalidSha256',
          isWarning: true,
        },
        {
          index: 2,
          propertyName: 'data[2].eventTime',
          errorMessage: "'eventTime' must be within last 7 days.",
          errorCode: 'InvalidEventTime',
          isWarning: false,
        },
      ]),
      mapped(3),
      UET_CTX,
    );
    expect(outcomes).toEqual([
      { status: 'delivered' },
      {
        status: 'delivered',
        warnings: ["data[1].userData.em: 'em' must be a valid SHA256 string. (InvalidSha256)"],
      },
      {
        status: 'rejected',
        code: 'validation_error',
        reason:
          "Microsoft UET Conversions API refused the event: data[2].eventTime: 'eventTime' must be within last 7 days. (InvalidEventTime)",
      },
    ]);
  });

  it('400 with details and continueOnValidationError: no event was valid, all rejected', () => {
    const outcomes = parseResponse(
      validation(400, [
        {
          index: 0,
          propertyName: 'data[0].eventType',
          errorMessage: 'bad type',
          errorCode: 'InvalidEnumValue',
        },
      ]),
      mapped(2),
      UET_CTX,
    );
    expect(outcomes).toEqual([
      {
        status: 'rejected',
        code: 'validation_error',
        reason:
          'Microsoft UET Conversions API refused the event: data[0].eventType: bad type (InvalidEnumValue)',
      },
      {
        status: 'rejected',
        code: 'validation_error',
        reason:
          'Microsoft UET Conversions API: no event of the batch was valid: One or multiple parameters did not pass validation checks, see details.',
      },
    ]);
  });

  it('400 with details in all-or-nothing mode: the valid events are collateral', () => {
    const outcomes = parseResponse(
      validation(400, [{ index: 0, propertyName: 'data[0].eventType', errorMessage: 'bad type' }]),
      mapped(2),
      ctxFor(adapter.credentialsExample, { continue_on_validation_error: false }),
    );
    expect((outcomes as Outcome[])[1]).toEqual({
      status: 'retryable',
      reason:
        'Microsoft UET Conversions API processed nothing because other events of the batch were invalid',
      collateral: true,
    });
  });

  it('all-or-nothing mode through deliver: the named event rejected, the others sent again at once', async () => {
    const { status, json } = validation(400, [
      { index: 1, propertyName: 'data[1].eventType', errorMessage: 'bad type' },
    ]);
    const invalidSecond = { status, body: json };
    const bodies: string[] = [];
    const { results, attempts } = await runAdapter(
      adapter,
      [1, 2, 3].map((n) => sampleEvent('purchase_completed', n)),
      {
        options: { continue_on_validation_error: false },
        respond: (r) => {
          bodies.push(r.body);
          return bodies.length === 1 ? invalidSecond : { status: 200, body: { eventsReceived: 2 } };
        },
      },
    );
    expect(attempts.map((a) => a.eventIndexes)).toEqual([
      [0, 1, 2],
      [0, 2],
    ]);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'rejected', 'delivered']);
    // The default mode answers per event: nothing is resent.
    const perEvent = await runAdapter(
      adapter,
      [1, 2, 3].map((n) => sampleEvent('purchase_completed', n)),
      {
        respond: () => invalidSecond,
      },
    );
    expect(perEvent.attempts).toHaveLength(1);
  });

  it('401 Unauthorized needs a new tag token', () => {
    expect(
      parseResponse(
        response(401, {
          error: { code: 'Unauthorized', message: 'You are not authorized to access this resource.' },
        }),
        mapped(1),
        UET_CTX,
      ),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Microsoft UET Conversions API refused the tag token; copy the token of this UET tag from Microsoft Advertising: Unauthorized: You are not authorized to access this resource.',
    });
  });

  it('other statuses follow the default table with the error message', () => {
    expect(
      parseResponse(
        response(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '5' }),
        mapped(1),
        UET_CTX,
      ),
    ).toEqual({
      status: 'retryable',
      reason: 'Microsoft UET Conversions API answered 429: TooManyRequests',
      retryAfterMs: 5000,
    });
    expect(
      parseResponse(
        response(400, { error: { code: 'BadRequest', message: 'malformed JSON' } }),
        mapped(1),
        UET_CTX,
      ),
    ).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'Microsoft UET Conversions API rejected the request (400): BadRequest: malformed JSON',
    });
  });
});

describe('microsoft_ads offline conversions responses', () => {
  const fault = (status: number, Code: number, ErrorCode: string, Message: string) =>
    response(status, {
      TrackingId: 't-1',
      Type: 'ApiFaultDetail',
      OperationErrors: [{ Code, ErrorCode, Message }],
      BatchErrors: [],
    });

  it('200 with PartialErrors rejects the conversions they index, applies the rest', () => {
    const outcomes = parseResponse(
      response(200, {
        PartialErrors: [
          {
            Code: 3612,
            ErrorCode: 'OfflineConversionMicrosoftClickIdInvalid',
            FieldPath: 'MicrosoftClickId',
            Index: 1,
            Message: 'The Microsoft Click ID is invalid.',
            Type: 'BatchError',
          },
        ],
      }),
      mapped(2),
      OFFLINE_CTX,
    );
    expect(outcomes).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'OfflineConversionMicrosoftClickIdInvalid',
        reason:
          'Microsoft Advertising (offline conversions) did not apply the conversion: The Microsoft Click ID is invalid. at MicrosoftClickId (3612 OfflineConversionMicrosoftClickIdInvalid)',
      },
    ]);
  });

  it('200 with PartialErrors null applies everything', () => {
    expect(parseResponse(response(200, { PartialErrors: null }), mapped(2), OFFLINE_CTX)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
  });

  it('code 0 InternalError is retryable', () => {
    expect(
      parseResponse(
        fault(500, 0, 'InternalError', 'An internal error has occurred.'),
        mapped(1),
        OFFLINE_CTX,
      ),
    ).toEqual({
      status: 'retryable',
      reason:
        'Microsoft Advertising (offline conversions) internal error: An internal error has occurred. (0 InternalError)',
    });
  });

  it('code 105 InvalidCredentials and 109 AuthenticationTokenExpired ask for a token refresh', () => {
    expect(
      parseResponse(fault(401, 105, 'InvalidCredentials', 'Authentication failed.'), mapped(1), OFFLINE_CTX),
    ).toEqual({
      status: 'auth',
      kind: 'refresh',
      reason:
        'Microsoft Advertising (offline conversions) access token refused: Authentication failed. (105 InvalidCredentials)',
    });
    expect(
      parseResponse(
        fault(401, 109, 'AuthenticationTokenExpired', 'The token has expired.'),
        mapped(1),
        OFFLINE_CTX,
      ),
    ).toEqual({
      status: 'auth',
      kind: 'refresh',
      reason:
        'Microsoft Advertising (offline conversions) access token refused: The token has expired. (109 AuthenticationTokenExpired)',
    });
  });

  it('code 106 UserIsNotAuthorized needs a person (AdApiFaultDetail Errors[] shape)', () => {
    expect(
      parseResponse(
        response(403, {
          Errors: [{ Code: 106, ErrorCode: 'UserIsNotAuthorized', Message: 'not authorized' }],
        }),
        mapped(1),
        OFFLINE_CTX,
      ),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Microsoft Advertising (offline conversions) says the user has no access to this customer or account: not authorized (106 UserIsNotAuthorized)',
    });
  });

  it('code 117 CallRateExceeded is retryable even as HTTP 400', () => {
    expect(
      parseResponse(fault(400, 117, 'CallRateExceeded', 'Too many calls.'), mapped(1), OFFLINE_CTX),
    ).toEqual({
      status: 'retryable',
      reason:
        'Microsoft Advertising (offline conversions) call rate exceeded: Too many calls. (117 CallRateExceeded)',
    });
  });

  it('codes outside the table fall back to the HTTP status with the error text', () => {
    expect(
      parseResponse(
        fault(400, 1001, 'CampaignServiceInvalidAccountId', 'Invalid account.'),
        mapped(1),
        OFFLINE_CTX,
      ),
    ).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason:
        'Microsoft Advertising (offline conversions) rejected the request (400): Invalid account. (1001 CampaignServiceInvalidAccountId)',
    });
  });
});
