import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from './server';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenarios: [{ match: 'scripted_at_start', responses: [503] }] });
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const answer = async (res: Response) => ({ status: res.status, body: await res.text() });
const META_PATH = '/meta_capi/v25.0/123456/events';

describe('simulator: platform success shapes', () => {
  it('answers each platform on its own routes', async () => {
    const two = { data: [{ event_name: 'Purchase' }, { event_name: 'Lead' }] };
    expect(await answer(await post(META_PATH, two))).toEqual({
      status: 200,
      body: '{"events_received":2,"messages":[],"fbtrace_id":"SIM00000001"}',
    });
    expect(
      await answer(await post('/ga4/mp/collect?measurement_id=G-1&api_secret=s', { events: [] })),
    ).toEqual({
      status: 204,
      body: '',
    });
    expect(await answer(await post('/ga4/debug/mp/collect', { events: [] }))).toEqual({
      status: 200,
      body: '{"validationMessages":[]}',
    });
    expect(await (await post('/tiktok_events/open_api/v1.3/event/track/', two)).json()).toEqual({
      code: 0,
      message: 'OK',
      request_id: 'SIM00000004',
      data: {},
    });
    expect(await (await post('/pinterest_capi/v5/ad_accounts/549/events', two)).json()).toEqual({
      num_events_received: 2,
      num_events_processed: 2,
      events: [
        { status: 'processed', error_message: null, warning_message: null },
        { status: 'processed', error_message: null, warning_message: null },
      ],
    });
    expect(await answer(await post('/linkedin_capi/rest/conversionEvents', { eventId: 'x' }))).toEqual({
      status: 201,
      body: '',
    });
    expect(await answer(await post('/sgtm/relay/events', { event_name: 'purchase' }))).toEqual({
      status: 200,
      body: '{}',
    });
    expect(await answer(await post('/acme_ads/anything/here', {}))).toEqual({
      status: 200,
      body: '{"status":"ok"}',
    });
    expect(await (await post('/google_ads/token', {})).json()).toEqual({
      access_token: 'sim-access-token',
      expires_in: 3600,
      token_type: 'Bearer',
    });
  });

  it('answers a wrong path of a known platform with 404 in its error shape', async () => {
    const res = await post('/meta_capi/v25.0/123456/evnts', {});
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        message: 'Simulator: Meta Conversions API has no route for POST /v25.0/123456/evnts',
        type: 'OAuthException',
        code: 1,
        fbtrace_id: 'SIM00000001',
      },
    });
  });
});

describe('simulator: recording', () => {
  it('records method, platform, path, query, headers, parsed body and answer', async () => {
    await post('/ga4/mp/collect?measurement_id=G-1&api_secret=s3', { client_id: '1.2' }, { 'x-test': 'yes' });
    await fetch(`${sim.url}/google_ads/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=r1',
    });
    expect(sim.received).toHaveLength(2);
    const [ga4, token] = sim.received;
    expect({ ...ga4!, receivedAt: undefined, headers: undefined }).toEqual({
      platform: 'ga4',
      method: 'POST',
      path: '/mp/collect',
      url: '/ga4/mp/collect?measurement_id=G-1&api_secret=s3',
      query: { measurement_id: 'G-1', api_secret: 's3' },
      body: '{"client_id":"1.2"}',
      json: { client_id: '1.2' },
      answered: 204,
      receivedAt: undefined,
      headers: undefined,
    });
    expect(ga4!.headers['x-test']).toBe('yes');
    expect(ga4!.receivedAt).toBeInstanceOf(Date);
    expect(token!.json).toEqual({ grant_type: 'refresh_token', refresh_token: 'r1' });
    expect(sim.receivedBy('ga4')).toEqual([ga4]);
    expect(sim.receivedBy('meta_capi')).toEqual([]);
  });

  it('reset() forgets requests and scripts but reinstalls the start-up scenarios', async () => {
    sim.script('meta_capi', [500]);
    await post('/scripted_at_start/x', {});
    sim.reset();
    expect(sim.received).toEqual([]);
    expect((await post(META_PATH, { data: [] })).status).toBe(200);
    expect((await post('/scripted_at_start/x', {})).status).toBe(503);
  });
});

describe('simulator: scripted faults', () => {
  it('plays a sequence [500, 500, 200] then answers normally', async () => {
    sim.script('meta_capi', [500, 500, 200]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(META_PATH, { data: [{}] })).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    expect(sim.received.map((r) => r.answered)).toEqual([500, 500, 200, 200]);
  });

  it('answers 400 in the platform error shape with the given message', async () => {
    sim.script('meta_capi', [{ status: 400, message: 'Invalid parameter' }]);
    const res = await post(META_PATH, { data: [{}] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: 'Invalid parameter',
        type: 'OAuthException',
        code: 100,
        error_subcode: 2804016,
        fbtrace_id: 'SIM00000001',
      },
    });
  });

  it('answers 401 and 429 with Retry-After in each platform shape', async () => {
    sim.script('pinterest_capi', [401, { status: 429, retryAfter: 7 }]);
    const unauthorized = await post('/pinterest_capi/v5/ad_accounts/1/events', { data: [{}] });
    expect([unauthorized.status, await unauthorized.json()]).toEqual([
      401,
      { code: 2, message: 'Simulated 401' },
    ]);
    const limited = await post('/pinterest_capi/v5/ad_accounts/1/events', { data: [{}] });
    expect([limited.status, limited.headers.get('retry-after'), await limited.json()]).toEqual([
      429,
      '7',
      { code: 8, message: 'Simulated 429' },
    ]);
    sim.script('google_ads', [429]);
    const google = await post('/google_ads/v1/events:ingest', {});
    expect([google.status, google.headers.get('retry-after'), await google.json()]).toEqual([
      429,
      '1',
      { error: { code: 429, message: 'Simulated 429', status: 'RESOURCE_EXHAUSTED' } },
    ]);
  });

  it('answers partial failures in the platform shape', async () => {
    sim.script('pinterest_capi', [{ partial: { indexes: [1], message: 'Invalid email' } }]);
    const res = await post('/pinterest_capi/v5/ad_accounts/1/events', { data: [{}, {}] });
    expect(await res.json()).toEqual({
      num_events_received: 2,
      num_events_processed: 1,
      events: [
        { status: 'processed', error_message: null, warning_message: null },
        { status: 'failed', error_message: 'Invalid email', warning_message: null },
      ],
    });
    sim.script('google_ads', [{ partial: { indexes: [0], message: 'The click was not found' } }]);
    const google = (await (
      await post('/google_ads/v23/customers/123:uploadClickConversions', { conversions: [{}, {}] })
    ).json()) as { partialFailureError: { message: string }; results: unknown[] };
    expect(google.partialFailureError.message).toBe('The click was not found, at conversions[0]');
    expect(google.results).toEqual([{}, { orderId: 'row-1' }]);
  });

  it('delays an answer', async () => {
    sim.script('ga4', [{ delayMs: 50 }]);
    const res = await post('/ga4/mp/collect', {});
    expect(res.status).toBe(204);
  });

  it('a slow answer trips the client timeout', async () => {
    sim.script('ga4', [{ delayMs: 2_000 }]);
    const error = await fetch(`${sim.url}/ga4/mp/collect`, {
      method: 'POST',
      body: '{}',
      signal: AbortSignal.timeout(100),
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('resets the connection', async () => {
    sim.script('tiktok_events', ['reset']);
    const error = await post('/tiktok_events/open_api/v1.3/event/track/', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(sim.received[0]!.answered).toBe('reset');
    expect((await post('/tiktok_events/open_api/v1.3/event/track/', {})).status).toBe(200);
  });

  it('matches by path prefix or predicate, and repeats the last answer when asked', async () => {
    sim.script('meta_capi/v25.0/999', [503], { repeatLast: true });
    sim.script(
      (r) => r.headers['x-fail'] === '1',
      [{ status: 418, body: 'teapot', headers: { 'x-why': 'test' } }],
    );
    expect((await post('/meta_capi/v25.0/999/events', { data: [] })).status).toBe(503);
    expect((await post('/meta_capi/v25.0/999/events', { data: [] })).status).toBe(503);
    expect((await post(META_PATH, { data: [] })).status).toBe(200);
    const teapot = await post('/ga4/mp/collect', {}, { 'x-fail': '1' });
    expect([teapot.status, teapot.headers.get('x-why'), await teapot.text()]).toEqual([
      418,
      'test',
      'teapot',
    ]);
  });
});
