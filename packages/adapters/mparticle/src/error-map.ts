import { type ErrorTable, excerpt } from '@relay/core';

/** mParticle's optional error body: `{errors: [{code, message}]}`. */
export interface MparticleError {
  code?: string;
  message?: string;
}

/** `message (CODE); …` for reasons. */
export function describeMparticleErrors(errors: MparticleError[]): string {
  return errors
    .map((e) => {
      const text = (e.message ?? '').replace(/\s+/g, ' ').trim();
      return e.code ? `${text || 'no detail'} (${e.code})` : text;
    })
    .filter(Boolean)
    .join('; ');
}

const errorsOf = (json: unknown): MparticleError[] => {
  const errors = (json as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors)
    ? errors.filter((e): e is MparticleError => typeof e === 'object' && e !== null)
    : [];
};

const example = (status: number, code: string, message: string) => ({
  status,
  body: { errors: [{ code, message }] },
});

/**
 * mParticle statuses that override core's default table. A key and secret cannot be refreshed,
 * so 401 (header missing) and 403 (key or secret wrong) need a person; 400 (malformed JSON or a
 * missing field) and 413 refuse the whole request. Other statuses are core's (429 with
 * Retry-After and 5xx retry, other 4xx reject).
 */
export const mparticleErrors: ErrorTable = {
  read: (response) => ({
    message:
      describeMparticleErrors(errorsOf(response.json)) ||
      excerpt(response.body, 300) ||
      `HTTP ${response.status}`,
  }),
  rows: [
    {
      status: 400,
      outcome: { status: 'rejected', code: 'bad_request' },
      reason: 'refused the request',
      example: example(400, 'BAD_REQUEST', 'The request body is not valid JSON'),
    },
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'found no valid Basic authentication (401)',
      example: example(401, 'UNAUTHORIZED', 'Authorization header is missing'),
    },
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the key and secret (403); check them and the pod',
      example: example(403, 'FORBIDDEN', 'Invalid API key or secret'),
    },
    {
      status: 413,
      outcome: { status: 'rejected', code: 'payload_too_large' },
      reason: 'refused the request as too large',
      example: example(413, 'PAYLOAD_TOO_LARGE', 'Request entity too large'),
    },
  ],
};
