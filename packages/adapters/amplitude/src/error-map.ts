import type { Outcome } from '@relay/core';

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

const PLATFORM = 'Amplitude';

/** Amplitude asks clients to pause about 30 s after a 429 when it sends no Retry-After. */
export const THROTTLE_PAUSE_MS = 30_000;

/**
 * Whole-request answers that override core's default table. `undefined` leaves the status to
 * core. The 400 that lists events by index is handled per event in parse-response.
 */
export function outcomeForAmplitudeError(status: number, body: AmplitudeErrorBody): Outcome | undefined {
  const detail = body.error ?? `HTTP ${status}`;
  if (status === 400 && /invalid api[_ ]key/i.test(detail)) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the project API key: ${detail}`,
    };
  }
  if (status === 400 && body.missing_field) {
    return {
      status: 'rejected',
      code: 'missing_field',
      reason: `${PLATFORM} rejected the request: ${detail} (missing ${body.missing_field})`,
    };
  }
  if (status === 413) {
    return {
      status: 'rejected',
      code: 'payload_too_large',
      reason: `${PLATFORM} refused a body over 1 MB: ${detail}`,
    };
  }
  if (status === 429) {
    const throttled = body.throttled_events?.length;
    return {
      status: 'retryable',
      reason: `${PLATFORM} throttled the request (30 events/s per user or device, or daily quota)${throttled ? `, ${throttled} event(s) over the limit` : ''}: ${detail}`,
      retryAfterMs: THROTTLE_PAUSE_MS,
    };
  }
  return undefined;
}
