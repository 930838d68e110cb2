import { type RelayEvent, sha256Hex } from '@relay/core';
import {
  conformanceChecks,
  eventFromRecord,
  fullPurchaseEvent,
  jsonResponse,
  jsonSchemaValidator,
  mappedEvents,
  type MockReply,
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
import { conversionErrors } from './error-map';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

type Body = { kind: string; conversions: Array<Record<string, unknown>> };

/** CM360's 200: one status per conversion, no errors. */
const allOk = (body: string) => ({
  hasFailures: false,
  kind: 'dfareporting#conversionsBatchInsertResponse',
  status: (JSON.parse(body) as Body).conversions.map((conversion) => ({
    conversion,
    kind: 'dfareporting#conversionStatus',
  })),
});

testAdapterConformance(adapter, { success: (r) => ({ status: 200, body: allOk(r.body) }) });
describe('dv360 per-conversion error codes', () => {
  // The kit walks `adapter.errors` (whole-request Google API errors); the per-conversion codes of
  // a 200 are a second table: walk its rows too.
  const walk = conformanceChecks(
    { ...adapter, errors: conversionErrors },
    { success: (r) => ({ status: 200, body: allOk(r.body) }) },
  ).find((c) => c.name === 'gives every row of its error table the row outcome');
  it('gives every row of the conversion error table the row outcome', () => walk!.run());
});

/** The fake Google: a token for the token endpoint, an all-ok batchinsert answer otherwise. */
const respond = (r: RecordedRequest): MockReply =>
  r.url.includes('oauth2.googleapis.com/token')
    ? { status: 200, body: { access_token: 'ya29.token', expires_in: 3600, token_type: 'Bearer' } }
    : { status: 200, body: allOk(r.body) };

/** The requests sent to CM360 (not the token endpoint). */
const run = async (events: RelayEvent[], options: Record<string, unknown> = {}) => {
  const result = await runAdapter(adapter, events, { options, respond });
  return { ...result, requests: result.requests.filter((r) => !r.url.includes('/token')) };
};

/** The Discovery-derived schema of `ConversionsBatchInsertRequest` (its root; see __fixtures__/SOURCE.md). */
const validateBatchInsert = jsonSchemaValidator(
  readSpecFile(new URL('./__fixtures__/conversions.batchinsert.request.schema.json', import.meta.url)),
);

/** The schema has no `required` lists, so the fields CM360 requires are asserted here too. */
const expectValidBody = (json: unknown) => {
  expect(validateBatchInsert(json)).toEqual([]);
  for (const conversion of (json as Body).conversions) {
    for (const field of [
      'floodlightConfigurationId',
      'floodlightActivityId',
      'timestampMicros',
      'ordinal',
      'value',
      'quantity',
    ])
      expect(conversion, field).toHaveProperty(field);
    const ids = [
      'gclid',
      'dclid',
      'encryptedUserId',
      'encryptedUserIdCandidates',
      'mobileDeviceId',
      'matchId',
      'impressionId',
    ];
    expect(ids.filter((id) => id in conversion)).toHaveLength(1);
  }
};

const NOW = new Date('2026-01-15T12:00:00Z');
const ALL_ACTIVITIES = { activities: { consult_started: '11111', rx_issued: '22222' } };

describe('dv360 requests', () => {
  it('skips seed events without an activity and rejects the purchase without a gclid', async () => {
    const { requests, results } = await run(seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'skipped',
        reason:
          "no Floodlight activity configured for 'consult_started' (set options.activities.consult_started)",
      },
      {
        status: 'skipped',
        reason: "no Floodlight activity configured for 'rx_issued' (set options.activities.rx_issued)",
      },
      {
        status: 'rejected',
        code: 'missing_click_id',
        reason:
          'Campaign Manager 360 needs a gclid (or a match id) to attribute the conversion; this event has none',
      },
    ]);
  });

  it('builds the exact body for the seed events with activities and gclids', async () => {
    const events = SEED_BATCH.data.map((r, i) => eventFromRecord({ ...r, gclid: `Cj0KCQ-seed-${i + 1}` }));
    const { requests: platform, results } = await run(events, ALL_ACTIVITIES);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(platform[0]!.headers['authorization']).toBe('Bearer ya29.token');
    expect({
      method: platform[0]!.method,
      url: platform[0]!.url,
      json: platform[0]!.json,
    }).toMatchInlineSnapshot(`
      {
        "json": {
          "conversions": [
            {
              "floodlightActivityId": "11111",
              "floodlightConfigurationId": "12345",
              "gclid": "Cj0KCQ-seed-1",
              "kind": "dfareporting#conversion",
              "ordinal": "bosley:consult_started:2025010100001111",
              "quantity": "1",
              "timestampMicros": "1768472100000000",
              "value": 0,
            },
            {
              "floodlightActivityId": "22222",
              "floodlightConfigurationId": "12345",
              "gclid": "Cj0KCQ-seed-2",
              "kind": "dfareporting#conversion",
              "ordinal": "pfizer:rx_issued:2025010100002222",
              "quantity": "1",
              "timestampMicros": "1768472430000000",
              "value": 0,
            },
            {
              "floodlightActivityId": "67890",
              "floodlightConfigurationId": "12345",
              "gclid": "Cj0KCQ-seed-3",
              "kind": "dfareporting#conversion",
              "ordinal": "bosley:purchase_completed:2025020100003333",
              "quantity": "1",
              "timestampMicros": "1768472700000000",
              "value": 80.79,
            },
          ],
          "kind": "dfareporting#conversionsBatchInsertRequest",
        },
        "method": "POST",
        "url": "https://dfareporting.googleapis.com/dfareporting/v5/userprofiles/1234567/conversions/batchinsert",
      }
    `);
    expectValidBody(platform[0]!.json);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests: platform } = await run([fullPurchaseEvent()]);
    expect(platform[0]?.json).toMatchInlineSnapshot(`
      {
        "conversions": [
          {
            "adUserDataConsent": "GRANTED",
            "floodlightActivityId": "67890",
            "floodlightConfigurationId": "12345",
            "gclid": "Cj0KCQiA-test-gclid",
            "kind": "dfareporting#conversion",
            "ordinal": "evt_full_0001",
            "quantity": "3",
            "timestampMicros": "1768476600000000",
            "userIdentifiers": [
              {
                "hashedEmail": "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
              },
              {
                "hashedPhoneNumber": "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
              },
              {
                "addressInfo": {
                  "city": "New York",
                  "countryCode": "US",
                  "hashedFirstName": "96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a",
                  "hashedLastName": "799ef92a11af918e3fb741df42934f3b568ed2d93ac1df74f1b8d41a27932a6f",
                  "postalCode": "10001",
                  "state": "NY",
                },
              },
            ],
            "value": 129.5,
          },
        ],
        "kind": "dfareporting#conversionsBatchInsertRequest",
      }
    `);
    expectValidBody(platform[0]?.json);
  });

  it('sends the external id as matchId when enabled and there is no gclid; limitAdTracking from the options', async () => {
    const { requests } = await run([sampleEvent('purchase_completed', 1, { gclid: undefined })], {
      match_id_from_external_id: true,
      limit_ad_tracking: true,
    });
    const conversion = (requests[0]!.json as Body).conversions[0]!;
    expect(conversion).toMatchObject({ matchId: 'cust_1', limitAdTracking: true });
    expect(conversion['gclid']).toBeUndefined();
  });

  it('takes an activity id from an eventMap override (digits) or options.activities', async () => {
    const { requests } = await run([sampleEvent('lead', 1), sampleEvent('rx_issued', 2)], {
      eventMap: { rx_issued: '55555' },
      activities: { lead: '44444' },
    });
    const conversions = (requests[0]!.json as Body).conversions;
    expect(conversions.map((c) => c['floodlightActivityId'])).toEqual(['44444', '55555']);
  });
});

describe('dv360 identity', () => {
  const identifiers = async (overrides: Record<string, unknown>) => {
    const { requests } = await run([sampleEvent('purchase_completed', 1, overrides)]);
    return (requests[0]!.json as Body).conversions[0]!['userIdentifiers'];
  };

  it('hashes the canonical email, and gmail addresses without dots and +tag', async () => {
    expect(await identifiers({ email: ' John.Doe@Example.COM ', phone: undefined })).toEqual([
      { hashedEmail: sha256Hex('john.doe@example.com') },
    ]);
    expect(await identifiers({ email: 'Jane.Doe+promo@gmail.com', phone: undefined })).toEqual([
      { hashedEmail: sha256Hex('janedoe@gmail.com') },
    ]);
  });

  it('hashes the phone as E.164 with + (default country US), and passes hashes through', async () => {
    expect(await identifiers({ email: undefined, phone: '(555) 123-4567' })).toEqual([
      { hashedPhoneNumber: sha256Hex('+15551234567') },
    ]);
    const hashed = 'a'.repeat(64);
    expect(await identifiers({ email: hashed, phone: hashed })).toEqual([
      { hashedEmail: hashed },
      { hashedPhoneNumber: hashed },
    ]);
  });
});

describe('dv360 responses', () => {
  it('200 with per-conversion statuses: ok, INVALID_ARGUMENT, NOT_FOUND, INTERNAL, PERMISSION_DENIED', () => {
    const body = {
      hasFailures: true,
      status: [
        { kind: 'dfareporting#conversionStatus' },
        { errors: [{ code: 'INVALID_ARGUMENT', message: 'Conversion timestamp is too old.' }] },
        { errors: [{ code: 'NOT_FOUND', message: 'Floodlight activity 67890 not found.' }] },
        { errors: [{ code: 'INTERNAL', message: 'Internal error.' }] },
        {
          errors: [{ code: 'PERMISSION_DENIED', message: 'Profile cannot access floodlight configuration.' }],
        },
      ],
    };
    expect(parse(jsonResponse(200, body), mappedEvents(5), NOW)).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'invalid_argument',
        reason:
          'Campaign Manager 360 rejected the conversion: INVALID_ARGUMENT: Conversion timestamp is too old.',
      },
      {
        status: 'rejected',
        code: 'not_found',
        reason:
          'Campaign Manager 360 rejected the conversion: NOT_FOUND: Floodlight activity 67890 not found.',
      },
      {
        status: 'retryable',
        reason: 'Campaign Manager 360 internal error for the conversion: INTERNAL: Internal error.',
      },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'Campaign Manager 360 says the profile has no access to the Floodlight configuration or activity: PERMISSION_DENIED: Profile cannot access floodlight configuration.',
      },
    ]);
  });

  it('200 with hasFailures but no statuses rejects; without failures delivers', () => {
    expect(parse(jsonResponse(200, { hasFailures: true }), mappedEvents(1), NOW)).toEqual([
      {
        status: 'rejected',
        code: 'conversion_error',
        reason: 'Campaign Manager 360 reported failures without per-conversion statuses',
      },
    ]);
    expect(parse(jsonResponse(200, { hasFailures: false }), mappedEvents(1), NOW)).toEqual([
      { status: 'delivered' },
    ]);
  });

  const googleError = (code: number, status: string, reason: string, message: string) => ({
    error: { code, message, status, errors: [{ domain: 'global', reason, message }] },
  });

  it('403 with a quota reason is retryable', () => {
    expect(
      parse(
        jsonResponse(
          403,
          googleError(403, 'PERMISSION_DENIED', 'userRateLimitExceeded', 'User Rate Limit Exceeded'),
        ),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'retryable',
        reason: 'Campaign Manager 360 quota exceeded: PERMISSION_DENIED: User Rate Limit Exceeded',
      },
    ]);
  });

  it('403 otherwise needs attention (scope or profile access)', () => {
    expect(
      parse(
        jsonResponse(
          403,
          googleError(403, 'PERMISSION_DENIED', 'insufficientPermissions', 'Insufficient Permission'),
        ),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'Campaign Manager 360 denied access (needs the ddmconversions scope and a profile with access to the Floodlight configuration): PERMISSION_DENIED: Insufficient Permission',
      },
    ]);
  });

  it('400 INVALID_ARGUMENT rejects the request', () => {
    expect(
      parse(
        jsonResponse(400, googleError(400, 'INVALID_ARGUMENT', 'invalid', 'Invalid value for profileId')),
        mappedEvents(2),
        NOW,
      ),
    ).toEqual(
      Array.from({ length: 2 }, () => ({
        status: 'rejected',
        code: 'invalid_argument',
        reason: 'Campaign Manager 360 rejected the request: INVALID_ARGUMENT: Invalid value for profileId',
      })),
    );
  });

  it('401 asks core to refresh the token; 429 and 5xx retry', () => {
    expect(
      parse(
        jsonResponse(401, googleError(401, 'UNAUTHENTICATED', 'authError', 'Invalid Credentials')),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'auth',
        kind: 'refresh',
        reason: 'Campaign Manager 360 rejected the credentials (401): UNAUTHENTICATED: Invalid Credentials',
      },
    ]);
    expect(
      parse(
        jsonResponse(429, googleError(429, 'RESOURCE_EXHAUSTED', 'rateLimitExceeded', 'Quota exceeded'), {
          'retry-after': '20',
        }),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'retryable',
        reason: 'Campaign Manager 360 quota exceeded: RESOURCE_EXHAUSTED: Quota exceeded',
        retryAfterMs: 20_000,
      },
    ]);
    expect(
      parse(
        jsonResponse(503, googleError(503, 'UNAVAILABLE', 'backendError', 'Backend Error')),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      { status: 'retryable', reason: 'Campaign Manager 360 answered 503: UNAVAILABLE: Backend Error' },
    ]);
  });
});

describe('dv360 event age', () => {
  it('declares the 28-day window', () => {
    expect(adapter.maxEventAgeMs).toBe(28 * 24 * 60 * 60 * 1000);
  });
});
