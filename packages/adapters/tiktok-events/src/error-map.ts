import type { ErrorRow, ErrorTable, Outcome } from '@relay/core';
import { outcomeOfRow } from '@relay/core';

const PLATFORM = 'TikTok Events API';

const example = (code: number, message = 'Simulated') => ({
  status: 200,
  body: { code, message, request_id: 'req-1', data: {} },
});

const rows: ErrorRow[] = [
  {
    code: 40100, // too many requests (QPS / daily limit)
    outcome: { status: 'retryable' },
    reason: 'rate limit',
    example: example(40100, 'Too many requests'),
  },
  {
    // access token expired (40102), empty (40104), incorrect or revoked (40105): Events API
    // tokens are generated in Events Manager and have no refresh flow.
    code: [40102, 40104, 40105],
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'access token is invalid; generate a new one in Events Manager',
    example: example(40105, 'Access token is incorrect or has been revoked.'),
  },
  {
    code: 40001, // no permission for this pixel / advertiser
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'permission denied',
    example: example(40001, 'No permission'),
  },
  {
    code: 40002, // invalid parameters
    outcome: { status: 'rejected', code: 'invalid_params' },
    reason: 'rejected the batch',
    example: example(40002, 'data.0.event_time: invalid'),
  },
  {
    // 40700 is retried by peers (rudder-transformer) as a server error; 50000 system error; 50002 service error / timeout.
    code: [40700, 50000, 50002],
    outcome: { status: 'retryable' },
    reason: 'server error',
    example: example(50000, 'System error'),
  },
];

/** TikTok's `{code, message, request_id}` (sent with HTTP 200); message carries the request id. */
export const tiktokErrors: ErrorTable = {
  read: (response) => {
    const body = response.json as { code?: unknown; message?: unknown; request_id?: unknown } | undefined;
    if (typeof body !== 'object' || body === null || typeof body.code !== 'number' || body.code === 0)
      return undefined;
    const requestId =
      typeof body.request_id === 'string' && body.request_id ? ` [request_id ${body.request_id}]` : '';
    const message = `${typeof body.message === 'string' ? body.message : ''}${requestId}`.trim();
    return { code: body.code, message: `${message || 'no message'} (code ${body.code})` };
  },
  rows,
};

/**
 * TikTok Business API `code`s and their outcomes: the table's row, else rejected under the code
 * itself. `0` and `20001` (partial success) are handled by parse-response.
 */
export function outcomeForTiktokCode(code: number, message: string): Outcome {
  const detail = `${message || 'no message'} (code ${code})`;
  const row = rows.find((r) => (Array.isArray(r.code) ? r.code.includes(code) : r.code === code));
  if (row) return outcomeOfRow(row, { code, message: detail }, PLATFORM);
  return { status: 'rejected', code: `tiktok_${code}`, reason: `${PLATFORM} rejected the batch: ${detail}` };
}
