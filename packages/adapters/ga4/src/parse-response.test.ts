import type { HttpResponse, MappedEvent } from '@relay/core';
import { FIXED_NOW, sampleEvent } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { parseResponse } from './parse-response';

const events = (n: number): MappedEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    event: sampleEvent('purchase_completed', i + 1),
    name: 'purchase',
    custom: false,
  }));
const reply = (status: number, json?: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: json === undefined ? '' : JSON.stringify(json),
  json,
});
const VALIDATED = {
  status: 'delivered',
  warnings: ['validated by GA4 /debug/mp/collect; not recorded (validation mode)'],
};

describe('/mp/collect', () => {
  it('2xx (204, empty body) → delivered: GA4 does not report invalid events here', () => {
    expect(parseResponse(reply(204), events(2), false, FIXED_NOW)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
  });

  it('429 and 5xx → retryable; other 4xx → rejected (core table)', () => {
    expect(parseResponse(reply(429, undefined, { 'retry-after': '5' }), events(1), false, FIXED_NOW)).toEqual(
      [{ status: 'retryable', reason: 'GA4 answered 429: HTTP 429', retryAfterMs: 5000 }],
    );
    expect(parseResponse(reply(503), events(1), false, FIXED_NOW)[0]!.status).toBe('retryable');
    expect(parseResponse(reply(400, { error: 'bad' }), events(1), false, FIXED_NOW)).toEqual([
      { status: 'rejected', code: 'http_400', reason: 'GA4 rejected the request (400): {"error":"bad"}' },
    ]);
  });
});

describe('/debug/mp/collect (validate: true)', () => {
  it('no validationMessages → delivered with the validation warning', () => {
    expect(parseResponse(reply(200, { validationMessages: [] }), events(2), true, FIXED_NOW)).toEqual([
      VALIDATED,
      VALIDATED,
    ]);
  });

  it('a message naming an event rejects that event only, code = validationCode', () => {
    const body = {
      validationMessages: [
        {
          fieldPath: 'events[1].params.currency',
          description: 'Currency must be a valid ISO 4217 code.',
          validationCode: 'VALUE_INVALID',
        },
        {
          fieldPath: 'events',
          description:
            'Event at index: [2] has invalid name [_bad]. Names must start with an alphabetic character.',
          validationCode: 'NAME_INVALID',
        },
      ],
    };
    expect(parseResponse(reply(200, body), events(3), true, FIXED_NOW)).toEqual([
      VALIDATED,
      {
        status: 'rejected',
        code: 'VALUE_INVALID',
        reason: 'GA4 validation: events[1].params.currency: Currency must be a valid ISO 4217 code.',
      },
      {
        status: 'rejected',
        code: 'NAME_INVALID',
        reason:
          'GA4 validation: events: Event at index: [2] has invalid name [_bad]. Names must start with an alphabetic character.',
      },
    ]);
  });

  it('counts the campaign_details entries of the body when tracing a message to its event', () => {
    const withUtm: MappedEvent[] = [1, 2].map((n) => ({
      event: sampleEvent('purchase_completed', n, { utm_source: `source${n}` }),
      name: 'purchase',
      custom: false,
    }));
    // Body: [campaign_details, purchase 1, campaign_details, purchase 2].
    const body = {
      validationMessages: [
        {
          fieldPath: 'events[3].params.currency',
          description: 'Bad currency.',
          validationCode: 'VALUE_INVALID',
        },
      ],
    };
    expect(parseResponse(reply(200, body), withUtm, true, FIXED_NOW)).toEqual([
      VALIDATED,
      {
        status: 'rejected',
        code: 'VALUE_INVALID',
        reason: 'GA4 validation: events[3].params.currency: Bad currency.',
      },
    ]);
  });

  it('a message naming no event rejects every event of the request', () => {
    const body = {
      validationMessages: [
        {
          fieldPath: 'client_id',
          description: 'Required field client_id is missing.',
          validationCode: 'VALUE_REQUIRED',
        },
      ],
    };
    expect(parseResponse(reply(200, body), events(2), true, FIXED_NOW)).toEqual(
      Array.from({ length: 2 }, () => ({
        status: 'rejected',
        code: 'VALUE_REQUIRED',
        reason: 'GA4 validation: client_id: Required field client_id is missing.',
      })),
    );
  });
});
