import { type ErrorTable, excerpt } from '@relay/core';

/**
 * Customer.io's Track API answers with plain statuses (customer.io/docs/api/track/#section/Errors):
 * 401 means the site id / API key pair is wrong (these keys never expire, so a person must fix
 * it, not a refresh); 413 means the batch is too large, which Relay's 500 KB limit prevents.
 * Other statuses follow core's default table.
 */
export const customerIoErrors: ErrorTable = {
  read: (response) => ({ message: excerpt(response.body, 300) || `HTTP ${response.status}` }),
  rows: [
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the Track API credentials (401)',
      scope: 'request',
      example: { status: 401, body: 'Unauthorized' },
    },
  ],
};
