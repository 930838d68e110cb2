import { type ErrorTable, type Outcome, type PlatformErrorInfo, excerpt } from '@relay/core';

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
 * Another event of a request that Snap refused because of one invalid event: `collateral`, so
 * core (`batch.atomic`) sends it again at once without the invalid one, spending no attempt
 * (resending is safe: Snap deduplicates by `event_id`).
 */
export function collateralOutcome(invalidIndex: number): Outcome {
  return {
    status: 'retryable',
    reason: `${PLATFORM} refused the request because event #${invalidIndex} of it was invalid; this event is sent again`,
    collateral: true,
  };
}

interface SnapBody {
  status?: unknown;
  reason?: unknown;
  errors?: SnapErrorDetails;
}

/**
 * Snap's error answers as data. An `INVALID` answer that names an event (`event: i`) or carries
 * `event_logs` is read per event by parse-response; one that names none is about the request.
 * A 401 needs a person: the credential is the long-lived Conversions API token an operator
 * generated in Business Manager, which Relay has no flow to refresh (core's default would ask for
 * a token refresh).
 */
export const snapErrors: ErrorTable = {
  read: (response): PlatformErrorInfo | undefined => {
    const body = (
      typeof response.json === 'object' && response.json !== null ? response.json : {}
    ) as SnapBody;
    const reason = typeof body.reason === 'string' ? body.reason : undefined;
    const invalid = String(body.status ?? '').toUpperCase() === 'INVALID';
    if (invalid) return { code: 'INVALID', message: describeSnapErrors(body.errors, reason) };
    if (body.errors) return { message: describeSnapErrors(body.errors, reason) };
    return { message: reason ?? (excerpt(response.body, 300) || `HTTP ${response.status}`) };
  },
  rows: [
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason:
        'refused the Conversions API token (401); generate a new one in Business Manager (Business Details, Conversions API Tokens) and replace it',
      scope: 'request',
      example: { status: 401, body: { status: 'INVALID', reason: 'Unauthorized request' } },
    },
    {
      // Snap names the event an INVALID answer is about (`event: i`, read in parse-response):
      // one that names none is about the request (a pixel, the token's scope), not halved.
      code: 'INVALID',
      outcome: { status: 'rejected', code: 'invalid_request' },
      reason: 'rejected the request',
      scope: 'request',
      example: {
        status: 400,
        body: { status: 'INVALID', reason: 'Invalid pixel', errors: { error_msgs: ['pixel not found'] } },
      },
    },
  ],
};
