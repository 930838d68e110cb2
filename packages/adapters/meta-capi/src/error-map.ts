import { type ErrorRow, type ErrorTable, type PlatformErrorInfo, codeRange } from '@relay/core';

/** Meta's Graph API error object (`{ error: {...} }`). */
export interface MetaError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/** The human part of a Meta error: the user message when Meta gives one, else the message. */
export function describeMetaError(error: MetaError): string {
  const parts = [error.error_user_title, error.error_user_msg ?? error.message].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  const codes = `code ${error.code ?? '?'}${error.error_subcode ? `/${error.error_subcode}` : ''}`;
  return `${parts.join(': ') || 'no message'} (${codes}${error.fbtrace_id ? `, fbtrace_id ${error.fbtrace_id}` : ''})`;
}

/** The `error` object of a Meta answer, when it has one. */
export function metaErrorOf(json: unknown): MetaError | undefined {
  const error = (json as { error?: unknown } | null | undefined)?.error;
  return typeof error === 'object' && error !== null ? (error as MetaError) : undefined;
}

const example = (code: number, subcode?: number, extra: Record<string, unknown> = {}) => ({
  status: 400,
  body: {
    error: {
      message: 'Invalid parameter',
      type: 'OAuthException',
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
      fbtrace_id: 'AbC123',
      ...extra,
    },
  },
});

/** Throttling codes: app (4), user (17), pages (32), per-call (613), ads account/BUC (80000–80014), app limit (341). */
const THROTTLED = [4, 17, 32, 341, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80014];

const rows: ErrorRow[] = [
  {
    code: THROTTLED,
    outcome: { status: 'retryable' },
    reason: 'is throttling',
    example: example(80004),
  },
  {
    // Unknown error (1), service unavailable (2).
    code: [1, 2],
    outcome: { status: 'retryable' },
    reason: 'temporary error',
    example: example(2),
  },
  {
    // System-user tokens have no refresh flow: a person must generate a new one.
    code: [190, 102],
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'access token is expired or invalid; generate a new one in Events Manager',
    example: example(190, 463),
  },
  {
    // 3 (capability), 10 and 200–299 (permission), 294: fixed in Business Manager.
    code: [3, 10, ...codeRange(200, 299)],
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'permission denied',
    example: example(200),
  },
  {
    code: 100,
    subcode: 33,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'cannot use this pixel id: it does not exist or is not shared with the token',
    example: example(100, 33),
  },
  {
    // An event_time older than seven days (core refuses from 7 d − 1 h, so only clock skew gets here).
    code: 100,
    subcode: 2804003,
    outcome: { status: 'rejected', code: 'event_too_old' },
    reason: 'says an event is too old',
    example: example(100, 2804003, {
      error_user_title: 'Event Timestamp Too Old',
      error_user_msg: 'The timestamp for this event is older than 7 days.',
    }),
  },
  {
    // Any invalid event refuses the whole request; core isolates it (batch.atomic).
    code: 100,
    outcome: { status: 'rejected', code: 'invalid_parameter' },
    reason: 'rejected the batch',
    example: example(100, 2804050, { error_user_msg: 'Missing user_data parameters.' }),
  },
  {
    when: (error) => error.details?.['is_transient'] === true,
    outcome: { status: 'retryable' },
    reason: 'transient error',
    example: example(9999, undefined, { is_transient: true }),
  },
];

/**
 * Meta's error answers (the error code overrides the HTTP status: Meta sends throttling as
 * HTTP 400), first match wins; unknown codes fall back to the HTTP status. The conformance kit
 * parses each row's example.
 */
export const metaErrors: ErrorTable = {
  read: (response) => {
    const error = metaErrorOf(response.json);
    if (!error) return undefined;
    const info: PlatformErrorInfo = {
      message: describeMetaError(error),
      details: { is_transient: error.is_transient },
    };
    if (error.code !== undefined) info.code = error.code;
    if (error.error_subcode !== undefined) info.subcode = error.error_subcode;
    return info;
  },
  rows,
};
