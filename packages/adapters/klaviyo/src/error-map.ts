import type { Outcome } from '@relay/core';

/** One item of Klaviyo's JSON:API `errors` array. */
export interface KlaviyoError {
  id?: string;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

const PLATFORM = 'Klaviyo';

/** `detail (code, at /data/attributes/…)` for reasons. */
export function describeKlaviyoErrors(errors: KlaviyoError[]): string {
  if (errors.length === 0) return 'no error detail';
  return errors
    .map((e) => {
      const text = (e.detail || e.title || 'no detail').replace(/\s+/g, ' ').trim();
      const where = [e.code, e.source?.pointer ?? e.source?.parameter].filter(Boolean).join(', at ');
      return where ? `${text} (${where})` : text;
    })
    .join('; ');
}

/**
 * Klaviyo error codes and statuses that override core's default table. Private API keys have no
 * refresh flow, so 401 needs a person (a new key); 403 is a key without the `events:write`
 * scope. `undefined` leaves the status to core (429/5xx retry with Retry-After, 4xx reject).
 */
export function outcomeForKlaviyoError(status: number, errors: KlaviyoError[]): Outcome | undefined {
  const detail = describeKlaviyoErrors(errors);
  const codes = new Set(errors.map((e) => e.code));
  if (status === 401 || codes.has('not_authenticated') || codes.has('authentication_failed')) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the private API key; create a new key with the events:write scope: ${detail}`,
    };
  }
  if (status === 403 || codes.has('permission_denied')) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} private API key lacks the events:write scope: ${detail}`,
    };
  }
  if (status === 429 || codes.has('throttled')) {
    return {
      status: 'retryable',
      reason: `${PLATFORM} rate limit (350/s burst, 3500/min steady): ${detail}`,
    };
  }
  if (status === 400) {
    return {
      status: 'rejected',
      code: codes.has('invalid') ? 'invalid' : 'bad_request',
      reason: `${PLATFORM} rejected the event: ${detail}`,
    };
  }
  return undefined;
}
