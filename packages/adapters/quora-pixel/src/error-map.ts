import { type ErrorTable, type Outcome, excerpt, objectOf } from '@relay/core';

const PLATFORM = 'Quora Conversion API';

/** The message of an error body (`{error: {message}}`, `{error: "…"}` or `{message}`), if any. */
export function errorMessageOf(body: Record<string, unknown>): string | undefined {
  const error = body['error'];
  const message = typeof error === 'string' ? error : (objectOf(error)['message'] ?? body['message']);
  return typeof message === 'string' && message.trim() !== ''
    ? message.replace(/\s+/g, ' ').trim()
    : undefined;
}

/** Quora answers whose outcome differs from core's default for the HTTP status. */
export const quoraErrors: ErrorTable = {
  read: (response) => ({
    message:
      errorMessageOf(objectOf(response.json)) || excerpt(response.body, 300) || `HTTP ${response.status}`,
  }),
  rows: [
    {
      // Conversion API tokens are generated in Ads Manager and have no refresh flow.
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'token is invalid or revoked; generate a new one in Quora Ads Manager → Conversion API',
      example: { status: 401, body: { error: { message: 'Invalid access token' } } },
    },
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'says the token may not send conversions for this account (check account_id)',
      example: { status: 403, body: { error: { message: 'Permission denied for this account' } } },
    },
  ],
};

/** One item of the multi-status `events` array of a 200 answer. */
export interface QuoraEventStatus {
  status?: string;
  index?: number;
  error_code?: string;
  error_message?: string;
}

/** Outcome of an event Quora reports as not `OK` in a 200 multi-status answer. */
export function outcomeForQuoraEventError(result: QuoraEventStatus): Outcome {
  const message = result.error_message?.trim() || 'no error message';
  const code = result.error_code ? ` (${result.error_code})` : '';
  return {
    status: 'rejected',
    code: 'event_error',
    reason: `${PLATFORM} rejected the event: ${message}${code}`,
  };
}
