import { type ErrorTable, excerpt, objectOf } from '@relay/core';

/** Yahoo's own message in an answer: `message`, `error_description` or `error`; `undefined` when none. */
export function messageOf(json: unknown): string | undefined {
  const body = objectOf(json);
  const error = objectOf(body['error']);
  for (const candidate of [body['message'], body['error_description'], error['message'], body['error']]) {
    if (typeof candidate === 'string' && candidate.trim() !== '')
      return candidate.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/**
 * HTTP answers of the Conversion API that need a more specific outcome than core's default
 * table (Yahoo documents no error codes). A 403 means the token is valid but this client may not
 * post to this pixel: only Yahoo can fix it (parse-response's `withPixel` adds the credential's
 * pixel id to the reason). Everything else follows core's table (401 fetches a new token).
 */
export const yahooErrors: ErrorTable = {
  read: (response) => ({
    message: messageOf(response.json) ?? (excerpt(response.body, 300) || `HTTP ${response.status}`),
  }),
  rows: [
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason:
        'refused the pixel for this client (403); ask the Yahoo account team to allow-list the pixel id for these OAuth credentials',
      scope: 'request',
      example: { status: 403, body: { message: 'Forbidden' } },
    },
  ],
};
