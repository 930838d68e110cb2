import type { Outcome } from '@relay/core';

/** LinkedIn's error body: `{status, serviceErrorCode, code, message}`. */
export interface LinkedinError {
  status?: number;
  serviceErrorCode?: number;
  code?: string;
  message?: string;
}

const PLATFORM = 'LinkedIn Conversions API';

export const describeLinkedinError = (e: LinkedinError) =>
  `${e.message ?? 'no message'}${e.code ? ` (${e.code}${e.serviceErrorCode ? `/${e.serviceErrorCode}` : ''})` : ''}`;

/**
 * LinkedIn answers that override the HTTP status; each row has a parse test.
 * 401 REVOKED_ACCESS_TOKEN: the member revoked access → a person must re-authorise (a refresh
 * cannot help). 426: the `LinkedIn-Version` is no longer served → retry, so upgrading the
 * version (options.linkedin_version or a new adapter release) within the window heals it.
 * 429 / QUOTA_EXCEEDED: the daily application or member quota → retry.
 */
export function outcomeForLinkedinError(status: number, error: LinkedinError): Outcome | undefined {
  const detail = describeLinkedinError(error);
  if (status === 401 && error.code === 'REVOKED_ACCESS_TOKEN') {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM}: access was revoked; re-authorise the app: ${detail}`,
    };
  }
  if (status === 426) {
    return {
      status: 'retryable',
      reason: `${PLATFORM} no longer serves this LinkedIn-Version; upgrade it: ${detail}`,
    };
  }
  if (error.code === 'QUOTA_EXCEEDED')
    return { status: 'retryable', reason: `${PLATFORM} quota exceeded: ${detail}` };
  return undefined;
}
