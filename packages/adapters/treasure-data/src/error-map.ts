import { type ErrorRow, type ErrorTable, excerpt, objectOf } from '@relay/core';

/** The error text of an answer: its JSON `message` or `error`, else the body itself (trimmed). */
export function errorDetailOf(json: unknown, body: string): string | undefined {
  const object = objectOf(json);
  for (const key of ['message', 'error']) {
    const value = object[key];
    if (typeof value === 'string' && value.trim() !== '') return excerpt(value, 300);
  }
  return body.trim() === '' ? undefined : excerpt(body, 300);
}

const KEY_FIX = 'give a write-only API key of the account that owns the table, in the right region';

const keyRefused = (status: 401 | 403): ErrorRow => ({
  status,
  outcome: { status: 'auth', kind: 'needs-attention' },
  reason: `refused the write key (${status}); ${KEY_FIX}`,
  scope: 'request',
  example: { status, body: { message: status === 401 ? 'Unauthorized' : 'Forbidden' } },
});

/**
 * Statuses of the Data Ingestion API that get a more specific outcome than core's table (the
 * credential's table and region are added to the reason by parse-response's `withTarget`):
 * - 401 / 403: the write key is refused (wrong key, not write-capable, another region's
 *   account): needs a person;
 * - 404: no such database or table (the API only writes into existing tables);
 * - 413: the batch or a record is over the limits (5 MB per batch, 1 MB per record).
 * Any other answer falls back to core's status table (429/5xx retry, other 4xx reject) with the
 * body's text.
 */
export const treasureDataErrors: ErrorTable = {
  read: (response) => ({
    message: errorDetailOf(response.json, response.body) ?? `HTTP ${response.status}`,
  }),
  rows: [
    keyRefused(401),
    keyRefused(403),
    {
      status: 404,
      outcome: { status: 'rejected', code: 'table_not_found' },
      reason:
        'has no such database or table; create the database and table first (the Ingest API writes only into existing tables)',
      scope: 'request',
      example: { status: 404, body: { error: 'Resource not found' } },
    },
    {
      status: 413,
      outcome: { status: 'rejected', code: 'payload_too_large' },
      reason: 'refused the batch as too large (limits: 5 MB per batch, 1 MB per record)',
      example: { status: 413, body: 'Request Entity Too Large' },
    },
  ],
};
