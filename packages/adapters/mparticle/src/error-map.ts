import type { Outcome } from '@relay/core';

/** mParticle's optional error body: `{errors: [{code, message}]}`. */
export interface MparticleError {
  code?: string;
  message?: string;
}

const PLATFORM = 'mParticle';

/** `message (CODE); …` for reasons. */
export function describeMparticleErrors(errors: MparticleError[]): string {
  return errors
    .map((e) => {
      const text = (e.message ?? '').replace(/\s+/g, ' ').trim();
      return e.code ? `${text || 'no detail'} (${e.code})` : text;
    })
    .filter(Boolean)
    .join('; ');
}

/**
 * mParticle statuses that override core's default table. A key and secret cannot be refreshed,
 * so 401 (header missing) and 403 (key or secret wrong) need a person; 400 (malformed JSON or a
 * missing field) and 413 refuse the whole request. `undefined` leaves the status to core (429
 * with Retry-After and 5xx retry, other 4xx reject).
 */
export function outcomeForMparticleError(
  status: number,
  detail: string,
  batchCount: number,
): Outcome | undefined {
  const scope = batchCount > 1 ? ` (all ${batchCount} batches of the request)` : '';
  switch (status) {
    case 400:
      return {
        status: 'rejected',
        code: 'bad_request',
        reason: `${PLATFORM} refused the request${scope}: ${detail}`,
      };
    case 401:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} found no valid Basic authentication (401): ${detail}`,
      };
    case 403:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the key and secret (403); check them and the pod: ${detail}`,
      };
    case 413:
      return {
        status: 'rejected',
        code: 'payload_too_large',
        reason: `${PLATFORM} refused the request as too large${scope}: ${detail}`,
      };
  }
  return undefined;
}
