import type { HttpResponse, Outcome } from '@relay/core';

const PLATFORM = 'Server-side Google Tag Manager';

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
 * sGTM answers that override the HTTP status's default outcome:
 * - 2xx with `validationMessages`: GA4 refused the payload (rejected, `ga4_validation`);
 * - 404: no client in the container claimed the path, a configuration problem that a retry
 *   cannot fix (rejected, `no_client_claimed`, naming the path).
 */
export function outcomeForResponse(response: HttpResponse, path: string): Outcome | undefined {
  if (response.status >= 200 && response.status < 300) {
    const messages = validationMessagesOf(response.json);
    if (messages.length === 0) return undefined;
    const reason = messages
      .map((m) => `${m.fieldPath ?? '(body)'}: ${m.description ?? m.validationCode ?? 'invalid'}`)
      .join('; ');
    return {
      status: 'rejected',
      code: 'ga4_validation',
      reason: `${PLATFORM} (GA4) rejected the event: ${reason}`,
    };
  }
  if (response.status === 404) {
    return {
      status: 'rejected',
      code: 'no_client_claimed',
      reason: `${PLATFORM}: no client in the container claimed ${path} (404); check client_type and the container's clients`,
    };
  }
  return undefined;
}
