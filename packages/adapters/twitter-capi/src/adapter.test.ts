import { createHash } from 'node:crypto';
import { oauth1Header } from '@relay/core';
import {
  FIXED_NOW,
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

testAdapterConformance(adapter, {
  success: () => ({ status: 200, body: { data: { conversions_processed: 1 } } }),
});

describe('twitter_capi requests', () => {
  it('skips custom seed events with a reason and rejects the purchase that carries no identifier', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'skipped',
        reason:
          'X conversions reference events created in Events Manager; map this OMS event to a kind with options.eventMap (e.g. "lead") and give its id in credentials.event_ids',
      },
      {
        status: 'skipped',
        reason:
          'X conversions reference events created in Events Manager; map this OMS event to a kind with options.eventMap (e.g. "lead") and give its id in credentials.event_ids',
      },
      {
        status: 'rejected',
        code: 'missing_identifier',
        reason: 'X needs a twclid, an email or a phone number to match a conversion; this event has none',
      },
    ]);
  });

  it('builds the exact body and OAuth 1.0a header for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.url).toBe('https://ads-api.x.com/12/measurement/conversions/o8z6j');
    expect(request!.json).toEqual({
      conversions: [
        {
          conversion_time: '2026-01-15T11:30:00.000Z',
          event_id: 'tw-o8z6j-o87ne',
          identifiers: [
            { twclid: 'tw-click-123' },
            { hashed_email: sha('john.doe@example.com') },
            { hashed_phone_number: sha('+15551234567') },
            {
              ip_address: '203.0.113.7',
              user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15',
            },
          ],
          conversion_id: 'evt_full_0001',
          value: 129.5,
          price_currency: 'USD',
          number_items: 3,
          contents: [
            {
              content_id: 'SKU-1',
              content_name: 'Hair Regrowth Kit',
              content_type: 'kits',
              content_price: '99.50',
              num_items: 1,
            },
            {
              content_id: 'SKU-2',
              content_name: 'Shampoo',
              content_type: 'care',
              content_price: '15.00',
              num_items: 2,
            },
          ],
        },
      ],
    });
    const example = adapter.credentialsExample as Record<string, string>;
    expect(request!.headers.authorization).toBe(
      oauth1Header(
        {
          consumerKey: example['consumer_key']!,
          consumerSecret: example['consumer_secret']!,
          token: example['access_token']!,
          tokenSecret: example['access_token_secret']!,
        },
        { method: 'POST', url: request!.url, nonce: 'nonce1', timestamp: FIXED_NOW.getTime() / 1000 },
      ),
    );
    expect(request!.headers.authorization).toMatch(
      /^OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="nonce1", oauth_signature="[^"]+", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1768478400", oauth_token="/,
    );
  });

  it('sends the seed purchase, with an email added, with its own time, order-based id, 80.79 USD', async () => {
    const [, , purchase] = seedEvents();
    purchase!.user.email = ' John.Doe@Example.COM ';
    const { requests } = await runAdapter(adapter, [purchase!]);
    expect(requests[0]!.json).toEqual({
      conversions: [
        {
          conversion_time: '2026-01-15T10:25:00.000Z',
          event_id: 'tw-o8z6j-o87ne',
          identifiers: [{ hashed_email: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f' }],
          conversion_id: 'bosley:purchase_completed:2025020100003333',
          value: 80.79,
          price_currency: 'USD',
        },
      ],
    });
  });

  it('passes an already-hashed email through and sends IP/UA only beside another identifier', async () => {
    const hashed = sha('someone@example.com');
    const event = sampleEvent('lead', 1, { email: hashed, phone: undefined, twclid: undefined });
    const { requests } = await runAdapter(adapter, [event]);
    expect(
      (requests[0]!.json as { conversions: Array<{ identifiers: unknown[] }> }).conversions[0]!.identifiers,
    ).toEqual([{ hashed_email: hashed }, { ip_address: '203.0.113.7', user_agent: 'Mozilla/5.0' }]);
    const ipOnly = sampleEvent('lead', 2, { email: undefined, phone: undefined, twclid: undefined });
    expect((await runAdapter(adapter, [ipOnly])).results[0]!.outcome).toMatchObject({
      status: 'rejected',
      code: 'missing_identifier',
    });
  });

  it('skips a kind without a configured X event id', async () => {
    const { results } = await runAdapter(adapter, [sampleEvent('add_to_cart')]);
    expect(results[0]!.outcome).toEqual({
      status: 'skipped',
      reason: "no X event id for 'add_to_cart'; add it to credentials.event_ids.add_to_cart",
    });
  });
});

describe('twitter_capi responses', () => {
  const events = mappedEvents(2);
  it.each([
    [200, { data: { conversions_processed: 2 } }, { status: 'delivered' }],
    [
      200,
      { data: { conversions_processed: 1 } },
      { status: 'delivered', warnings: ['X Conversions API processed 1 of 2 conversions'] },
    ],
    [
      429,
      { errors: [{ code: 88, message: 'Rate limit exceeded' }] },
      { status: 'retryable', reason: 'X Conversions API rate limit: Rate limit exceeded (code 88)' },
    ],
    [
      503,
      { errors: [{ code: 'SERVICE_UNAVAILABLE', message: 'Over capacity' }] },
      {
        status: 'retryable',
        reason: 'X Conversions API temporary error: Over capacity (code SERVICE_UNAVAILABLE)',
      },
    ],
    [
      401,
      { errors: [{ code: 89, message: 'Invalid or expired token.' }] },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'X Conversions API refused the OAuth 1.0a tokens: Invalid or expired token. (code 89)',
      },
    ],
    [
      403,
      { errors: [{ code: 'UNAUTHORIZED_ACCESS', message: 'not allowed' }] },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'X Conversions API refused the OAuth 1.0a tokens: not allowed (code UNAUTHORIZED_ACCESS)',
      },
    ],
    [
      400,
      {
        errors: [
          {
            code: 'INVALID_PARAMETER',
            message: 'hashed_email is not a valid SHA-256 hash',
            parameter: 'identifiers',
          },
        ],
      },
      {
        status: 'rejected',
        code: 'x_invalid_parameter',
        reason:
          'X Conversions API rejected the request (400): hashed_email is not a valid SHA-256 hash (code INVALID_PARAMETER, identifiers)',
      },
    ],
  ])('HTTP %i %j', (status, body, expected) => {
    expect(parseResponse(jsonResponse(status, body), events)).toEqual(expected);
  });
});
