import type { ErrorTable, Outcome } from '@relay/core';

/** Marketing Cloud REST error body: `{message, errorcode, documentation, additionalErrors?|validationErrors?}`. */
export interface SfmcError {
  message?: string;
  errorcode?: number | string;
  documentation?: string;
  additionalErrors?: Array<{ message?: string; errorcode?: number | string }>;
  validationErrors?: Array<{ message?: string; errorcode?: number | string }>;
}

const PLATFORM = 'Salesforce Marketing Cloud';

/** `message (errorcode); detail; detail` for reasons. */
export function describeSfmcError(error: SfmcError): string {
  const details = [...(error.additionalErrors ?? []), ...(error.validationErrors ?? [])]
    .map((e) => (e.message ?? '').replace(/\s+/g, ' ').trim())
    .filter((m) => m !== '');
  const head = (error.message ?? '').replace(/\s+/g, ' ').trim();
  const code = error.errorcode === undefined ? '' : ` (${error.errorcode})`;
  return [head ? `${head}${code}` : code.trim(), ...details].filter((p) => p !== '').join('; ');
}

/**
 * Marketing Cloud answers that override core's status table:
 * - 400 `10006` "Unable to save rows for data extension ID …" without detail: a transient
 *   failure of the data extension (retried, as peers do);
 * - 403 / `20002` (insufficient privileges): the API Integration lacks the scope, a person must
 *   add it (Journeys: Execute, or Data Extensions: Write);
 * - other 400s with an `errorcode` are rejected under that code, with the message and details.
 * `undefined` leaves the status to core (401 refresh, 429/5xx retry, other 4xx reject).
 */
export function outcomeForSfmcError(status: number, error: SfmcError): Outcome | undefined {
  const code = error.errorcode === undefined ? undefined : String(error.errorcode);
  const detail = describeSfmcError(error) || 'no error detail';
  const hasDetail = (error.additionalErrors?.length ?? 0) > 0 || (error.validationErrors?.length ?? 0) > 0;
  if (
    status === 400 &&
    code === '10006' &&
    /unable to save rows for data extension/i.test(error.message ?? '') &&
    !hasDetail
  ) {
    return { status: 'retryable', reason: `${PLATFORM} could not save the rows for now: ${detail}` };
  }
  if (status === 403 || code === '20002') {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} API Integration lacks a permission (Journeys: Execute for journey events, Data Extensions: Write for rows); add it in Installed Packages: ${detail}`,
    };
  }
  if (status === 400 && code !== undefined) {
    return {
      status: 'rejected',
      code: `sfmc_${code}`,
      reason: `${PLATFORM} rejected the request: ${detail}`,
    };
  }
  return undefined;
}

/**
 * The Marketing Cloud answers that are about the request, never about one row: on an all-or-nothing
 * rowset core gives them to every event instead of isolating (a missing data extension or journey
 * event fails every half the same way).
 */
export const sfmcRequestErrors: ErrorTable = {
  read(response) {
    const error = (
      typeof response.json === 'object' && response.json !== null ? response.json : {}
    ) as SfmcError;
    return { code: error.errorcode, message: describeSfmcError(error) || `HTTP ${response.status}` };
  },
  rows: [
    {
      status: 404,
      outcome: { status: 'rejected', code: 'http_404' },
      reason:
        'found no such data extension or journey event: check data_extension_key, event_definition_key and the tenant subdomain',
      scope: 'request',
      example: { status: 404, body: { message: 'Not Found', errorcode: 404, documentation: '' } },
    },
  ],
};
