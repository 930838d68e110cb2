import { type ErrorTable, excerpt } from '@relay/core';

/** NextRoll's error object (`{errors: [{message, code?, field?}]}`, documented for its CRUD API). */
export interface AdrollError {
  message?: string;
  code?: number;
  field?: string;
}

/** `message (field x)` / `message (code n)` for each error, joined. */
export function describeAdrollErrors(errors: AdrollError[]): string {
  return errors
    .map((e) => {
      const where = e.field ? ` (field ${e.field})` : e.code !== undefined ? ` (code ${e.code})` : '';
      return `${e.message?.replace(/\s+/g, ' ').trim() || 'error'}${where}`;
    })
    .join('; ');
}

/** The `errors` list of a NextRoll error body, when there is one. */
export function adrollErrorsOf(json: unknown): AdrollError[] {
  if (typeof json !== 'object' || json === null) return [];
  const errors = (json as { errors?: unknown }).errors;
  return Array.isArray(errors)
    ? errors.filter((e): e is AdrollError => typeof e === 'object' && e !== null)
    : [];
}

/**
 * The S2S Event API documents no error codes of its own. One row overrides core's status table: a
 * 401 means the Server Access Token is wrong or revoked, and SATs are issued by the account manager
 * with no refresh flow, so a person must get a new one (core's default would ask for a refresh).
 * 403 (needs attention), 429/5xx (retry) and other 4xx (rejected) follow core's table, with
 * NextRoll's `errors` messages (else the body) as the detail.
 */
export const adrollErrors: ErrorTable = {
  read: (response) => {
    const errors = adrollErrorsOf(response.json);
    return {
      message:
        errors.length > 0
          ? describeAdrollErrors(errors)
          : excerpt(response.body, 300) || `HTTP ${response.status}`,
    };
  },
  rows: [
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the Server Access Token (401); ask the AdRoll account manager for a new one',
      scope: 'request',
      example: { status: 401, body: { errors: [{ message: 'Invalid token' }] } },
    },
  ],
};
