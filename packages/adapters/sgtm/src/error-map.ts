import { type ErrorTable, type Outcome, codeRange } from '@relay/core';

export const PLATFORM = 'Server-side Google Tag Manager';

/** A GA4 validation message (`/debug/mp/collect` and GA4 clients that echo validation). */
export interface ValidationMessage {
  fieldPath?: string;
  description?: string;
  validationCode?: string;
}

/** Validation messages in a 2xx body, when the client answered with any. */
export function validationMessagesOf(json: unknown): ValidationMessage[] {
  if (typeof json !== 'object' || json === null) return [];
  const messages = (json as { validationMessages?: unknown }).validationMessages;
  return Array.isArray(messages)
    ? messages.filter((m): m is ValidationMessage => typeof m === 'object' && m !== null)
    : [];
}

/**
 * sGTM answers that override the HTTP status's default outcome (anything else is core's table):
 * - 2xx with `validationMessages`: GA4 refused the payload (rejected, `ga4_validation`, naming
 *   each field and description);
 * - 404: no client in the container claimed the path, a configuration problem that a retry
 *   cannot fix (rejected, `no_client_claimed`; `withPath` names the path).
 */
export const sgtmErrors: ErrorTable = {
  read: (response) => {
    if (response.status >= 200 && response.status < 300) {
      const messages = validationMessagesOf(response.json);
      if (messages.length === 0) return undefined;
      return {
        message: messages
          .map((m) => `${m.fieldPath ?? '(body)'}: ${m.description ?? m.validationCode ?? 'invalid'}`)
          .join('; '),
      };
    }
    return { message: response.body.trim().slice(0, 200) || 'empty body' };
  },
  rows: [
    {
      status: codeRange(200, 299),
      outcome: { status: 'rejected', code: 'ga4_validation' },
      reason: '(GA4) rejected the event',
      example: {
        status: 200,
        body: {
          validationMessages: [
            {
              fieldPath: 'events[0].name',
              description: 'Event name is reserved.',
              validationCode: 'NAME_RESERVED',
            },
          ],
        },
      },
    },
    {
      status: 404,
      outcome: { status: 'rejected', code: 'no_client_claimed' },
      reason:
        "answered 404: no client in the container claimed the request path; check client_type and the container's clients",
      example: { status: 404, body: '' },
    },
  ],
};

/** The path a `no_client_claimed` refusal is about, added to its reason. */
export function withPath(outcome: Outcome, path: string): Outcome {
  return outcome.status === 'rejected' && outcome.code === 'no_client_claimed'
    ? { ...outcome, reason: `${outcome.reason} (path ${path})` }
    : outcome;
}
