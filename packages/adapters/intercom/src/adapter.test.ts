import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  openApiValidator,
  outcomesPerEvent,
  readSpecFile,
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

testAdapterConformance(adapter, { success: () => ({ status: 202, body: '' }) });

/** Intercom's own request schema (OpenAPI 2.16, MIT; see __fixtures__/SOURCE.md). */
const validate = openApiValidator(
  readSpecFile(new URL('./__fixtures__/api.intercom.io.trimmed.json', import.meta.url)),
  '#/components/schemas/create_data_event_request',
);

describe('intercom requests', () => {
  it('rejects the seed events, which carry no user, before sending', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array(3).fill({
        status: 'rejected',
        code: 'missing_user',
        reason:
          'Intercom needs the user: an external_id/customer_id, or an email when identify_by_email is on',
      }),
    );
  });

  it('sends the seed events once the OMS adds the customer id: own time in seconds, order id, value', async () => {
    const events = seedEvents().map((e) => ({ ...e, user: { externalId: 'cust-42' } }));
    const { requests } = await runAdapter(adapter, events, { respond: () => ({ status: 202 }) });
    expect(requests.map((r) => r.json)).toEqual([
      {
        event_name: 'consult-started',
        created_at: 1768472100,
        user_id: 'cust-42',
        metadata: {
          order_id: '2025010100001111',
          event_id: 'bosley:consult_started:2025010100001111',
          session_id: 'sess_123',
          utm_source: 'facebook',
          utm_medium: 'cpc',
          utm_campaign: 'bosley_q1',
          affiliate: 'bosleyaffiliate_0123',
        },
      },
      {
        event_name: 'rx-issued',
        created_at: 1768472430,
        user_id: 'cust-42',
        metadata: {
          order_id: '2025010100002222',
          event_id: 'pfizer:rx_issued:2025010100002222',
          session_id: 'sess_789',
          utm_source: 'google',
          utm_medium: 'cpc',
          utm_campaign: 'pfizer_q1',
          affiliate: 'pfizeraffiliate_0123',
        },
      },
      {
        event_name: 'placed-order',
        created_at: 1768472700,
        user_id: 'cust-42',
        metadata: {
          order_id: '2025020100003333',
          value: '80.79',
          currency: 'USD',
          event_id: 'bosley:purchase_completed:2025020100003333',
          session_id: 'sess_456',
          utm_source: 'google',
          utm_medium: 'organic',
          utm_campaign: 'bosley_q1',
          affiliate: 'bosleyaffiliate_0123',
        },
      },
    ]);
    for (const r of requests) expect(validate(r.json)).toEqual([]);
    expect(requests[0]!.url).toBe('https://api.intercom.io/events');
    expect(requests[0]!.headers['intercom-version']).toBe('2.16');
  });

  it('builds the exact body of a fully populated purchase, at most 10 metadata keys, valid against the spec', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]!.json).toEqual({
      event_name: 'placed-order',
      created_at: 1768476600,
      user_id: 'cust_42',
      metadata: {
        order_id: 'ORD-1001',
        value: '129.50',
        currency: 'USD',
        event_id: 'evt_full_0001',
        session_id: 'sess_full',
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'bosley_q1',
        affiliate: 'bosleyaffiliate_0123',
        page_url: 'https://www.bosley.com/checkout/complete',
      },
    });
    expect(validate(requests[0]!.json)).toEqual([]);
  });

  it('identifies by the trimmed lower-case email without an external id, and uses the region host', async () => {
    const event = sampleEvent('lead', 1, { external_id: undefined, email: ' Ann@Example.COM ' });
    const { requests } = await runAdapter(adapter, [event], {
      credentials: { access_token: 'dG9rOmV4YW1wbGUtaW50ZXJjb20tdG9rZW4=', region: 'eu' },
    });
    expect(requests[0]!.url).toBe('https://api.eu.intercom.io/events');
    expect(requests[0]!.json).toMatchObject({ event_name: 'became-lead', email: 'ann@example.com' });
    const { results } = await runAdapter(adapter, [event], { options: { identify_by_email: false } });
    expect(results[0]!.outcome).toMatchObject({ status: 'rejected', code: 'missing_user' });
  });
});

describe('intercom responses', () => {
  const now = new Date('2026-01-15T12:00:00Z');
  it.each([
    [202, undefined, { status: 'delivered' }],
    [
      429,
      { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit' }] },
      { status: 'retryable', reason: 'Intercom rate limit: Exceeded rate limit (rate_limit_exceeded)' },
    ],
    [
      401,
      { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'Intercom refused the access token: Access Token Invalid (unauthorized)',
      },
    ],
    [
      404,
      { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] },
      {
        status: 'rejected',
        code: 'intercom_user_not_found',
        reason: 'Intercom has no such user (it must exist in Intercom first): User Not Found (not_found)',
      },
    ],
    [
      400,
      { type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'Too many metadata keys' }] },
      {
        status: 'rejected',
        code: 'http_400',
        reason: 'Intercom rejected the request (400): Too many metadata keys (parameter_invalid)',
      },
    ],
  ])('HTTP %i %j', (status, body, expected) => {
    expect(parse(jsonResponse(status, body ?? ''), mappedEvents(1), now)).toEqual([expected]);
  });
});
