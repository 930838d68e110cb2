import type { Outcome } from '@relay/core';

/** NextRoll's error object (`{errors: [{message, code?, field?}]}`, documented for its CRUD API). */
export interface AdrollError {
  message?: string;
  code?: number;
  field?: string;
}

const PLATFORM = 'AdRoll S2S Event API';

/** `message (field x)` / `message (code n)` for each error, joined. */
export function describeAdrollErrors(errors: AdrollError[]): string {
  return errors
    .map((e) => {
      const where = e.field ? ` (field ${e.field})` : e.code !== undefined ? ` (code ${e.code})` : '';
      return `${e.message?.replace(/\s+/g, ' ').trim() || 'error'}${where}`;
    })
    .join('; ');
}

/**
 * The S2S Event API documents no error codes of its own. One row overrides core's status table: a
 * 401 means the Server Access Token is wrong or revoked, and SATs are issued by the account manager
 * with no refresh flow, so a person must get a new one (core's default would ask for a refresh).
 * 403 (needs attention), 429/5xx (retry) and other 4xx (rejected) follow core's table. Each row has
 * a parse test.
 */
export function outcomeForAdrollError(status: number, detail: string): Outcome | undefined {
  if (status === 401) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the Server Access Token (401); ask the AdRoll account manager for a new one: ${detail}`,
    };
  }
  return undefined;
}
