import { type ErrorTable, codeRange, objectOf } from '@relay/core';

/** Kochava's error text from an answer body (`error`, `message` or `msg`), if any. */
export function kochavaMessage(body: Record<string, unknown>): string | undefined {
  for (const key of ['error', 'message', 'msg']) {
    const value = body[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/**
 * Kochava answers whose outcome differs from core's default for the HTTP status; anything else is
 * core's, with Kochava's message:
 * - a 2xx whose body says `success: "0"` (or `false`): the event was not recorded, rejected
 *   `kochava_error` with Kochava's message;
 * - 401/403: auth needs-attention. The endpoint takes no credential, so there is nothing to refresh:
 *   check `kochava_app_id`.
 */
export const kochavaErrors: ErrorTable = {
  read: (response) => {
    const body = objectOf(response.json);
    return {
      message: kochavaMessage(body) ?? `HTTP ${response.status}`,
      details: { success: body['success'] },
    };
  },
  rows: [
    {
      status: codeRange(200, 299),
      when: (error) => ['0', 0, false].includes(error.details?.['success'] as string | number | boolean),
      outcome: { status: 'rejected', code: 'kochava_error' },
      reason: 'did not record the event',
      example: { status: 200, body: { success: '0', error: 'Invalid kochava_app_id' } },
    },
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the request (401); check kochava_app_id',
      scope: 'request',
      example: { status: 401, body: { error: 'Unauthorized' } },
    },
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the request (403); check kochava_app_id',
      scope: 'request',
      example: { status: 403, body: { error: 'Forbidden' } },
    },
  ],
};
