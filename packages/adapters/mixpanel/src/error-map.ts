import type { Outcome } from '@relay/core';

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

const PLATFORM = 'Mixpanel';

export const describeFailedRecord = (r: MixpanelFailedRecord): string =>
  [r.field, r.message].filter(Boolean).join(': ') || 'failed validation';

/**
 * Statuses whose meaning on `/import` differs from core's default table. 401/403: a service
 * account has no refresh flow, a person must fix it. 413: the body is too large, sending it
 * again cannot succeed. The 400 with `failed_records` (partial success) is handled per event in
 * parse-response.
 */
export function outcomeForMixpanelStatus(status: number, body: MixpanelImportBody): Outcome | undefined {
  const detail = body.error ?? body.status ?? `HTTP ${status}`;
  switch (status) {
    case 401:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the service account credentials: ${detail}`,
      };
    case 403:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} service account has no access to this project (needs Owner or Admin): ${detail}`,
      };
    case 413:
      return {
        status: 'rejected',
        code: 'payload_too_large',
        reason: `${PLATFORM} refused the body as too large: ${detail}`,
      };
    case 429:
      return { status: 'retryable', reason: `${PLATFORM} rate limit (project ingestion quota): ${detail}` };
  }
  return undefined;
}
