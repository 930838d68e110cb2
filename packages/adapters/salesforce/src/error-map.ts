import type { ErrorRow, ErrorTable, PlatformErrorInfo } from '@relay/core';

/** Marketing Cloud REST error body: `{message, errorcode, documentation, additionalErrors?|validationErrors?}`. */
export interface SfmcError {
  message?: string;
  errorcode?: number | string;
  documentation?: string;
  additionalErrors?: Array<{ message?: string; errorcode?: number | string }>;
  validationErrors?: Array<{ message?: string; errorcode?: number | string }>;
}

/** `message (errorcode); detail; detail` for reasons. */
export function describeSfmcError(error: SfmcError): string {
  const details = [...(error.additionalErrors ?? []), ...(error.validationErrors ?? [])]
    .map((e) => (e.message ?? '').replace(/\s+/g, ' ').trim())
    .filter((m) => m !== '');
  const head = (error.message ?? '').replace(/\s+/g, ' ').trim();
  const code = error.errorcode === undefined ? '' : ` (${error.errorcode})`;
  return [head ? `${head}${code}` : code.trim(), ...details].filter((p) => p !== '').join('; ');
}

/** The error of a Marketing Cloud answer (`errorcode` as a string). */
export function sfmcErrorOf(json: unknown): SfmcError {
  return (typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {}) as SfmcError;
}

const PERMISSION =
  'API Integration lacks a permission (Journeys: Execute for journey events, Data Extensions: Write for rows); add it in Installed Packages';

const rows: ErrorRow[] = [
  {
    // The data extension or journey event does not exist: every half would fail the same way.
    status: 404,
    outcome: { status: 'rejected', code: 'http_404' },
    reason:
      'found no such data extension or journey event: check data_extension_key, event_definition_key and the tenant subdomain',
    scope: 'request',
    example: { status: 404, body: { message: 'Not Found', errorcode: 404, documentation: '' } },
  },
  {
    // "Unable to save rows for data extension ID …" without detail: a transient failure of the
    // data extension (retried, as peers do).
    status: 400,
    code: '10006',
    when: (error) =>
      /unable to save rows for data extension/i.test(error.message) && error.details?.['hasDetail'] !== true,
    outcome: { status: 'retryable' },
    reason: 'could not save the rows for now',
    example: {
      status: 400,
      body: {
        message: 'Unable to save rows for data extension ID 1234',
        errorcode: 10006,
        documentation: '',
      },
    },
  },
  {
    code: '20002', // insufficient privileges, whatever the status
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: PERMISSION,
    scope: 'request',
    example: {
      status: 400,
      body: { message: 'Insufficient privileges to complete this action.', errorcode: 20002 },
    },
  },
  {
    status: 403,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: PERMISSION,
    scope: 'request',
    example: { status: 403, body: { message: 'Insufficient privileges to complete this action.' } },
  },
];

/**
 * Marketing Cloud answers that override core's status table, first match wins. Other 400s with
 * an `errorcode` are rejected under `sfmc_<errorcode>` (parse-response); the rest is core's
 * (401 refresh, 429/5xx retry, other 4xx reject).
 */
export const sfmcErrors: ErrorTable = {
  read(response): PlatformErrorInfo {
    const error = sfmcErrorOf(response.json);
    const info: PlatformErrorInfo = {
      message: describeSfmcError(error) || `HTTP ${response.status}`,
      details: {
        hasDetail: (error.additionalErrors?.length ?? 0) > 0 || (error.validationErrors?.length ?? 0) > 0,
      },
    };
    if (error.errorcode !== undefined) info.code = String(error.errorcode);
    return info;
  },
  rows,
};
