import { type ErrorTable, excerpt } from '@relay/core';

const example = (status: number, text: string) => ({ status, body: text });

/**
 * Segment answers 200 to everything it accepts (events later dropped only show in the source
 * debugger). Overrides of core's default table: a write key cannot be refreshed, so 401/403 need
 * a person; 400 (invalid JSON or a batch over 500 kB) and 413 reject the request. The error is
 * the body's text.
 */
export const segmentErrors: ErrorTable = {
  read: (response) => ({ message: excerpt(response.body, 300) || `HTTP ${response.status}` }),
  rows: [
    {
      status: 400,
      outcome: { status: 'rejected', code: 'bad_request' },
      reason: 'rejected the batch (invalid JSON or over 500 kB)',
      example: example(400, 'Bad Request'),
    },
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the write key (401)',
      example: example(401, 'Unauthorized'),
    },
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the write key (403)',
      example: example(403, 'Forbidden'),
    },
    {
      status: 413,
      outcome: { status: 'rejected', code: 'payload_too_large' },
      reason: 'refused a batch over 500 kB',
      example: example(413, 'Request Entity Too Large'),
    },
  ],
};
