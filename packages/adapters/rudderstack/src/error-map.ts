import { type ErrorTable, excerpt } from '@relay/core';

const example = (status: number, text: string) => ({ status, body: text });

/**
 * rudder-server's gateway answers in plain text (`OK`, `Invalid Write Key`, `Source is
 * disabled`…). Overrides of core's default table: a write key cannot be refreshed, so 401 needs a
 * person, and so does 404 (the source is disabled, or the URL is not a data plane); 400 (invalid
 * JSON, empty batch, a message without userId/anonymousId) and 413 refuse the whole batch.
 * Other statuses are core's (429 and 5xx retry, other 4xx reject).
 */
export const rudderstackErrors: ErrorTable = {
  read: (response) => ({ message: excerpt(response.body, 300) || `HTTP ${response.status}` }),
  rows: [
    {
      status: 400,
      outcome: { status: 'rejected', code: 'bad_request' },
      reason: 'refused the batch',
      example: example(400, 'Invalid request body'),
    },
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the write key (401)',
      example: example(401, 'Invalid Write Key'),
    },
    {
      status: 404,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'answered 404 (source disabled, or the data plane URL is wrong)',
      example: example(404, 'Source is disabled'),
    },
    {
      status: 413,
      outcome: { status: 'rejected', code: 'payload_too_large' },
      reason: 'refused the batch as over its size limit',
      example: example(413, 'Request size too large'),
    },
  ],
};
