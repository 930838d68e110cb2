import type { ErrorRow, ErrorTable } from '@relay/core';

/** One entry of a strict-mode 400's `failed_records`. */
export interface MixpanelFailedRecord {
  index?: number;
  $insert_id?: string;
  insert_id?: string;
  field?: string;
  message?: string;
}

/** Mixpanel's `/import` answer body. */
export interface MixpanelImportBody {
  code?: number;
  status?: string;
  error?: string;
  num_records_imported?: number;
  failed_records?: MixpanelFailedRecord[];
}

export const describeFailedRecord = (r: MixpanelFailedRecord): string =>
  [r.field, r.message].filter(Boolean).join(': ') || 'failed validation';

const example = (status: number, error: string) => ({
  status,
  body: { code: status, status: 'error', error },
});

/**
 * Statuses whose meaning on `/import` differs from core's default table. 401/403: a service
 * account has no refresh flow, a person must fix it. 413: the body is too large, sending it
 * again cannot succeed. The 400 with `failed_records` (partial success) is read per event in
 * parse-response; a 400 without them is this table's.
 */
const rows: ErrorRow[] = [
  {
    status: 400,
    outcome: { status: 'rejected', code: 'bad_request' },
    reason: 'rejected the request',
    example: example(400, 'Invalid JSON'),
  },
  {
    status: 401,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'refused the service account credentials',
    example: example(401, 'Invalid credentials'),
  },
  {
    status: 403,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'service account has no access to this project (needs Owner or Admin)',
    example: example(403, 'service account does not have access to project'),
  },
  {
    status: 413,
    outcome: { status: 'rejected', code: 'payload_too_large' },
    reason: 'refused the body as too large',
    example: example(413, 'request body too large'),
  },
  {
    status: 429,
    outcome: { status: 'retryable' },
    reason: 'rate limit (project ingestion quota)',
    example: example(429, 'too many requests'),
  },
];

/** Mixpanel's `/import` errors: `{code, status, error}`, first match wins; else the HTTP status. */
export const mixpanelErrors: ErrorTable = {
  read: (response) => {
    const body = (
      typeof response.json === 'object' && response.json !== null ? response.json : {}
    ) as MixpanelImportBody;
    return { message: body.error ?? body.status ?? (response.body.trim() || `HTTP ${response.status}`) };
  },
  rows,
};
