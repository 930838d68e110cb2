import { type ErrorTable, type Outcome, excerpt, objectOf } from '@relay/core';

const PLATFORM = 'The Trade Desk';

/**
 * The Trade Desk answers whose outcome differs from core's default for the HTTP status. The
 * endpoint takes no credentials, so there is no token to refresh: 401 and 403 need a person
 * (check advertiser_id and tracker_id with your TTD representative). The error is TTD's
 * `Message`, else the body's text.
 */
export const tradeDeskErrors: ErrorTable = {
  read: (response) => {
    const message = objectOf(response.json)['Message'];
    return {
      message:
        typeof message === 'string' && message.trim() !== ''
          ? message.trim()
          : excerpt(response.body, 300) || `HTTP ${response.status}`,
    };
  },
  rows: [401, 403].map((status) => ({
    status,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: `refused the request (${status}); check advertiser_id and tracker_id`,
    example: { status, body: { Message: status === 401 ? 'Unauthorized' : 'Forbidden' } },
  })),
};

/** One entry of `EventResponses` in The Trade Desk's answer. */
export interface TradeDeskEventResponse {
  EventIndex?: number;
  EventErrors?: unknown[];
  EventWarnings?: unknown[];
  Successful?: boolean;
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** `message (Code)` of an `EventErrors`/`EventWarnings` entry (`{Error, ErrorMessage}` or a string). */
export function describeEntry(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'object' || entry === null) return 'unknown';
  const e = entry as Record<string, unknown>;
  const message = str(e['ErrorMessage']) ?? str(e['WarningMessage']) ?? str(e['Message']);
  const code = str(e['Error']) ?? str(e['Warning']) ?? str(e['Code']);
  if (message && code) return `${message} (${code})`;
  return message ?? code ?? JSON.stringify(entry);
}

/**
 * Outcome of an event The Trade Desk reports as not successful: rejected with TTD's error code
 * (`ttd_<Error>`, e.g. `ttd_InvalidPrivacySetting`) and every error message.
 */
export function outcomeForEventErrors(response: TradeDeskEventResponse): Outcome {
  const errors = response.EventErrors ?? [];
  const first = errors[0];
  const code =
    typeof first === 'object' && first !== null
      ? str((first as Record<string, unknown>)['Error'])
      : undefined;
  const detail = errors.length > 0 ? errors.map(describeEntry).join('; ') : 'no error message';
  return {
    status: 'rejected',
    code: code ? `ttd_${code}` : 'event_error',
    reason: `${PLATFORM} rejected the event: ${detail}`,
  };
}
