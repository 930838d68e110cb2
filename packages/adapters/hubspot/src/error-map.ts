import { type ErrorRow, type ErrorTable, excerpt } from '@relay/core';

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

/** `message; detail; detail (correlation id …)` for reasons. */
export function describeHubspotError(error: HubspotError, fallback: string): string {
  const details = (error.errors ?? [])
    .map((e) => e.message?.trim())
    .filter((m): m is string => Boolean(m) && m !== error.message?.trim());
  const text = [error.message?.trim() || fallback, ...details].join('; ').replace(/\s+/g, ' ');
  return error.correlationId ? `${text} (correlation id ${error.correlationId})` : text;
}

const example = (status: number, category: string, message: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: {
    status: 'error',
    category,
    message,
    correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf',
    ...extra,
  },
});

const TOKEN_REFUSED = 'refused the private app access token; create or rotate it in HubSpot';
const SEND_DENIED =
  'denied the send (403): the token needs the analytics.behavioral_events.send scope and the account an Enterprise hub';
const VALIDATION = 'refused the event (check that the event and each property exist on its definition)';
const NOT_FOUND = 'found no such event definition (check options.eventMap and portal_id)';

/**
 * HubSpot's error answers (developers.hubspot.com/docs/api/error-handling), by HTTP status or by
 * `category`, first match wins; anything else falls to core's status table (429/5xx retry with
 * Retry-After, other 4xx reject). A private app token has no refresh flow, so 401 needs a person;
 * 403 is a token without the `analytics.behavioral_events.send` scope or an account without
 * custom events. A 400 refuses the whole request: the batch is all-or-nothing, so core isolates
 * the refused occurrence. Every occurrence of a request shares one event name, so an unknown
 * event definition (404) fails every half the same way: it is about the request.
 */
const rows: ErrorRow[] = [
  {
    status: 401,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: TOKEN_REFUSED,
    scope: 'request',
    example: example(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.'),
  },
  {
    code: ['INVALID_AUTHENTICATION', 'EXPIRED_AUTHENTICATION'],
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: TOKEN_REFUSED,
    scope: 'request',
    example: example(400, 'EXPIRED_AUTHENTICATION', 'The token is expired.'),
  },
  {
    status: 403,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: SEND_DENIED,
    scope: 'request',
    example: example(403, 'MISSING_SCOPES', "This app hasn't been granted all required scopes"),
  },
  {
    code: 'MISSING_SCOPES',
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: SEND_DENIED,
    scope: 'request',
    example: example(400, 'MISSING_SCOPES', "This app hasn't been granted all required scopes"),
  },
  {
    status: 429,
    outcome: { status: 'retryable' },
    reason: 'rate limit',
    example: example(429, 'RATE_LIMITS', 'You have reached your secondly limit.', { policyName: 'SECONDLY' }),
  },
  {
    code: 'RATE_LIMITS',
    outcome: { status: 'retryable' },
    reason: 'rate limit',
    example: example(400, 'RATE_LIMITS', 'You have reached your daily limit.', { policyName: 'DAILY' }),
  },
  {
    status: 400,
    outcome: { status: 'rejected', code: 'validation_error' },
    reason: VALIDATION,
    example: example(400, 'VALIDATION_ERROR', 'Invalid input', {
      errors: [{ message: "Property 'value' does not exist on event pe1234567_purchase", in: 'properties' }],
    }),
  },
  {
    code: 'VALIDATION_ERROR',
    outcome: { status: 'rejected', code: 'validation_error' },
    reason: VALIDATION,
    example: example(422, 'VALIDATION_ERROR', 'Invalid input'),
  },
  {
    status: 404,
    outcome: { status: 'rejected', code: 'not_found' },
    reason: NOT_FOUND,
    scope: 'request',
    example: example(404, 'OBJECT_NOT_FOUND', 'Event definition not found'),
  },
  {
    code: 'OBJECT_NOT_FOUND',
    outcome: { status: 'rejected', code: 'not_found' },
    reason: NOT_FOUND,
    scope: 'request',
    example: example(422, 'OBJECT_NOT_FOUND', 'Event definition not found'),
  },
];

const errorOf = (json: unknown): HubspotError =>
  typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as HubspotError) : {};

/** HubSpot's error body: `code` is its `category`; a rate-limit answer's policy ends the message. */
export const hubspotErrors: ErrorTable = {
  read(response) {
    const error = errorOf(response.json);
    const policy = error.policyName ? ` (policy ${error.policyName})` : '';
    const message = `${describeHubspotError(error, excerpt(response.body, 300) || `HTTP ${response.status}`)}${policy}`;
    return error.category === undefined ? { message } : { code: error.category, message };
  },
  rows,
};
