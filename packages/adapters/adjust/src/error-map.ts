import type { MappedEvent, Outcome } from '@relay/core';

const PLATFORM = 'Adjust';

/**
 * Adjust's error message from an answer body: `{"error": "Event request failed (<message>)"}` gives
 * `<message>`; another `error` text is given whole.
 */
export function adjustMessage(body: Record<string, unknown>): string | undefined {
  const error = body['error'];
  if (typeof error !== 'string' || error.trim() === '') return undefined;
  const inner = /^Event request failed \((.*)\)$/s.exec(error.trim());
  return (inner?.[1] ?? error).trim();
}

/**
 * Adjust's documented errors whose outcome differs from core's default for the HTTP status
 * (`undefined` when the default applies), matched on Adjust's message:
 * - "Ignoring event, earlier unique event tracked" (400): the event is a unique event Adjust already
 *   recorded, so it counts as delivered (with a warning);
 * - "Invalid app token" (400), "App token not found" (404): needs attention, check `app_token`;
 * - "Invalid event token" (400), "Event token blocklisted" (403): rejected, check `event_tokens`;
 * - "Bad event state" (400, e.g. the event is dated before the install): rejected `bad_event_state`;
 * - "Device not found" (404): rejected `device_not_found`, Adjust has no install for the device;
 * - "Device is opted out" (451): skipped, the user opted out of measurement;
 * - 401 "Failed to authorize request": needs attention, the S2S Security token is missing or wrong;
 * - "App is inactive", "Tracking disabled" (403): needs attention in the Adjust dashboard.
 */
export function outcomeForAdjustError(
  status: number,
  message: string | undefined,
  event: MappedEvent | undefined,
): Outcome | undefined {
  const text = message ?? `HTTP ${status}`;
  const has = (pattern: RegExp) => message !== undefined && pattern.test(message);
  const eventName = event?.name ?? 'this event';
  if (has(/earlier unique event tracked/i)) {
    return {
      status: 'delivered',
      warnings: [`${PLATFORM} already recorded this unique event and ignored the repeat: ${text}`],
    };
  }
  if (has(/invalid app token|app token not found/i)) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} does not know the app token (${status}); check app_token: ${text}`,
    };
  }
  if (has(/invalid event token/i)) {
    return {
      status: 'rejected',
      code: 'invalid_event_token',
      reason: `${PLATFORM} refused the event token of ${eventName} (${status}); check event_tokens (the token must belong to the app): ${text}`,
    };
  }
  if (has(/event token blocklisted/i)) {
    return {
      status: 'rejected',
      code: 'event_token_blocklisted',
      reason: `${PLATFORM} blocklisted the event token of ${eventName} (${status}): ${text}`,
    };
  }
  if (has(/bad event state/i)) {
    return {
      status: 'rejected',
      code: 'bad_event_state',
      reason: `${PLATFORM} refused the event (${status}): ${text}`,
    };
  }
  if (has(/device not found/i)) {
    return {
      status: 'rejected',
      code: 'device_not_found',
      reason: `${PLATFORM} has no install for this device (${status}); its app must have recorded it through the Adjust SDK: ${text}`,
    };
  }
  if (status === 451 || has(/opted out/i)) {
    return {
      status: 'skipped',
      reason: `${PLATFORM}: the device is opted out of measurement (${status}): ${text}`,
    };
  }
  if (status === 401) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the request (401): the app has S2S Security on; set s2s_token to its S2S Security token: ${text}`,
    };
  }
  if (has(/app is inactive|tracking disabled/i)) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} does not measure this app (${status}); reactivate it or enable measurement for its platform in the Adjust dashboard: ${text}`,
    };
  }
  return undefined;
}
