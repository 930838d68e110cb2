import type { Outcome } from '@relay/core';

const PLATFORM = 'Snapchat Conversions API';

/** Snap's `errors: { codes[], error_msgs[] }`. */
export interface SnapErrorDetails {
  codes?: unknown[];
  error_msgs?: unknown[];
}

/** Snap's error details as one line: `msg1; msg2 (codes A, B)`. */
export function describeSnapErrors(errors: SnapErrorDetails | undefined, fallback = 'no details'): string {
  const messages = (errors?.error_msgs ?? []).map(String).filter((m) => m !== '');
  const codes = (errors?.codes ?? []).map(String).filter((c) => c !== '');
  const text = messages.join('; ') || fallback;
  return codes.length > 0 ? `${text} (codes ${codes.join(', ')})` : text;
}

/** The event Snap named as invalid. */
export function invalidEventOutcome(detail: string): Outcome {
  return { status: 'rejected', code: 'invalid_event', reason: `${PLATFORM} rejected the event: ${detail}` };
}

/**
 * Another event of a request that Snap refused because of one invalid event: retried without it
 * (resending is safe: Snap deduplicates by `event_id`).
 */
export function collateralOutcome(invalidIndex: number): Outcome {
  return {
    status: 'retryable',
    reason: `${PLATFORM} refused the request because event #${invalidIndex} of it was invalid; this event is sent again`,
  };
}

/** A request refused as INVALID without naming an event: every event is rejected. */
export function invalidRequestOutcome(detail: string): Outcome {
  return {
    status: 'rejected',
    code: 'invalid_request',
    reason: `${PLATFORM} rejected the request: ${detail}`,
  };
}
