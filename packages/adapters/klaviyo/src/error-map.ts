import type { ErrorRow, ErrorTable, PlatformErrorInfo } from '@relay/core';

/** One item of Klaviyo's JSON:API `errors` array. */
export interface KlaviyoError {
  id?: string;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

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

/** Klaviyo's JSON:API `errors` of an answer (an empty list when it has none). */
export const klaviyoErrorsOf = (json: unknown): KlaviyoError[] => {
  const errors = (json as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors)
    ? errors.filter((e): e is KlaviyoError => typeof e === 'object' && e !== null)
    : [];
};

/** Any of the answer's errors has one of `codes`. */
const anyCode =
  (...codes: string[]) =>
  (error: PlatformErrorInfo) =>
    ((error.details?.['codes'] as string[] | undefined) ?? []).some((c) => codes.includes(c));

const example = (status: number, code: string, detail: string): ErrorRow['example'] => ({
  status,
  body: { errors: [{ id: 'e1', status, code, title: detail, detail, source: { pointer: '/data/' } }] },
});

const KEY_REFUSED = 'refused the private API key; create a new key with the events:write scope';
const NO_SCOPE = 'private API key lacks the events:write scope';
const RATE_LIMIT = 'rate limit (350/s burst, 3500/min steady)';

/**
 * Klaviyo answers that override core's default table (developers.klaviyo.com/en/docs/api_overview#errors),
 * by status or by the code of any of its errors, first match wins. Private API keys have no
 * refresh flow, so 401 needs a person (a new key); 403 is a key without the `events:write` scope.
 * Anything else is core's (429/5xx retry with Retry-After, 4xx reject).
 */
const rows: ErrorRow[] = [
  {
    status: 401,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: KEY_REFUSED,
    example: example(401, 'not_authenticated', 'Missing or invalid private key.'),
  },
  {
    when: anyCode('not_authenticated', 'authentication_failed'),
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: KEY_REFUSED,
    example: example(400, 'authentication_failed', 'Incorrect authentication credentials.'),
  },
  {
    status: 403,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: NO_SCOPE,
    example: example(403, 'permission_denied', 'You do not have permission to perform this action.'),
  },
  {
    when: anyCode('permission_denied'),
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: NO_SCOPE,
    example: example(400, 'permission_denied', 'You do not have permission to perform this action.'),
  },
  {
    status: 429,
    outcome: { status: 'retryable' },
    reason: RATE_LIMIT,
    example: example(429, 'throttled', 'Request was throttled. Expected available in 1 second.'),
  },
  {
    when: anyCode('throttled'),
    outcome: { status: 'retryable' },
    reason: RATE_LIMIT,
    example: example(400, 'throttled', 'Request was throttled. Expected available in 1 second.'),
  },
  {
    status: 400,
    when: anyCode('invalid'),
    outcome: { status: 'rejected', code: 'invalid' },
    reason: 'rejected the event',
    example: example(400, 'invalid', "'time' must be after 1990"),
  },
  {
    status: 400,
    outcome: { status: 'rejected', code: 'bad_request' },
    reason: 'rejected the event',
    example: { status: 400, body: { errors: [{ status: 400, detail: 'Malformed JSON' }] } },
  },
];

/** Klaviyo's `{errors: [...]}`: `code` the first error's, `details.codes` all of them. */
export const klaviyoErrors: ErrorTable = {
  read: (response) => {
    const errors = klaviyoErrorsOf(response.json);
    const codes = errors.flatMap((e) => (typeof e.code === 'string' ? [e.code] : []));
    return { message: describeKlaviyoErrors(errors), details: { codes } };
  },
  rows,
};
