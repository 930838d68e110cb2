import type { ErrorTable } from '@relay/core';

/** Amplitude's HTTP V2 error body (400, 413, 429). */
export interface AmplitudeErrorBody {
  code?: number;
  error?: string;
  missing_field?: string;
  events_with_invalid_fields?: Record<string, number[]>;
  events_with_missing_fields?: Record<string, number[]>;
  silenced_events?: number[];
  throttled_events?: number[];
  eps_threshold?: number;
}

/** Amplitude asks clients to pause about 30 s after a 429 when it sends no Retry-After. */
export const THROTTLE_PAUSE_MS = 30_000;

/** Amplitude's error body of an answer (`{}` when it has none). */
export const amplitudeBodyOf = (json: unknown): AmplitudeErrorBody =>
  (typeof json === 'object' && json !== null ? json : {}) as AmplitudeErrorBody;

/**
 * Whole-request answers that override core's default table (amplitude.com/docs/apis/analytics/http-v2#status-codes);
 * anything else is core's. The 400 that lists events by index is handled per event in
 * parse-response. Read: the `error` text, then the missing field or the count of throttled events.
 */
export const amplitudeErrors: ErrorTable = {
  read: (response) => {
    const body = amplitudeBodyOf(response.json);
    const detail = body.error ?? `HTTP ${response.status}`;
    const throttled = body.throttled_events?.length;
    const message = body.missing_field
      ? `${detail} (missing ${body.missing_field})`
      : throttled
        ? `${throttled} event(s) over the limit: ${detail}`
        : detail;
    return { message, details: { missing_field: body.missing_field } };
  },
  rows: [
    {
      status: 400,
      when: (error) => /invalid api[_ ]key/i.test(error.message),
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the project API key',
      scope: 'request',
      example: { status: 400, body: { code: 400, error: 'Invalid API key: 0123…' } },
    },
    {
      status: 400,
      when: (error) => typeof error.details?.['missing_field'] === 'string',
      outcome: { status: 'rejected', code: 'missing_field' },
      reason: 'rejected the request',
      scope: 'request',
      example: {
        status: 400,
        body: { code: 400, error: 'Request missing required field', missing_field: 'api_key' },
      },
    },
    {
      status: 413,
      outcome: { status: 'rejected', code: 'payload_too_large' },
      reason: 'refused a body over 1 MB',
      example: { status: 413, body: { code: 413, error: 'Payload too large' } },
    },
    {
      // Amplitude asks clients to pause about 30 s after a 429; a Retry-After header wins (parse-response.ts).
      status: 429,
      outcome: { status: 'retryable', retryAfterMs: THROTTLE_PAUSE_MS },
      reason: 'throttled the request (30 events/s per user or device, or daily quota)',
      example: {
        status: 429,
        body: { code: 429, error: 'Too many requests for some devices and users', throttled_events: [0] },
      },
    },
  ],
};
