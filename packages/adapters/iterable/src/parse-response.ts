import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { type IterableError, iterableErrors } from './error-map';

const PLATFORM = 'Iterable';

interface BulkBody extends IterableError {
  successCount?: number;
  failCount?: number;
  invalidEmails?: string[];
  invalidUserIds?: string[];
  disallowedEventNames?: string[];
}

const lower = (list: unknown) => new Set(Array.isArray(list) ? list.map((v) => String(v).toLowerCase()) : []);

/**
 * `trackBulk` answers 200 with counts and the failed keys: an event whose email or userId is
 * listed invalid, or whose name is disallowed, is rejected; the others are delivered. Other
 * answers are one outcome for the request (the error table first, then the HTTP status).
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome | Outcome[] {
  const body = (typeof response.json === 'object' && response.json !== null ? response.json : {}) as BulkBody;
  if (response.status >= 200 && response.status < 300) {
    const emails = lower(body.invalidEmails);
    const userIds = lower(body.invalidUserIds);
    const names = new Set(Array.isArray(body.disallowedEventNames) ? body.disallowedEventNames : []);
    return events.map(({ event, name }) => {
      const email = event.user.email?.trim().toLowerCase();
      if (email && emails.has(email))
        return {
          status: 'rejected',
          code: 'iterable_invalid_email',
          reason: `${PLATFORM} refused the email of this event as invalid`,
        };
      if (event.user.externalId && userIds.has(event.user.externalId.toLowerCase())) {
        return {
          status: 'rejected',
          code: 'iterable_invalid_user_id',
          reason: `${PLATFORM} refused the userId of this event as invalid`,
        };
      }
      if (names.has(name))
        return {
          status: 'rejected',
          code: 'iterable_disallowed_event',
          reason: `${PLATFORM} does not allow the event name '${name}' in this project`,
        };
      return { status: 'delivered' };
    });
  }
  const hit = matchErrorRow(iterableErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, PLATFORM);
  return outcomeFromStatus(
    response,
    PLATFORM,
    now,
    body.msg ? `${body.msg} (${body.code ?? '?'})` : undefined,
  );
}
