import { jsonResponse, mappedEvents, outcomesPerEvent } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length);

const NOW = new Date('2026-01-15T12:00:00.000Z');

/**
 * The 207 answer's `index` is 0-based. Amazon's OpenAPI document for the Ads API v1
 * (amazon-ads-v1-all.json, `POST /adsApi/v1/create/events`) bounds it so:
 * `CreateEventRequest.events` has `maxItems: 500` and `EventMultiStatusSuccess.index` has
 * `minimum: 0, maximum: 499`, so index 0 is the first event and 499 the last of a full
 * request (a 1-based index would run 1–500). Segment's peer for the same operation reads it
 * the same way (`errorMap[arrayPosition]`).
 */
describe('amazon_ads 207 index base', () => {
  it('maps index 0 to the first event and 499 to the last of a full 500-event request', () => {
    const events = mappedEvents(500, 'OFF_AMAZON_PURCHASES');
    const outcomes = parse(
      jsonResponse(207, {
        success: Array.from({ length: 499 }, (_, i) => ({ index: i, event: {} })),
        error: [{ index: 499, errors: [{ code: 'FIELD_VALUE_IS_INVALID', message: 'Invalid value' }] }],
      }),
      events,
      NOW,
    );
    expect(outcomes[0]).toEqual({ status: 'delivered' });
    expect(outcomes[498]).toEqual({ status: 'delivered' });
    expect(outcomes[499]).toEqual({
      status: 'rejected',
      code: 'field_value_is_invalid',
      reason: 'Amazon Ads Conversions API rejected the event: Invalid value (FIELD_VALUE_IS_INVALID)',
    });
    expect(outcomes.filter((o) => o.status === 'delivered')).toHaveLength(499);
  });

  it('does not shift a single-event answer: index 0 is that event, index 1 is outside the request', () => {
    const events = mappedEvents(1, 'OFF_AMAZON_PURCHASES');
    const failed = { index: 0, errors: [{ code: 'FIELD_VALUE_IS_INVALID', message: 'Bad' }] };
    expect(parse(jsonResponse(207, { success: [], error: [failed] }), events, NOW)[0]!.status).toBe(
      'rejected',
    );
    expect(parse(jsonResponse(207, { success: [{ index: 1, event: {} }] }), events, NOW)).toEqual([
      {
        status: 'delivered',
        warnings: ['Amazon Ads Conversions API answered the request without reporting on this event'],
      },
    ]);
  });
});
