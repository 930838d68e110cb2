import { type ErrorTable, codeRange, objectOf } from '@relay/core';

const PLATFORM = 'Criteo Events API';

/**
 * One entry of the answer's `errors` / `warnings` lists as text: a string as is, an object by
 * its `message` (with its `code` when there is one).
 */
export function describeCriteoMessage(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { message, code } = entry as { message?: unknown; code?: unknown };
  const text = typeof message === 'string' ? message.replace(/\s+/g, ' ').trim() : '';
  const label = typeof code === 'string' || typeof code === 'number' ? String(code) : '';
  if (text && label) return `${text} (${label})`;
  return text || label || undefined;
}

const messagesOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.map(describeCriteoMessage).filter((m): m is string => m !== undefined) : [];

/**
 * Criteo answers the S2S endpoint with 200 whatever the payload, listing problems in `errors`
 * and `warnings` (peer reports, unverified against a Criteo spec): any error in a 2xx answer
 * rejects the event. Other statuses are core's table (parse-response.ts).
 */
export const criteoErrors: ErrorTable = {
  read: (response) => {
    const errors = messagesOf(objectOf(response.json)['errors']);
    return errors.length > 0 ? { message: errors.join('; ') } : undefined;
  },
  rows: [
    {
      status: codeRange(200, 299),
      outcome: { status: 'rejected', code: 'criteo_error' },
      reason: 'refused the event',
      example: { status: 200, body: { errors: [{ message: 'Invalid account', code: 'INVALID_ACCOUNT' }] } },
    },
  ],
};

/** The warnings of a 2xx answer, for a delivered event. */
export const criteoWarningsOf = (body: Record<string, unknown>): string[] =>
  messagesOf(body['warnings']).map((w) => `${PLATFORM}: ${w}`);
