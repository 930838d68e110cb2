import { type ErrorTable, codeRange, objectOf } from '@relay/core';

/** Singular's `{"status": "ok" | "error", "reason": …}` answer, as an error when it is one. */
export const singularErrors: ErrorTable = {
  read: (response) => {
    const body = objectOf(response.json);
    const reason =
      typeof body['reason'] === 'string' && body['reason'].trim() ? body['reason'].trim() : undefined;
    const refused = typeof body['status'] === 'string' && body['status'].toLowerCase() === 'error';
    return { ...(refused ? { code: 'error' } : {}), message: reason ?? `HTTP ${response.status}` };
  },
  rows: [
    {
      // 200 with `{"status": "error", "reason": …}`: the event was refused.
      status: 200,
      code: 'error',
      outcome: { status: 'rejected', code: 'singular_error' },
      reason: 'refused the event',
      example: { status: 200, body: { status: 'error', reason: 'Invalid platform' } },
    },
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the request (401); check sdk_key',
      example: { status: 401, body: { status: 'error', reason: 'Invalid API key' } },
    },
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the request (403); check sdk_key',
      example: { status: 403, body: { status: 'error', reason: 'Forbidden' } },
    },
    {
      // Singular: "any other code means you should retry" (408, 429 and 5xx retry by core's table).
      status: codeRange(400, 499).filter((s) => s !== 408 && s !== 429),
      outcome: { status: 'retryable' },
      reason: 'answered a 4xx status, which Singular says to retry',
      example: { status: 400, body: {} },
    },
  ],
};
