import type { Outcome } from '@relay/core';

/** One `validationMessages[]` entry of `/debug/mp/collect`. */
export interface ValidationMessage {
  fieldPath?: string;
  description?: string;
  validationCode?: string;
}

/**
 * GA4 has no error codes on `/mp/collect` (it answers 2xx to everything); the debug endpoint's
 * `validationCode` (VALUE_INVALID, VALUE_REQUIRED, NAME_INVALID, NAME_RESERVED, VALUE_OUT_OF_BOUNDS,
 * EXCEEDED_MAX_ENTITIES, NAME_DUPLICATED…) becomes the rejection code; HTTP statuses use core's table.
 */
export function outcomeForValidation(messages: ValidationMessage[]): Outcome {
  const code = messages.find((m) => m.validationCode)?.validationCode ?? 'VALIDATION_FAILED';
  const reason = messages
    .map((m) => `${m.fieldPath ? `${m.fieldPath}: ` : ''}${m.description ?? m.validationCode ?? 'invalid'}`)
    .join('; ');
  return { status: 'rejected', code, reason: `GA4 validation: ${reason}` };
}

/** Which event of the request a message is about (`events[2]…` or "Event at index: [2]"), if it says. */
export function eventIndexOf(message: ValidationMessage): number | undefined {
  const fromPath = message.fieldPath?.match(/events\[(\d+)\]/);
  if (fromPath) return Number(fromPath[1]);
  const fromText = message.description?.match(/event at index:?\s*\[?(\d+)\]?/i);
  return fromText ? Number(fromText[1]) : undefined;
}
