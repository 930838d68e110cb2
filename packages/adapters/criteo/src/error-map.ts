import type { Outcome } from '@relay/core';

const PLATFORM = 'Criteo Events API';

/**
 * One entry of the answer's `errors` / `warnings` lists as text: a string as is, an object by
 * its `message` (with its `code` when there is one).
 */
export function describeCriteoMessage(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { message, code } = entry as { message?: unknown; code?: unknown };
  const text = typeof message === 'string' ? message.replace(/\s+/g, ' ').trim() : '';
  const label = typeof code === 'string' || typeof code === 'number' ? String(code) : '';
  if (text && label) return `${text} (${label})`;
  return text || label || undefined;
}

const messagesOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.map(describeCriteoMessage).filter((m): m is string => m !== undefined) : [];

/**
 * The outcome a 2xx answer's body decides. Criteo answers the S2S endpoint with 200 whatever
 * the payload, listing problems in `errors` and `warnings` (peer reports, unverified against a
 * Criteo spec): any error rejects the event, warnings are kept on a delivered one. `undefined`
 * when the body has neither list (an empty or non-JSON 200 is a delivery).
 */
export function outcomeForCriteoBody(body: Record<string, unknown>): Outcome | undefined {
  const errors = messagesOf(body['errors']);
  if (errors.length > 0) {
    return {
      status: 'rejected',
      code: 'criteo_error',
      reason: `${PLATFORM} refused the event: ${errors.join('; ')}`,
    };
  }
  const warnings = messagesOf(body['warnings']);
  if (warnings.length > 0) return { status: 'delivered', warnings: warnings.map((w) => `${PLATFORM}: ${w}`) };
  return undefined;
}
