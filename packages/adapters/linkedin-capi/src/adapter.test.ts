import { createHash } from 'node:crypto';
import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const isToken = (r: { url: string }) => r.url.includes('/oauth/v2/accessToken');

testAdapterConformance(adapter, {
  success: (r) => ({
    status: 200,
    body: { elements: ((r.json as { elements: unknown[] }).elements ?? []).map(() => ({ status: 201 })) },
  }),
  isAuthRequest: isToken,
});

const ok = (r: { url: string; json: unknown }) =>
  isToken(r)
    ? { status: 200, body: { access_token: 'AQVexample-access-token', expires_in: 5184000 } }
    : {
        status: 200,
        body: { elements: (r.json as { elements: unknown[] }).elements.map(() => ({ status: 201 })) },
      };

describe('linkedin_capi requests', () => {
  it('refreshes the OAuth token, then sends one BATCH_CREATE with the versioned headers', async () => {
    const { requests, results } = await runAdapter(adapter, [fullPurchaseEvent()], { respond: ok });
    expect(requests.map((r) => r.url)).toEqual([
      'https://www.linkedin.com/oauth/v2/accessToken',
      'https://api.linkedin.com/rest/conversionEvents',
    ]);
    expect(requests[0]!.body).toBe(
      'grant_type=refresh_token&refresh_token=AQexample-linkedin-refresh-token-0123456789&client_id=86example1client&client_secret=example-linkedin-client-secret',
    );
    expect(requests[1]!.headers).toMatchObject({
      authorization: 'Bearer AQVexample-access-token',
      'linkedin-version': '202609',
      'x-restli-protocol-version': '2.0.0',
      'x-restli-method': 'BATCH_CREATE',
    });
    expect(requests[1]!.json).toEqual({
      elements: [
        {
          conversion: 'urn:lla:llaPartnerConversion:104012345',
          conversionHappenedAt: 1768476600000,
          conversionValue: { currencyCode: 'USD', amount: '129.50' },
          eventId: 'evt_full_0001',
          user: {
            userIds: [
              { idType: 'SHA256_EMAIL', idValue: sha('john.doe@example.com') },
              { idType: 'LINKEDIN_FIRST_PARTY_ADS_TRACKING_UUID', idValue: 'li-fat-123' },
            ],
            userInfo: { firstName: 'John', lastName: 'Doe', countryCode: 'US' },
          },
        },
      ],
    });
    expect(results[0]!.outcome).toEqual({ status: 'delivered' });
  });

  it('skips the custom seed events and rejects the purchase that has no user id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents(), { respond: ok });
    // Refused before authorising: not even a token request.
    expect(requests.map((r) => r.url)).toEqual([]);
    expect(results.map((r) => r.outcome.status)).toEqual(['skipped', 'skipped', 'rejected']);
    expect(results[2]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_user_id',
      reason:
        'LinkedIn needs a hashed email or the li_fat_id click id to match a conversion; this event has neither',
    });
  });

  it('sends the seed purchase with an email: own time in ms, order-based event id, 80.79 USD as a string', async () => {
    const purchase = seedEvents()[2]!;
    purchase.user.email = ' John.Doe@Example.COM ';
    const { requests } = await runAdapter(adapter, [purchase], { respond: ok });
    expect(requests[1]!.json).toEqual({
      elements: [
        {
          conversion: 'urn:lla:llaPartnerConversion:104012345',
          conversionHappenedAt: 1768472700000,
          conversionValue: { currencyCode: 'USD', amount: '80.79' },
          eventId: 'bosley:purchase_completed:2025020100003333',
          user: {
            userIds: [
              {
                idType: 'SHA256_EMAIL',
                idValue: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
              },
            ],
          },
        },
      ],
    });
  });

  it('passes a hashed email through, sends userInfo only with both names, skips kinds without a rule', async () => {
    const hashed = sha('x@example.com');
    const { requests } = await runAdapter(
      adapter,
      [sampleEvent('lead', 1, { email: hashed, first_name: 'Ann', li_fat_id: undefined })],
      { respond: ok },
    );
    expect((requests[1]!.json as { elements: Array<{ user: unknown }> }).elements[0]!.user).toEqual({
      userIds: [{ idType: 'SHA256_EMAIL', idValue: hashed }],
    });
    const { results } = await runAdapter(adapter, [sampleEvent('add_to_cart')], { respond: ok });
    expect(results[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        "no LinkedIn conversion rule for 'add_to_cart'; add it to credentials.conversion_rule_ids.add_to_cart",
    });
  });

  it('rejects events older than 90 days without sending', async () => {
    const old = sampleEvent('purchase_completed', 1, { event_time: '2025-09-01T00:00:00Z' });
    const { requests, results } = await runAdapter(adapter, [old], { respond: ok });
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toMatchObject({ status: 'rejected', code: 'event_too_old' });
  });
});

describe('linkedin_capi responses', () => {
  it('maps BATCH_CREATE element statuses to their events', () => {
    const response = jsonResponse(200, {
      elements: [
        { status: 201 },
        {
          status: 400,
          error: { status: 400, code: 'INVALID_ARGUMENT', message: 'conversionHappenedAt is too old' },
        },
        { status: 503 },
      ],
    });
    expect(parseResponse(response, mappedEvents(3))).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'http_400',
        reason:
          'LinkedIn Conversions API rejected the request (400): conversionHappenedAt is too old (INVALID_ARGUMENT)',
      },
      { status: 'retryable', reason: 'LinkedIn Conversions API answered 503: no message' },
    ]);
  });

  it.each([
    [
      401,
      {
        status: 401,
        code: 'REVOKED_ACCESS_TOKEN',
        message: 'The token used in the request has been revoked by the user',
      },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'LinkedIn Conversions API access was revoked; re-authorise the app: The token used in the request has been revoked by the user (REVOKED_ACCESS_TOKEN)',
      },
    ],
    [
      401,
      { status: 401, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' },
      {
        status: 'auth',
        kind: 'refresh',
        reason:
          'LinkedIn Conversions API rejected the credentials (401): The token used in the request has expired (EXPIRED_ACCESS_TOKEN)',
      },
    ],
    [
      426,
      { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202301 is not active' },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'LinkedIn Conversions API no longer serves this LinkedIn-Version; set options.linkedin_version to a current version or upgrade the adapter: Requested version 202301 is not active (NONEXISTENT_VERSION)',
      },
    ],
    [
      429,
      { status: 429, code: 'QUOTA_EXCEEDED', message: 'daily quota' },
      {
        status: 'retryable',
        reason: 'LinkedIn Conversions API quota exceeded: daily quota (QUOTA_EXCEEDED)',
      },
    ],
    [
      403,
      { status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: 'Not enough permissions' },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'LinkedIn Conversions API denied access (403): Not enough permissions (ACCESS_DENIED/100)',
      },
    ],
  ])('HTTP %i %j', (status, body, expected) => {
    expect(parseResponse(jsonResponse(status, body), mappedEvents(2))).toEqual(expected);
  });

  it('rejects only the elements a 422 names and marks the others for an immediate re-send', () => {
    const message =
      'Index: 0, ERROR :: /elements/0/conversionHappenedAt :: value is too old\nIndex: 2, ERROR :: /elements/2/user :: field is required\n';
    expect(parseResponse(jsonResponse(422, { status: 422, message }), mappedEvents(3))).toEqual([
      {
        status: 'rejected',
        code: 'invalid_element',
        reason:
          'LinkedIn Conversions API rejected this conversion: /elements/0/conversionHappenedAt :: value is too old',
      },
      {
        status: 'retryable',
        reason:
          'LinkedIn Conversions API refused the batch for other conversions in it; sent again without them',
        collateral: true,
      },
      {
        status: 'rejected',
        code: 'invalid_element',
        reason: 'LinkedIn Conversions API rejected this conversion: /elements/2/user :: field is required',
      },
    ]);
  });

  it('gives a 422 naming no element to the whole request, for core to halve', () => {
    expect(
      parseResponse(jsonResponse(422, { status: 422, message: 'Request body is invalid' }), mappedEvents(3)),
    ).toEqual({
      status: 'rejected',
      code: 'invalid_element',
      reason: 'LinkedIn Conversions API rejected the batch: Request body is invalid',
    });
  });

  it('delivers the valid conversions of a batch LinkedIn failed for one named element, in one extra request', async () => {
    const events = [1, 2, 3].map((n) => sampleEvent('purchase_completed', n));
    const posts: string[][] = [];
    const { results, isolationRequests } = await runAdapter(adapter, events, {
      respond: (r) => {
        if (/accessToken/.test(r.url))
          return { status: 200, body: { access_token: 'tok', expires_in: 3600 } };
        const ids = (r.json as { elements: Array<{ eventId: string }> }).elements.map((e) => e.eventId);
        posts.push(ids);
        const bad = ids.indexOf(events[1]!.dedupKey);
        return bad >= 0
          ? {
              status: 422,
              body: { status: 422, message: `Index: ${bad}, ERROR :: /elements/${bad}/user :: invalid\n` },
            }
          : { status: 200, body: { elements: ids.map(() => ({ status: 201 })) } };
      },
    });
    expect(posts).toEqual([events.map((e) => e.dedupKey), [events[0]!.dedupKey, events[2]!.dedupKey]]);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'rejected', 'delivered']);
    expect(isolationRequests).toBe(1);
  });
});
