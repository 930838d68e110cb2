import type { ErrorTable, Outcome } from '@relay/core';

/** HubSpot's error body (`Error` in its OpenAPI): `{category, message, correlationId, errors[], context}`. */
export interface HubspotError {
  category?: string;
  subCategory?: string;
  message?: string;
  correlationId?: string;
  errors?: Array<{ message?: string; code?: string; in?: string; context?: Record<string, unknown> }>;
  context?: Record<string, unknown>;
  /** Rate-limit answers name the limit that was hit (`TEN_SECONDLY_ROLLING`, `DAILY`…). */
  policyName?: string;
}

const PLATFORM = 'HubSpot';

/** `message; detail; detail (correlation id …)` for reasons. */
export function describeHubspotError(error: HubspotError, fallback: string): string {
  const details = (error.errors ?? [])
    .map((e) => e.message?.trim())
    .filter((m): m is string => Boolean(m) && m !== error.message?.trim());
  const text = [error.message?.trim() || fallback, ...details].join('; ').replace(/\s+/g, ' ');
  return error.correlationId ? `${text} (correlation id ${error.correlationId})` : text;
}

/**
 * HubSpot categories and statuses that override core's default table. A private app token has
 * no refresh flow, so 401 needs a person; 403 is a token without the
 * `analytics.behavioral_events.send` scope or an account without custom events. HubSpot takes or
 * refuses a request as a whole: a 400 rejects every event of the request (they share one event
 * name). `undefined` leaves the status to core (429/5xx retry with Retry-After, other 4xx reject).
 */
export function outcomeForHubspotError(
  status: number,
  error: HubspotError,
  detail: string,
  eventCount: number,
): Outcome | undefined {
  const category = error.category;
  if (status === 401 || category === 'INVALID_AUTHENTICATION' || category === 'EXPIRED_AUTHENTICATION') {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the private app access token; create or rotate it in HubSpot: ${detail}`,
    };
  }
  if (status === 403 || category === 'MISSING_SCOPES') {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} denied the send (403): the token needs the analytics.behavioral_events.send scope and the account an Enterprise hub: ${detail}`,
    };
  }
  if (status === 429 || category === 'RATE_LIMITS') {
    const policy = error.policyName ? ` (${error.policyName})` : '';
    return { status: 'retryable', reason: `${PLATFORM} rate limit${policy}: ${detail}` };
  }
  if (status === 400 || category === 'VALIDATION_ERROR') {
    const scope = eventCount > 1 ? ` (the whole batch of ${eventCount} events)` : '';
    return {
      status: 'rejected',
      code: 'validation_error',
      reason: `${PLATFORM} refused the event${scope}: ${detail}; check that the event and each property exist on its definition`,
    };
  }
  if (status === 404 || category === 'OBJECT_NOT_FOUND') {
    return {
      status: 'rejected',
      code: 'not_found',
      reason: `${PLATFORM} found no such event definition: ${detail}; check options.eventMap and portal_id`,
    };
  }
  return undefined;
}

/**
 * The HubSpot answers that are about the request, never about one occurrence: every occurrence of
 * a request shares one event name, so an unknown event definition fails every half the same way
 * and core gives it to every event instead of isolating.
 */
export const hubspotRequestErrors: ErrorTable = {
  read(response) {
    const error = (
      typeof response.json === 'object' && response.json !== null ? response.json : {}
    ) as HubspotError;
    return { code: error.category, message: describeHubspotError(error, `HTTP ${response.status}`) };
  },
  rows: [
    {
      status: 404,
      outcome: { status: 'rejected', code: 'not_found' },
      reason: 'found no such event definition',
      scope: 'request',
      example: {
        status: 404,
        body: { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Event definition not found' },
      },
    },
  ],
};
