import type { ErrorRow, ErrorTable } from '@relay/core';

/** LinkedIn's error body: `{status, serviceErrorCode, code, message}`. */
export interface LinkedinError {
  status?: number;
  serviceErrorCode?: number;
  code?: string;
  message?: string;
}

export const describeLinkedinError = (e: LinkedinError) =>
  `${e.message ?? 'no message'}${e.code ? ` (${e.code}${e.serviceErrorCode ? `/${e.serviceErrorCode}` : ''})` : ''}`;

const rows: ErrorRow[] = [
  {
    // The member revoked access: a refresh cannot help, a person must re-authorise.
    status: 401,
    code: 'REVOKED_ACCESS_TOKEN',
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'access was revoked; re-authorise the app',
    example: {
      status: 401,
      body: {
        status: 401,
        code: 'REVOKED_ACCESS_TOKEN',
        message: 'The token used in the request has been revoked by the user',
      },
    },
  },
  {
    // The LinkedIn-Version is no longer served: retrying cannot help until a person upgrades it.
    status: 426,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason:
      'no longer serves this LinkedIn-Version; set options.linkedin_version to a current version or upgrade the adapter',
    scope: 'request',
    example: {
      status: 426,
      body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202301 is not active' },
    },
  },
  {
    // The daily application or member quota.
    code: 'QUOTA_EXCEEDED',
    outcome: { status: 'retryable' },
    reason: 'quota exceeded',
    example: { status: 429, body: { status: 429, code: 'QUOTA_EXCEEDED', message: 'daily quota' } },
  },
  {
    // BATCH_CREATE fails as a whole for one invalid element; when the message names no
    // `Index: N` (parse-response.ts handles those), core halves the batch to find it.
    status: 422,
    outcome: { status: 'rejected', code: 'invalid_element' },
    reason: 'rejected the batch',
    example: { status: 422, body: { status: 422, message: 'Request body is invalid' } },
  },
];

/** LinkedIn answers that override the HTTP status, first match wins; the kit parses each example. */
export const linkedinErrors: ErrorTable = {
  read: (response) => {
    const body = response.json;
    if (typeof body !== 'object' || body === null) return undefined;
    const error = body as LinkedinError;
    if (error.message === undefined && error.code === undefined) return undefined;
    return error.code === undefined
      ? { message: describeLinkedinError(error) }
      : { code: error.code, message: describeLinkedinError(error) };
  },
  rows,
};
