import { type ErrorRow, type ErrorTable, excerpt } from '@relay/core';
import {
  adsErrorCode,
  errorInfoReason,
  googleAdsErrors,
  statusOf,
  type GoogleAdsError,
} from './google-error';

const SIX_HOURS_MS = 6 * 3_600_000;

const rpcExample = (
  status: number,
  canonical: string,
  message: string,
  details: unknown[] = [],
): ErrorRow['example'] => ({
  status,
  body: { error: { code: status, status: canonical, message, details } },
});

const errorInfo = (reason: string) => ({
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason,
  domain: 'datamanager.googleapis.com',
});

/**
 * Google's canonical status (`error.status`, gRPC code names) and its `ErrorInfo.reason`, for a
 * whole request, overriding the HTTP status when they disagree (developers.google.com/data-manager/api/reference/rest/v1/ErrorReason,
 * cloud.google.com/apis/design/errors). Read: `code` the canonical status, `subcode` the reason.
 */
const statusRows: ErrorRow[] = [
  {
    subcode: ['TERMS_AND_CONDITIONS_NOT_SIGNED', 'CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE'],
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'account setup',
    scope: 'request',
    example: rpcExample(403, 'PERMISSION_DENIED', 'The caller has not accepted the terms.', [
      errorInfo('TERMS_AND_CONDITIONS_NOT_SIGNED'),
    ]),
  },
  {
    code: 'UNAUTHENTICATED',
    outcome: { status: 'auth', kind: 'refresh' },
    reason: 'rejected the access token',
    scope: 'request',
    example: rpcExample(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'),
  },
  {
    code: 'PERMISSION_DENIED',
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'denied access',
    scope: 'request',
    example: rpcExample(403, 'PERMISSION_DENIED', 'The caller does not have permission.'),
  },
  {
    code: 'RESOURCE_EXHAUSTED',
    outcome: { status: 'retryable' },
    reason: 'quota exhausted',
    example: rpcExample(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded.'),
  },
  {
    code: ['UNAVAILABLE', 'INTERNAL', 'DEADLINE_EXCEEDED', 'ABORTED'],
    outcome: { status: 'retryable' },
    reason: 'server error',
    example: rpcExample(503, 'UNAVAILABLE', 'The service is currently unavailable.'),
  },
  {
    // The rejection's code is the ErrorInfo reason when Google gives one, else the canonical
    // status (parse-response.ts sets it; this row's code is what the example gets).
    // `scope: 'request'`: Data Manager names the events a validation error is about
    // (`fieldViolations` on `events[i]…`, read per event in parse-response.ts), so an answer
    // reaching this row names none and is about the request (a wrong conversion action, account
    // or destination): core gives it to every event instead of halving the request down to
    // single events. (Ads API requests are not all-or-nothing: scope plays no part there.)
    code: ['INVALID_ARGUMENT', 'FAILED_PRECONDITION', 'NOT_FOUND', 'OUT_OF_RANGE'],
    outcome: { status: 'rejected', code: 'INVALID_ARGUMENT' },
    reason: 'rejected the request',
    scope: 'request',
    example: rpcExample(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.'),
  },
];

/** The canonical-status errors of both APIs' whole-request answers (the conformance kit walks them). */
export const googleStatusErrors: ErrorTable = {
  read: (response) => {
    const status = statusOf(response.json);
    if (!status) return undefined;
    const reason = errorInfoReason(status);
    const message = status.message ?? (excerpt(response.body, 300) || `HTTP ${response.status}`);
    const info: { code?: string; subcode?: string; message: string } = {
      message: `${status.status ?? `HTTP ${response.status}`}${reason ? `/${reason}` : ''}: ${message}`,
    };
    if (status.status !== undefined) info.code = status.status;
    if (reason !== undefined) info.subcode = reason;
    return info;
  },
  rows: statusRows,
};

const adsExample = (status: number, canonical: string, kind: string, value: string, message: string) =>
  rpcExample(status, canonical, 'Request failed.', [
    {
      '@type': 'type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure',
      errors: [{ errorCode: { [kind]: value }, message }],
    },
  ]);

/**
 * Google Ads API error codes (`errorCode: {<kind>: <VALUE>}`), for one conversion (partial
 * failure) or the whole request (developers.google.com/google-ads/api/reference/rpc/latest/ConversionUploadErrorEnum.ConversionUploadError,
 * …/docs/best-practices/common-errors). Read: `code` the enum value, `details.kind` its kind.
 * Duplicates (CLICK_CONVERSION_ALREADY_EXISTS, ORDER_ID_ALREADY_IN_USE) are delivered, in
 * parse-response.ts; other codes are rejected under their own value.
 */
const adsRows: ErrorRow[] = [
  {
    // "Wait 6 hours after the click/action before uploading" (conversion upload docs).
    code: ['TOO_RECENT_EVENT', 'TOO_RECENT_CLICK', 'TOO_RECENT_CONVERSION_ACTION'],
    outcome: { status: 'retryable', retryAfterMs: SIX_HOURS_MS },
    reason: 'says the click or conversion action is too recent; sent again in six hours',
    example: adsExample(400, 'INVALID_ARGUMENT', 'conversionUploadError', 'TOO_RECENT_CLICK', 'Too recent.'),
  },
  {
    code: 'CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE',
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: "says this account must use the Data Manager API (options.api 'data_manager')",
    scope: 'request',
    example: adsExample(
      403,
      'PERMISSION_DENIED',
      'conversionUploadError',
      'CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE',
      'Not allowlisted.',
    ),
  },
  {
    code: ['OAUTH_TOKEN_EXPIRED', 'OAUTH_TOKEN_INVALID', 'OAUTH_TOKEN_REVOKED'],
    outcome: { status: 'auth', kind: 'refresh' },
    reason: 'rejected the OAuth token',
    scope: 'request',
    example: adsExample(
      401,
      'UNAUTHENTICATED',
      'authenticationError',
      'OAUTH_TOKEN_EXPIRED',
      'Token expired.',
    ),
  },
  {
    code: [
      'RESOURCE_EXHAUSTED',
      'RESOURCE_TEMPORARILY_EXHAUSTED',
      'INTERNAL_ERROR',
      'TRANSIENT_ERROR',
      'DEADLINE_EXCEEDED',
    ],
    outcome: { status: 'retryable' },
    reason: 'is over quota or had a temporary error',
    example: adsExample(429, 'RESOURCE_EXHAUSTED', 'quotaError', 'RESOURCE_EXHAUSTED', 'Too many requests.'),
  },
  {
    when: (error) =>
      error.details?.['kind'] === 'authenticationError' || error.details?.['kind'] === 'authorizationError',
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'denied access',
    scope: 'request',
    example: adsExample(
      403,
      'PERMISSION_DENIED',
      'authorizationError',
      'USER_PERMISSION_DENIED',
      'No access.',
    ),
  },
];

/** One Ads API error as the table reads it. */
export function adsErrorInfo(error: GoogleAdsError) {
  const code = adsErrorCode(error);
  if (!code) return undefined;
  return {
    code: code.value,
    message: `${code.kind}.${code.value}: ${error.message ?? ''}`,
    details: { kind: code.kind },
  };
}

/** Ads API error codes: of the first coded error of a whole-request answer, or of one conversion. */
export const adsApiErrors: ErrorTable = {
  read: (response) => {
    const first = googleAdsErrors(statusOf(response.json))[0];
    return first && adsErrorInfo(first);
  },
  rows: adsRows,
};
