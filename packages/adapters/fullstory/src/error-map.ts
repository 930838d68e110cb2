import { type ErrorTable, objectOf } from '@relay/core';

/** FullStory's error text from an answer body (`{code, message}`): `message (code)`, if any. */
export function fullstoryMessage(body: Record<string, unknown>): string | undefined {
  const { message, code } = body;
  if (typeof message !== 'string' || message === '') return undefined;
  return code === undefined ? message : `${message} (${String(code)})`;
}

/**
 * FullStory answers whose outcome differs from core's default for the HTTP status; anything else
 * is core's, with FullStory's message. A 409 means the `Idempotency-Key` was already used for this
 * event: it was recorded before, so it is delivered (FullStory's idempotency, not a conflict to
 * retry), with the answer kept as a warning.
 */
export const fullstoryErrors: ErrorTable = {
  read: (response) => {
    const body = objectOf(response.json);
    const code = body['code'];
    return {
      message: (typeof body['message'] === 'string' && body['message']) || `HTTP ${response.status}`,
      ...((typeof code === 'string' || typeof code === 'number') && { code }),
    };
  },
  rows: [
    {
      status: 409,
      outcome: { status: 'delivered' },
      reason: 'already recorded this event (idempotency key reused)',
      example: { status: 409, body: { code: 'conflict', message: 'idempotency key already used' } },
    },
  ],
};
