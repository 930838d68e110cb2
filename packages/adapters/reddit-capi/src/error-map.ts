import {
  type ErrorRow,
  type ErrorTable,
  type HttpResponse,
  type PlatformErrorInfo,
  objectOf,
} from '@relay/core';

/** Reddit's error body: v3 `{error: {code, message, fields}}`; older answers use `reason` + `explanation`. */
export interface RedditError {
  code?: number;
  message?: string;
  reason?: string;
  explanation?: string;
  fields?: Array<{ field?: string; message?: string }>;
}

/** The error's text: message, else explanation, else reason. */
export function describeRedditError(error: RedditError): string {
  const text = error.message ?? error.explanation ?? error.reason;
  return text?.replace(/\s+/g, ' ').trim() || 'no message';
}

/** Reddit's answer when any event of a batch is invalid: "There were N invalid conversion events. None were processed." */
export const INVALID_EVENTS_MESSAGE = /invalid conversion events/i;

/** The error object of a Reddit answer (`{error: {...}}`), or a plain-text body as its message. */
export function redditErrorOf(response: HttpResponse): RedditError {
  const error = objectOf(objectOf(response.json)['error']);
  const out: RedditError = {};
  if (typeof error['code'] === 'number') out.code = error['code'];
  for (const key of ['message', 'reason', 'explanation'] as const) {
    if (typeof error[key] === 'string') out[key] = error[key];
  }
  if (Array.isArray(error['fields'])) {
    out.fields = error['fields'].map((f) => objectOf(f)) as RedditError['fields'];
  }
  if (out.message === undefined && out.explanation === undefined && out.reason === undefined) {
    const text = response.json === undefined ? response.body.trim() : '';
    if (text) out.message = text.slice(0, 300);
  }
  return out;
}

const example = (status: number, message: string) => ({
  status,
  body: { error: { code: status, message } },
});

const rows: ErrorRow[] = [
  {
    // One invalid event refuses the batch; parse-response rejects the events its `fields` name,
    // else core isolates them (batch.atomic).
    status: 400,
    when: (error) => INVALID_EVENTS_MESSAGE.test(error.message),
    outcome: { status: 'rejected', code: 'invalid_events' },
    reason: 'refused the batch (no event was processed)',
    example: example(400, 'There were 1 invalid conversion events. None were processed.'),
  },
  {
    // "No bearer token provided" / "UNAUTHORIZED". Conversion access tokens do not expire and
    // have no refresh flow: a 401 means the token was deleted or mistyped.
    status: 401,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason:
      'conversion access token is invalid or was deleted; generate a new one in Events Manager → Conversions API',
    scope: 'request',
    example: example(401, 'UNAUTHORIZED'),
  },
  {
    // "You're not authorized to post conversions to Pixel ID …" / "Missing adsconversions scope …".
    status: 403,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason:
      'says the token may not post conversions to this pixel (check pixel_id and that the token belongs to its business)',
    scope: 'request',
    example: example(403, "You're not authorized to post conversions to Pixel ID a2_fxrm3nc6eisf"),
  },
  {
    status: 404,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'found no such pixel; check pixel_id',
    scope: 'request',
    example: example(404, 'Not Found'),
  },
];

/**
 * Reddit answers whose outcome differs from core's default for the HTTP status, first match
 * wins; other answers fall back to the status. The conformance kit parses each row's example.
 */
export const redditErrors: ErrorTable = {
  read: (response) => {
    const error = redditErrorOf(response);
    const info: PlatformErrorInfo = { message: describeRedditError(error) };
    if (error.code !== undefined) info.code = error.code;
    return info;
  },
  rows,
};
