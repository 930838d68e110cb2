import type { Outcome } from '@relay/core';

/** Edge Network error body (RFC 7807 problem details with Adobe's `EXEG-…` type). */
export interface EdgeError {
  type?: string;
  status?: number;
  title?: string;
  detail?: string;
  report?: { errors?: unknown[] };
}

const PLATFORM = 'Adobe Edge Network';

/** `EXEG-0003-400` from `https://ns.adobe.com/aep/errors/EXEG-0003-400`. */
export const edgeErrorCode = (error: EdgeError): string | undefined => error.type?.match(/EXEG-\d+-\d+/)?.[0];

export function describeEdgeError(error: EdgeError): string {
  const text = [error.title, error.detail].filter(Boolean).join(': ') || 'no detail';
  const code = edgeErrorCode(error);
  return code ? `${text} (${code})` : text;
}

/**
 * Edge statuses that override core's default table: 400 (invalid request or XDM) is rejected
 * with Adobe's code; 403 means the credential's project lacks the datastream's sandbox or
 * product profile, which a person must fix; 413 (over 64 kB) is rejected.
 */
export function outcomeForEdgeError(status: number, error: EdgeError): Outcome | undefined {
  const detail = describeEdgeError(error);
  switch (status) {
    case 400:
      return {
        status: 'rejected',
        code: edgeErrorCode(error) ?? 'invalid_request',
        reason: `${PLATFORM} rejected the request: ${detail}`,
      };
    case 403:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the request (the project needs access to the datastream's sandbox): ${detail}`,
      };
    case 413:
      return {
        status: 'rejected',
        code: 'payload_too_large',
        reason: `${PLATFORM} refused a request over 64 kB: ${detail}`,
      };
  }
  return undefined;
}
