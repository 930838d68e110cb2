import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  outcomesPerEvent,
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

testAdapterConformance(adapter, {
  success: () => ({ status: 200, body: { successCount: 1, failCount: 0 } }),
});

describe('iterable requests', () => {
  it('rejects the seed events, which carry no email, before sending', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_user',
      reason: 'Iterable identifies users by email; this event has none',
    });
  });

  it('sends the seed events with an email: own time in seconds, dedup key as id, order and value in dataFields', async () => {
    const events = seedEvents().map((e) => ({ ...e, user: { email: ' John.Doe@Example.COM ' } }));
    const { requests } = await runAdapter(adapter, events);
    expect(requests[0]!.url).toBe('https://api.iterable.com/api/events/trackBulk');
    expect(requests[0]!.headers['api-key']).toBe('example0iterable0server0side0key0123456789');
    expect(requests[0]!.json).toEqual({
      events: [
        {
          email: 'john.doe@example.com',
          eventName: 'consult_started',
          id: 'bosley:consult_started:2025010100001111',
          createdAt: 1768472100,
          dataFields: {
            orderId: '2025010100001111',
            omsEventName: 'consult_started',
            sessionId: 'sess_123',
            utmSource: 'facebook',
            utmMedium: 'cpc',
            utmCampaign: 'bosley_q1',
            affiliate: 'bosleyaffiliate_0123',
          },
        },
        {
          email: 'john.doe@example.com',
          eventName: 'rx_issued',
          id: 'pfizer:rx_issued:2025010100002222',
          createdAt: 1768472430,
          dataFields: {
            orderId: '2025010100002222',
            omsEventName: 'rx_issued',
            sessionId: 'sess_789',
            utmSource: 'google',
            utmMedium: 'cpc',
            utmCampaign: 'pfizer_q1',
            affiliate: 'pfizeraffiliate_0123',
          },
        },
        {
          email: 'john.doe@example.com',
          eventName: 'purchase',
          id: 'bosley:purchase_completed:2025020100003333',
          createdAt: 1768472700,
          dataFields: {
            orderId: '2025020100003333',
            omsEventName: 'purchase_completed',
            total: 80.79,
            currency: 'USD',
            sessionId: 'sess_456',
            utmSource: 'google',
            utmMedium: 'organic',
            utmCampaign: 'bosley_q1',
            affiliate: 'bosleyaffiliate_0123',
          },
        },
      ],
    });
  });

  it('builds the exact event of a fully populated purchase; userId projects and the EU data center', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], {
      credentials: { api_key: 'example0iterable0server0side0key0123456789', data_center: 'eu' },
      options: { identify_by: 'userId' },
    });
    expect(requests[0]!.url).toBe('https://api.eu.iterable.com/api/events/trackBulk');
    expect((requests[0]!.json as { events: unknown[] }).events[0]).toEqual({
      userId: 'cust_42',
      eventName: 'purchase',
      id: 'evt_full_0001',
      createdAt: 1768476600,
      dataFields: {
        orderId: 'ORD-1001',
        omsEventName: 'purchase_completed',
        total: 129.5,
        currency: 'USD',
        sessionId: 'sess_full',
        utmSource: 'google',
        utmMedium: 'cpc',
        utmCampaign: 'bosley_q1',
        affiliate: 'bosleyaffiliate_0123',
        items: [
          { id: 'SKU-1', name: 'Hair Regrowth Kit', price: 99.5, quantity: 1, categories: ['kits'] },
          { id: 'SKU-2', name: 'Shampoo', price: 15, quantity: 2, categories: ['care'] },
        ],
      },
    });
  });
});

describe('iterable responses', () => {
  const now = new Date('2026-01-15T12:00:00Z');
  it('maps trackBulk failures to their events', () => {
    const events = [
      sampleEvent('lead', 1, { email: 'ok@example.com' }),
      sampleEvent('lead', 2, { email: 'Bad@Example.com' }),
      sampleEvent('rx_issued', 3, { email: 'fine@example.com' }),
    ].map((event, i) => ({ event, name: i === 2 ? 'rx_issued' : 'leadSubmitted', custom: i === 2 }));
    const body = {
      successCount: 1,
      failCount: 2,
      invalidEmails: ['bad@example.com'],
      invalidUserIds: [],
      disallowedEventNames: ['rx_issued'],
    };
    expect(parse(jsonResponse(200, body), events, now)).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'iterable_invalid_email',
        reason: 'Iterable refused the email of this event as invalid',
      },
      {
        status: 'rejected',
        code: 'iterable_disallowed_event',
        reason: "Iterable does not allow the event name 'rx_issued' in this project",
      },
    ]);
  });

  it.each([
    [
      401,
      { code: 'BadApiKey', msg: 'Invalid API key' },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'Iterable refused the API key: Invalid API key (BadApiKey)',
      },
    ],
    [
      429,
      { code: 'RateLimitExceeded', msg: 'Too many requests' },
      { status: 'retryable', reason: 'Iterable rate limit: Too many requests (RateLimitExceeded)' },
    ],
    [
      400,
      { code: 'BadParams', msg: 'eventName is required' },
      {
        status: 'rejected',
        code: 'iterable_BadParams',
        reason: 'Iterable rejected the request: eventName is required (BadParams)',
      },
    ],
    [
      503,
      { code: 'GenericError', msg: 'unavailable' },
      { status: 'retryable', reason: 'Iterable answered 503: unavailable (GenericError)' },
    ],
  ])('HTTP %i %j', (status, body, expected) => {
    expect(parse(jsonResponse(status, body), mappedEvents(2), now)).toEqual([expected, expected]);
  });
});
