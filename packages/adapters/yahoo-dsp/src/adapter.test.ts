import { createHmac } from 'node:crypto';
import { type HttpResponse, type RelayEvent, sha256Hex } from '@relay/core';
import {
  FIXED_NOW,
  fullPurchaseEvent,
  type MockReply,
  type RecordedRequest,
  type RunAdapterOptions,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { TOKEN_URL, adapter, clientAssertion } from './index';
import { parseResponse } from './parse-response';

testAdapterConformance(adapter, { success: () => ({ status: 200, body: { success: 'COMPLETE' } }) });

type YahooEvent = Record<string, unknown> & { userData: Record<string, unknown> };

const platformRequests = <T extends { url: string }>(requests: T[]) =>
  requests.filter((r) => !r.url.startsWith(TOKEN_URL));

/** A fake Yahoo: a token for IDB2B, `platform` (default COMPLETE) for the Conversion API. */
const withToken =
  (platform: MockReply = { status: 200, body: { success: 'COMPLETE' } }) =>
  (r: RecordedRequest): MockReply =>
    r.url.startsWith(TOKEN_URL)
      ? { status: 200, body: { access_token: 'yahoo-access-token', expires_in: 3599, token_type: 'Bearer' } }
      : platform;

const run = (events: RelayEvent[], options: RunAdapterOptions = {}) =>
  runAdapter(adapter, events, { respond: withToken(), ...options });

const firstEvent = async (overrides: Record<string, unknown>, options: Record<string, unknown> = {}) => {
  const { requests } = await run([sampleEvent('lead', 1, overrides)], { options });
  return (platformRequests(requests)[0]!.json as YahooEvent[])[0]!;
};

const response = (status: number, json: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: typeof json === 'string' ? json : JSON.stringify(json),
  json: typeof json === 'string' ? undefined : json,
});

const CREDS = adapter.credentialsExample as { pixel_id: string; client_id: string; client_secret: string };

describe('yahoo_dsp token', () => {
  it('asks IDB2B for a token with a JWT client assertion, scope dsp-api-access and realm dsp', async () => {
    const { requests } = await run([sampleEvent('purchase_completed')]);
    const token = requests[0]!;
    expect(token.url).toBe('https://id.b2b.yahooinc.com/identity/oauth2/access_token');
    expect(token.method).toBe('POST');
    const form = Object.fromEntries(new URLSearchParams(token.body));
    expect(form).toEqual({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion(CREDS, TOKEN_URL, FIXED_NOW),
      scope: 'dsp-api-access',
      realm: 'dsp',
    });
    expect(token.body).not.toContain(CREDS.client_secret);
    expect(platformRequests(requests)[0]!.headers['authorization']).toMatch(/^Bearer .+/);
  });

  it('signs the assertion HS256 with the client secret: iss = sub = client id, aud = token URL?realm=dsp, 10 min', () => {
    const jwt = clientAssertion(CREDS, TOKEN_URL, FIXED_NOW);
    const [header, claims, signature] = jwt.split('.') as [string, string, string];
    const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decode(claims)).toEqual({
      aud: 'https://id.b2b.yahooinc.com/identity/oauth2/access_token?realm=dsp',
      iss: '197031e8-1546-410f-84e3-cd6c38dbcec0',
      sub: '197031e8-1546-410f-84e3-cd6c38dbcec0',
      iat: 1768478400,
      exp: 1768479000,
    });
    const expected = createHmac('sha256', CREDS.client_secret)
      .update(`${header}.${claims}`)
      .digest('base64url');
    expect(signature).toBe(expected);
    expect(jwt).not.toMatch(/[+/=]/);
  });

  it('surfaces a refused token request as an auth outcome naming the server error', async () => {
    const { results } = await run([sampleEvent('purchase_completed')], {
      respond: (r) =>
        r.url.startsWith(TOKEN_URL)
          ? { status: 400, body: { error: 'invalid_client', error_description: 'bad assertion' } }
          : { status: 200, body: { success: 'COMPLETE' } },
    });
    expect(results[0]!.outcome).toMatchObject({ status: 'auth', kind: 'needs-attention' });
    expect(JSON.stringify(results[0]!.outcome)).toContain('invalid_client: bad assertion');
  });
});

describe('yahoo_dsp requests', () => {
  it('rejects the bare seed events without sending: they carry no identifier Yahoo can match', async () => {
    const { requests, results } = await run(seedEvents());
    expect(platformRequests(requests)).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'missing_user_data',
        reason:
          'Yahoo Conversion API needs an identifier to attribute the event (email, phone, device id, vmcid click id or IP address); this event has none',
      })),
    );
  });

  it('builds the exact body for the seed events once they carry the Yahoo click id', async () => {
    const { requests, results } = await run(seedEvents({ vmcid: 'vm-click-123' }), {
      respond: withToken({ status: 200, body: { success: 'COMPLETE', message: 'ok' } }),
    });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    const sent = platformRequests(requests);
    expect(sent.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": [
            {
              "actionSource": "web",
              "clickData": {
                "vmcid": "vm-click-123",
              },
              "eventData": {
                "customKeyValues": {
                  "order_id": "2025010100001111",
                },
              },
              "eventId": "bosley:consult_started:2025010100001111",
              "eventName": "consult_started",
              "eventTs": 1768472100,
            },
            {
              "actionSource": "web",
              "clickData": {
                "vmcid": "vm-click-123",
              },
              "eventData": {
                "customKeyValues": {
                  "order_id": "2025010100002222",
                },
              },
              "eventId": "pfizer:rx_issued:2025010100002222",
              "eventName": "rx_issued",
              "eventTs": 1768472430,
            },
            {
              "actionSource": "web",
              "clickData": {
                "vmcid": "vm-click-123",
              },
              "eventData": {
                "customKeyValues": {
                  "currency": "USD",
                  "order_id": "2025020100003333",
                },
                "price": 80.79,
              },
              "eventId": "bosley:purchase_completed:2025020100003333",
              "eventName": "purchase",
              "eventTs": 1768472700,
            },
          ],
          "method": "POST",
          "url": "https://batch.datax.yahoo.com/v1/events/10000123",
        },
      ]
    `);
    expect(sent[0]!.headers['content-type']).toBe('application/json');
    expect(sent[0]!.headers['accept']).toBe('application/json');
    expect(sent[0]!.headers['authorization']).toBe('Bearer yahoo-access-token');
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await run([fullPurchaseEvent({ vmcid: 'vm-click-999' })]);
    expect(platformRequests(requests)[0]?.json).toMatchInlineSnapshot(`
      [
        {
          "actionSource": "web",
          "actionSourceUrl": "https://www.bosley.com/checkout/complete",
          "clickData": {
            "vmcid": "vm-click-999",
          },
          "eventData": {
            "customKeyValues": {
              "currency": "USD",
              "order_id": "ORD-1001",
            },
            "price": 129.5,
            "products": [
              {
                "category": "kits",
              },
              {
                "category": "care",
              },
            ],
          },
          "eventId": "evt_full_0001",
          "eventName": "purchase",
          "eventTs": 1768476600,
          "privacy": {
            "privacy_type": "OPTOUT",
          },
          "userData": {
            "email": [
              "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
            ],
            "ip_address": "203.0.113.7",
            "phone": [
              "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
            ],
            "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
          },
        },
      ]
    `);
  });

  it('posts to the streaming host when asked, and to a base_url override as is', async () => {
    const streaming = await run([sampleEvent('lead')], { options: { endpoint: 'streaming' } });
    expect(platformRequests(streaming.requests)[0]!.url).toBe(
      'https://streaming.datax.yahoo.com/v1/events/10000123',
    );
    const simulator = await run([sampleEvent('lead')], {
      options: { endpoint: 'streaming' },
      baseUrl: 'http://localhost:9999',
    });
    expect(platformRequests(simulator.requests)[0]!.url).toBe('http://localhost:9999/v1/events/10000123');
  });

  it('sends the action source option and reads the click id from the configured record key', async () => {
    const event = await firstEvent(
      { yahoo_click: 'vm-abc' },
      { action_source: 'physical_store', click_id_key: 'yahoo_click' },
    );
    expect(event['actionSource']).toBe('physical_store');
    expect(event['clickData']).toEqual({ vmcid: 'vm-abc' });
  });

  it('maps the canonical events to plain names and passes custom ones through', async () => {
    const names = [
      'purchase_completed',
      'checkout_started',
      'add_to_cart',
      'consult_completed',
      'signup',
      'page_view',
      'rx_issued',
    ];
    const { requests } = await run(names.map((name, i) => sampleEvent(name, i + 1)));
    expect((platformRequests(requests)[0]!.json as YahooEvent[]).map((e) => e['eventName'])).toEqual([
      'purchase',
      'checkout',
      'add_to_cart',
      'lead',
      'sign_up',
      'page_view',
      'rx_issued',
    ]);
  });

  it('sends privacy OPTOUT when either ad consent is denied, nothing otherwise', async () => {
    expect((await firstEvent({ consent_ad_personalization: 'denied' }))['privacy']).toEqual({
      privacy_type: 'OPTOUT',
    });
    expect((await firstEvent({ consent_ad_user_data: 'denied' }))['privacy']).toEqual({
      privacy_type: 'OPTOUT',
    });
    expect((await firstEvent({ consent_ad_user_data: 'granted' }))['privacy']).toBeUndefined();
  });
});

describe('yahoo_dsp identity', () => {
  it('hashes the canonical email after trimming and lower-casing', async () => {
    const event = await firstEvent({ email: ' John.Doe@Example.COM ' });
    expect(event.userData['email']).toEqual([
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    ]);
    expect(sha256Hex('john.doe@example.com')).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
  });

  it('passes already-hashed email and phone through unchanged', async () => {
    const hashed = 'c'.repeat(64);
    const event = await firstEvent({ email: hashed, phone: hashed });
    expect([event.userData['email'], event.userData['phone']]).toEqual([[hashed], [hashed]]);
  });

  it('hashes phones in E.164 with +, default country US', async () => {
    expect((await firstEvent({ phone: '(555) 123-4567' })).userData['phone']).toEqual([
      sha256Hex('+15551234567'),
    ]);
    expect((await firstEvent({ phone: '+44 20 7946 0958' })).userData['phone']).toEqual([
      sha256Hex('+442079460958'),
    ]);
  });

  it('sends device ids and the pixel id from record keys, IP and user agent unhashed', async () => {
    const event = await firstEvent({ gpsaid: 'aaaa-bbbb', idfa: 'IDFA-1', pxid: 'px-1' });
    expect(event.userData).toMatchObject({
      gpsaid: ['aaaa-bbbb'],
      idfa: ['IDFA-1'],
      pxid: ['px-1'],
      ip_address: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
    });
  });

  it('sends an event whose only identifier is the IP address', async () => {
    const { results } = await run([
      sampleEvent('lead', 1, { email: undefined, phone: undefined, user_agent: undefined }),
    ]);
    expect(results[0]!.outcome.status).toBe('delivered');
  });
});

describe('yahoo_dsp responses', () => {
  it('COMPLETE and an empty 2xx are delivered', () => {
    expect(parseResponse(response(200, { success: 'COMPLETE', message: 'ok' }), '1', FIXED_NOW)).toEqual({
      status: 'delivered',
    });
    expect(parseResponse(response(202, ''), '1', FIXED_NOW)).toEqual({ status: 'delivered' });
  });

  it('PARTIAL is delivered with a warning (Yahoo does not say which events it dropped)', () => {
    expect(
      parseResponse(response(200, { success: 'PARTIAL', message: '1 event invalid' }), '1', FIXED_NOW),
    ).toEqual({
      status: 'delivered',
      warnings: [
        'Yahoo Conversion API processed the batch only in part (success: PARTIAL) without saying which events: 1 event invalid',
      ],
    });
  });

  it('403 needs the pixel allow-listed for the client; the reason names the credential pixel', () => {
    expect(parseResponse(response(403, { message: 'Forbidden' }), '10000123', FIXED_NOW)).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Yahoo Conversion API refused the pixel for this client (403); ask the Yahoo account team to allow-list the pixel id for these OAuth credentials: Forbidden (pixel 10000123)',
    });
  });

  it('403 through deliver: every event gets it, one request, the pixel named', async () => {
    const { results, requests } = await run(
      [sampleEvent('purchase_completed', 1), sampleEvent('purchase_completed', 2)],
      { respond: withToken({ status: 403, body: { message: 'Forbidden' } }) },
    );
    expect(platformRequests(requests)).toHaveLength(1);
    expect(results[1]!.outcome).toEqual(results[0]!.outcome);
    expect(results[0]!.outcome).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Yahoo Conversion API refused the pixel for this client (403); ask the Yahoo account team to allow-list the pixel id for these OAuth credentials: Forbidden (pixel 10000123)',
    });
  });

  it('401 asks core to fetch a new token (the pixel added: the credential is in question)', () => {
    expect(parseResponse(response(401, { error: 'invalid_token' }), '1', FIXED_NOW)).toEqual({
      status: 'auth',
      kind: 'refresh',
      reason: 'Yahoo Conversion API rejected the credentials (401): invalid_token (pixel 1)',
    });
  });

  it('400 rejects the batch with Yahoo message; 429 retries with Retry-After', () => {
    expect(parseResponse(response(400, { message: 'eventTs missing' }), '1', FIXED_NOW)).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'Yahoo Conversion API rejected the request (400): eventTs missing',
    });
    expect(
      parseResponse(response(429, { message: 'slow down' }, { 'retry-after': '5' }), '1', FIXED_NOW),
    ).toEqual({
      status: 'retryable',
      reason: 'Yahoo Conversion API answered 429: slow down',
      retryAfterMs: 5000,
    });
  });
});
