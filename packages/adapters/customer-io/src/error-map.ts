import type { Outcome } from '@relay/core';

/**
 * Customer.io's Track API answers with plain statuses: 401 means the site id / API key pair is
 * wrong (these keys never expire, so a person must fix it, not a refresh); 413 means the batch is
 * too large, which Relay's 500 KB limit prevents. Other statuses follow the default table.
 */
export function outcomeForCustomerIoStatus(status: number, detail: string): Outcome | undefined {
  if (status === 401)
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `Customer.io refused the Track API credentials (401): ${detail}`,
    };
  return undefined;
}
