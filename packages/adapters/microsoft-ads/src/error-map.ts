import type { Outcome } from '@relay/core';

/** A Bing Ads API error (`OperationError` / `BatchError` / `AdApiError` in REST JSON). */
export interface BingError {
  Code?: number;
  ErrorCode?: string;
  Message?: string;
  Details?: string | null;
  Index?: number;
  FieldPath?: string | null;
}

const PLATFORM = 'Microsoft Advertising (offline conversions)';

export function describeBingError(error: BingError): string {
  const message = error.Message?.trim() || 'no message';
  const code = [error.Code, error.ErrorCode].filter((p) => p !== undefined && p !== null).join(' ');
  const field = error.FieldPath ? ` at ${error.FieldPath}` : '';
  return `${message}${field}${code ? ` (${code})` : ''}`;
}

/**
 * Bing Ads API operation error codes (learn.microsoft.com/advertising/guides/operation-error-codes)
 * that override the HTTP status. `undefined` when the code is not in the table. Each row has a
 * parse test.
 */
export function outcomeForBingError(error: BingError): Outcome | undefined {
  const detail = describeBingError(error);
  switch (error.Code) {
    case 0: // InternalError
      return { status: 'retryable', reason: `${PLATFORM} internal error: ${detail}` };
    case 105: // InvalidCredentials: a stale or wrong access token (or a developer token of the other environment)
    case 109: // AuthenticationTokenExpired
      return { status: 'auth', kind: 'refresh', reason: `${PLATFORM} access token refused: ${detail}` };
    case 106: // UserIsNotAuthorized
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM}: the user has no access to this customer or account: ${detail}`,
      };
    case 117: // CallRateExceeded
      return { status: 'retryable', reason: `${PLATFORM} call rate exceeded: ${detail}` };
    default:
      return undefined;
  }
}

/** A UET Conversions API validation detail (`error.details[]`). */
export interface UetErrorDetail {
  index?: number;
  propertyName?: string;
  errorMessage?: string;
  errorCode?: string;
  isWarning?: boolean;
}

export function describeUetDetail(detail: UetErrorDetail): string {
  const message = detail.errorMessage?.trim() || 'invalid value';
  const where = detail.propertyName ? `${detail.propertyName}: ` : '';
  return `${where}${message}${detail.errorCode ? ` (${detail.errorCode})` : ''}`;
}
