import { MultiFernet } from '@relay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db/client';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/log';
import { createRegistry } from '../../src/platforms/registry';
import { TEST_KEY, type TestApp, createTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ MAX_BODY_BYTES: '65536', ADMIN_MAX_BODY_BYTES: '200000' });
  await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'shop', name: 'Shop' });
});
afterAll(() => t.close());

/** A chunked body of `total` bytes made on demand; `pulled()` says how much the server read. */
function lazyBody(total: number, chunk = 16_384) {
  let sent = 0;
  const piece = new TextEncoder().encode('{"data":['.padEnd(chunk, ' '));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += piece.byteLength;
      controller.enqueue(piece);
    },
  });
  return { stream, pulled: () => sent };
}

const auth = () => `Basic ${Buffer.from('admin:changeme').toString('base64')}`;

describe('bodies are cut while streaming (finding 1)', () => {
  it('a chunked upload to /v1/events over MAX_BODY_BYTES is a 413 after reading about the limit, not the whole body', async () => {
    const body = lazyBody(50 * 1024 * 1024);
    const res = await t.app.request('/v1/events', {
      method: 'POST',
      headers: { authorization: auth(), 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error_code: 'PAYLOAD_TOO_LARGE', details: { limit: 65536 } });
    // Read: the limit plus at most the chunk that crossed it and the stream's one-chunk read-ahead.
    expect(body.pulled()).toBeLessThanOrEqual(65536 + 3 * 16_384);
  });

  it('admin routes have their own, smaller limit, also on chunked bodies', async () => {
    const body = lazyBody(10 * 1024 * 1024);
    const res = await t.app.request('/admin/v1/storefronts', {
      method: 'POST',
      headers: { authorization: auth(), 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { details: unknown }).details).toEqual({ limit: 200000 });
    expect(body.pulled()).toBeLessThanOrEqual(200000 + 3 * 16_384);
    const declared = await t.call('POST', '/admin/v1/storefronts', 'x'.repeat(200_001));
    expect(declared.status).toBe(413);
    expect(await t.database.db.storefront.count()).toBe(1);
  });
});

describe('admin 500s: validators match the columns (finding 5)', () => {
  const loc = async (res: Response) =>
    ((await res.json()) as { detail: Array<{ loc: unknown[] }> }).detail[0]?.loc;

  it('replay with "statuses": [] is a 422 naming statuses', async () => {
    const res = await t.call('POST', '/admin/v1/deliveries/replay', { platform_code: 'ga4', statuses: [] });
    expect(res.status).toBe(422);
    expect(await loc(res)).toEqual(['body', 'statuses']);
  });

  it('a description over 64 KB, a URL over 2,048 characters, a 70 KB api_secret, deep credential_schema: 422 naming the field', async () => {
    const longDescription = await t.call('POST', '/admin/v1/storefronts', {
      storefront_id: 'big',
      name: 'Big',
      description: 'é'.repeat(33_000),
    });
    expect(longDescription.status).toBe(422);
    expect(await loc(longDescription)).toEqual(['body', 'description']);

    const longUrl = await t.call('POST', '/admin/v1/platforms', {
      platform_code: 'long_url',
      name: 'L',
      api_base_url: `https://example.com/${'a'.repeat(2100)}`,
    });
    expect(longUrl.status).toBe(422);
    expect(await loc(longUrl)).toEqual(['body', 'api_base_url']);

    const storefront = (await t.database.db.storefront.findFirst())!;
    const secret = await t.call('POST', '/admin/v1/sgtm-configs', {
      storefront_id: storefront.id,
      sgtm_url: 'https://gtm.example.com',
      measurement_id: 'G-1',
      api_secret: 's'.repeat(70_000),
    });
    expect(secret.status).toBe(422);
    expect(await loc(secret)).toEqual(['body', 'api_secret']);

    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const nested = await t.call('POST', '/admin/v1/platforms', {
      platform_code: 'deep',
      name: 'D',
      credential_schema: JSON.stringify(deep),
    });
    expect(nested.status).toBe(422);
    expect(await loc(nested)).toEqual(['body', 'credential_schema']);
    const nestedObject = await t.call('POST', '/admin/v1/platforms', {
      platform_code: 'deep2',
      name: 'D',
      credential_schema: deep,
    });
    expect(nestedObject.status).toBe(422);
    expect((await loc(nestedObject))?.slice(0, 2)).toEqual(['body', 'credential_schema']);
    expect(
      await t.database.db.platform.count({ where: { code: { in: ['long_url', 'deep', 'deep2'] } } }),
    ).toBe(0);
  });
});

describe('input quirks (finding 6)', () => {
  it('a numeric order_id above 2^53 keeps its digits as written', async () => {
    const text = `{"count":2,"error":"","data":[
      {"storefront_id":"shop","event_name":"purchase_completed","event_time":"2026-01-01T00:00:00Z","order_id":12345678901234567891},
      {"storefront_id":"shop","event_name":"purchase_completed","event_time":"2026-01-01T00:00:00Z","order_id":12345678901234567892}]}`;
    const res = await t.call('POST', '/v1/events', text);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 2, rejected: 0 });
    const rows = await t.database.db.event.findMany({ orderBy: { id: 'asc' }, select: { orderId: true } });
    expect(rows.map((r) => r.orderId)).toEqual(['12345678901234567891', '12345678901234567892']);
  });

  it('a lone surrogate in admin text is a 422 naming the field, not stored as ?', async () => {
    const res = await t.call(
      'POST',
      '/admin/v1/storefronts',
      '{"storefront_id":"sur","name":"bad \\ud800 name"}',
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      detail: [
        {
          loc: ['body', 'name'],
          msg: 'String contains a lone UTF-16 surrogate (not valid Unicode text)',
          type: 'string_unicode',
        },
      ],
    });
    const emoji = await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'emo', name: 'ok 😀' });
    expect((await emoji.json()).name).toBe('ok 😀');
  });

  it('JSON only with a JSON content type or none; text/plain is a 422 naming the body', async () => {
    const plain = await t.call(
      'POST',
      '/admin/v1/storefronts',
      { storefront_id: 'txt', name: 'T' },
      {
        'content-type': 'text/plain',
      },
    );
    expect(plain.status).toBe(422);
    expect((await plain.json()).detail[0]).toMatchObject({ loc: ['body'], type: 'model_attributes_type' });
    const form = await t.call(
      'POST',
      '/v1/events',
      { count: 0, data: [], error: 'x' },
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(form.status).toBe(422);
    // A byte body gets no content type from fetch: accepted as JSON, as the replaced service did.
    const none = await t.app.request('/admin/v1/storefronts', {
      method: 'POST',
      headers: { authorization: auth() },
      body: new TextEncoder().encode(JSON.stringify({ storefront_id: 'none', name: 'N' })),
    });
    expect(none.status).toBe(201);
    const vendor = await t.call(
      'POST',
      '/admin/v1/storefronts',
      { storefront_id: 'vnd', name: 'V' },
      {
        'content-type': 'application/vnd.api+json; charset=utf-8',
      },
    );
    expect(vendor.status).toBe(201);
    expect(await t.database.db.storefront.count({ where: { code: 'txt' } })).toBe(0);
  });
});

describe('database outage (finding 3)', () => {
  it('answers 503 with Retry-After when the database is unreachable, then fails fast', async () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere',
      ENCRYPTION_KEY: TEST_KEY,
      RELAY_ENV: 'test',
    });
    const db = createDb(config.DATABASE_URL, { acquireTimeoutMs: 500 });
    const app = createApp({
      config,
      db,
      cipher: new MultiFernet(TEST_KEY),
      registry: createRegistry(),
      logger: createLogger('silent'),
    });
    const post = () =>
      app.request('/v1/events', {
        method: 'POST',
        headers: { authorization: auth(), 'content-type': 'application/json' },
        body: JSON.stringify({
          count: 1,
          error: '',
          data: [
            { storefront_id: 'shop', event_name: 'x', event_time: '2026-01-01T00:00:00Z', order_id: 'o1' },
          ],
        }),
      });
    const first = await post();
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('5');
    expect(await first.json()).toMatchObject({ error_code: 'DATABASE_UNAVAILABLE' });
    const second = await post();
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('5');
    const admin = await app.request('/admin/v1/storefronts', { headers: { authorization: auth() } });
    expect(admin.status).toBe(503);
    await db.$disconnect();
  });
});
