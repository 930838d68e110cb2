import { type Outcome, excerpt, objectOf } from '@relay/core';

const PLATFORM = 'Treasure Data';

/** The error text of an answer: its JSON `message` or `error`, else the body itself (trimmed). */
export function errorDetailOf(json: unknown, body: string): string | undefined {
  const object = objectOf(json);
  for (const key of ['message', 'error']) {
    const value = object[key];
    if (typeof value === 'string' && value.trim() !== '') return excerpt(value, 300);
  }
  return body.trim() === '' ? undefined : excerpt(body, 300);
}

/**
 * Statuses of the Data Ingestion API that get a more specific outcome than core's table:
 * - 401 / 403: the write key is refused (wrong key, not write-capable, another region's
 *   account): needs a person;
 * - 404: no such database or table (the API only writes into existing tables);
 * - 413: the batch or a record is over the limits (5 MB per batch, 1 MB per record).
 * `undefined` leaves the status to core (429/5xx retry, other 4xx reject).
 */
export function outcomeForTreasureDataStatus(
  status: number,
  detail: string | undefined,
  target: string,
): Outcome | undefined {
  const why = detail ?? 'no error detail';
  if (status === 401 || status === 403)
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the write key (${status}); give a write-only API key of the account that owns ${target}, in the right region: ${why}`,
    };
  if (status === 404)
    return {
      status: 'rejected',
      code: 'table_not_found',
      reason: `${PLATFORM} has no ${target}; create the database and table first (the Ingest API writes only into existing tables): ${why}`,
    };
  if (status === 413)
    return {
      status: 'rejected',
      code: 'payload_too_large',
      reason: `${PLATFORM} refused the batch as too large (limits: 5 MB per batch, 1 MB per record): ${why}`,
    };
  return undefined;
}
