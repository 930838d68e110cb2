import type { Outcome } from '@relay/core';

/** FullStory's error body: `{code, message}`. */
export interface FullstoryError {
  code?: string | number;
  message?: string;
}

/**
 * FullStory answers that override the HTTP status; each row has a parse test. A 409 means the
 * `Idempotency-Key` was already used for this event: it was recorded before, so it is delivered
 * (FullStory's idempotency, not a conflict to retry).
 */
export function outcomeForFullstoryError(status: number, error: FullstoryError): Outcome | undefined {
  if (status === 409) {
    return {
      status: 'delivered',
      warnings: [
        `FullStory already recorded this event (idempotency key reused): ${error.message ?? ''}`.trim(),
      ],
    };
  }
  return undefined;
}
