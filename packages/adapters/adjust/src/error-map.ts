import { type ErrorRow, type ErrorTable, type Outcome, type PlatformErrorInfo, objectOf } from '@relay/core';

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

const matches = (pattern: RegExp) => (error: PlatformErrorInfo) => pattern.test(error.message);

const example = (status: number, message: string): ErrorRow['example'] => ({
  status,
  body: { error: `Event request failed (${message})` },
});

/**
 * Adjust's documented errors whose outcome differs from core's default for the HTTP status
 * (help.adjust.com/en/article/server-to-server-events#responses), matched on Adjust's message;
 * anything else is core's, with Adjust's message. Two answers are no error for Relay and are
 * read before the table (`outcomeBeforeTable`): a repeated unique event (delivered) and an
 * opted-out device (skipped).
 */
const rows: ErrorRow[] = [
  {
    when: matches(/invalid app token|app token not found/i),
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'does not know the app token; check app_token',
    scope: 'request',
    example: example(400, 'Invalid app token'),
  },
  {
    when: matches(/invalid event token/i),
    outcome: { status: 'rejected', code: 'invalid_event_token' },
    reason: 'refused the event token; check event_tokens (the token must belong to the app)',
    example: example(400, 'Invalid event token'),
  },
  {
    when: matches(/event token blocklisted/i),
    outcome: { status: 'rejected', code: 'event_token_blocklisted' },
    reason: 'blocklisted the event token',
    example: example(403, 'Event token blocklisted'),
  },
  {
    // e.g. the event is dated before the install
    when: matches(/bad event state/i),
    outcome: { status: 'rejected', code: 'bad_event_state' },
    reason: 'refused the event',
    example: example(400, 'Bad event state'),
  },
  {
    when: matches(/device not found/i),
    outcome: { status: 'rejected', code: 'device_not_found' },
    reason: 'has no install for this device; its app must have recorded it through the Adjust SDK',
    example: example(404, 'Device not found'),
  },
  {
    status: 401,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'refused the request (401): the app has S2S Security on; set s2s_token to its S2S Security token',
    scope: 'request',
    example: { status: 401, body: { error: 'Failed to authorize request' } },
  },
  {
    when: matches(/app is inactive|tracking disabled/i),
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason:
      'does not measure this app; reactivate it or enable measurement for its platform in the Adjust dashboard',
    scope: 'request',
    example: example(403, 'App is inactive'),
  },
];

/** Adjust's `{"error": "Event request failed (<message>)"}`: the message, else the HTTP status. */
export const adjustErrors: ErrorTable = {
  read: (response) => ({
    message: adjustMessage(objectOf(response.json)) ?? `HTTP ${response.status}`,
  }),
  rows,
};

/**
 * Answers that are no error for Relay, read before the table: "Ignoring event, earlier unique
 * event tracked" (the unique event was already recorded: delivered with a warning) and a device
 * opted out of measurement (451 or "opted out": skipped).
 */
export function outcomeBeforeTable(status: number, message: string | undefined): Outcome | undefined {
  const text = message ?? `HTTP ${status}`;
  if (message !== undefined && /earlier unique event tracked/i.test(message)) {
    return {
      status: 'delivered',
      warnings: [`${PLATFORM} already recorded this unique event and ignored the repeat: ${text}`],
    };
  }
  if (status === 451 || (message !== undefined && /opted out/i.test(message))) {
    return {
      status: 'skipped',
      reason: `${PLATFORM}: the device is opted out of measurement (${status}): ${text}`,
    };
  }
  return undefined;
}
