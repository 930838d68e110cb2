import type { Outcome } from '@relay/core';

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

/** Throttling codes: app (4), user (17), pages (32), per-call (613), ads account/BUC (80000–80014), app limit (341). */
const THROTTLED = new Set([
  4, 17, 32, 341, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80014,
]);
/** Temporary failures on Meta's side: unknown error (1), service unavailable (2). */
const TEMPORARY = new Set([1, 2]);
/** Permission problems a person must fix in Business Manager: 3 (capability), 10 and 200–299 (permission), 294. */
const PERMISSION = (code: number) =>
  code === 3 || code === 10 || code === 294 || (code >= 200 && code <= 299);
/** `code 100` sub-codes that say the pixel id is wrong or not shared with the token's system user. */
const OBJECT_NOT_ACCESSIBLE = new Set([33]);
/** `code 100` sub-code for an `event_time` older than seven days. */
const EVENT_TOO_OLD = 2804003;

const PLATFORM = 'Meta Conversions API';

/** The human part of a Meta error: the user message when Meta gives one, else the message. */
export function describeMetaError(error: MetaError): string {
  const parts = [error.error_user_title, error.error_user_msg ?? error.message].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  const codes = `code ${error.code ?? '?'}${error.error_subcode ? `/${error.error_subcode}` : ''}`;
  return `${parts.join(': ') || 'no message'} (${codes}${error.fbtrace_id ? `, fbtrace_id ${error.fbtrace_id}` : ''})`;
}

/**
 * Meta error codes that override the HTTP status's default outcome (Meta sends throttling as
 * HTTP 400). `undefined` when the code is not in the table. Each row has a parse test.
 */
export function outcomeForMetaError(error: MetaError): Outcome | undefined {
  const { code, error_subcode: subcode } = error;
  const detail = describeMetaError(error);
  if (code === undefined) return undefined;
  if (THROTTLED.has(code)) return { status: 'retryable', reason: `${PLATFORM} is throttling: ${detail}` };
  if (TEMPORARY.has(code)) return { status: 'retryable', reason: `${PLATFORM} temporary error: ${detail}` };
  if (code === 190 || code === 102) {
    // System-user tokens have no refresh flow: a person must generate a new one.
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} access token is expired or invalid; generate a new one in Events Manager: ${detail}`,
    };
  }
  if (PERMISSION(code)) {
    return { status: 'auth', kind: 'needs-attention', reason: `${PLATFORM} permission denied: ${detail}` };
  }
  if (code === 100 && subcode !== undefined && OBJECT_NOT_ACCESSIBLE.has(subcode)) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM}: the pixel id does not exist or is not shared with this token: ${detail}`,
    };
  }
  if (code === 100 && subcode === EVENT_TOO_OLD) {
    return { status: 'rejected', code: 'event_too_old', reason: `${PLATFORM}: ${detail}` };
  }
  if (code === 100) {
    return {
      status: 'rejected',
      code: 'invalid_parameter',
      reason: `${PLATFORM} rejected the batch: ${detail}`,
    };
  }
  if (error.is_transient === true) {
    return { status: 'retryable', reason: `${PLATFORM} transient error: ${detail}` };
  }
  return undefined;
}
