import type { ErrorRow, ErrorTable } from '@relay/core';

/** Edge Network error body (RFC 7807 problem details with Adobe's `EXEG-…` type). */
export interface EdgeError {
  type?: string;
  status?: number;
  title?: string;
  detail?: string;
  report?: { errors?: unknown[] };
}

/** `EXEG-0003-400` from `https://ns.adobe.com/aep/errors/EXEG-0003-400`. */
export const edgeErrorCode = (error: EdgeError): string | undefined => error.type?.match(/EXEG-\d+-\d+/)?.[0];

export function describeEdgeError(error: EdgeError): string {
  const text = [error.title, error.detail].filter(Boolean).join(': ') || 'no detail';
  const code = edgeErrorCode(error);
  return code ? `${text} (${code})` : text;
}

const example = (status: number, code: string, title: string): ErrorRow['example'] => ({
  status,
  body: { type: `https://ns.adobe.com/aep/errors/${code}`, status, title, detail: title },
});

/**
 * Edge statuses that override core's default table (experienceleague.adobe.com/docs/experience-platform/edge-network-server-api/troubleshooting):
 * 400 (invalid request or XDM) is rejected under Adobe's `EXEG-…` code (parse-response.ts sets
 * it; `invalid_request` without one); 403 means the credential's project lacks the datastream's
 * sandbox or product profile, which a person must fix; 413 (over 64 kB) is rejected.
 */
export const edgeErrors: ErrorTable = {
  read: (response) => {
    const error = (
      typeof response.json === 'object' && response.json !== null ? response.json : {}
    ) as EdgeError;
    const code = edgeErrorCode(error);
    const message = describeEdgeError(error);
    return code === undefined ? { message } : { code, message };
  },
  rows: [
    {
      status: 400,
      outcome: { status: 'rejected', code: 'invalid_request' },
      reason: 'rejected the request',
      example: {
        status: 400,
        body: { status: 400, title: 'Invalid request', detail: 'The request body is not valid JSON' },
      },
    },
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: "refused the request (the project needs access to the datastream's sandbox)",
      scope: 'request',
      example: example(403, 'EXEG-0500-403', 'Forbidden'),
    },
    {
      status: 413,
      outcome: { status: 'rejected', code: 'payload_too_large' },
      reason: 'refused a request over 64 kB',
      example: example(413, 'EXEG-0106-413', 'Payload too large'),
    },
  ],
};
