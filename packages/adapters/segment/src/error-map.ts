import type { Outcome } from '@relay/core';

const PLATFORM = 'Segment';

/**
 * Segment answers 200 to everything it accepts (events later dropped only show in the source
 * debugger). Overrides of core's default table: a write key cannot be refreshed, so 401/403 need
 * a person; 400 (invalid JSON or a batch over 500 kB) and 413 reject the request.
 */
export function outcomeForSegmentError(status: number, detail: string): Outcome | undefined {
  switch (status) {
    case 400:
      return {
        status: 'rejected',
        code: 'bad_request',
        reason: `${PLATFORM} rejected the batch (invalid JSON or over 500 kB): ${detail}`,
      };
    case 401:
    case 403:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the write key (${status}): ${detail}`,
      };
    case 413:
      return {
        status: 'rejected',
        code: 'payload_too_large',
        reason: `${PLATFORM} refused a batch over 500 kB: ${detail}`,
      };
  }
  return undefined;
}
