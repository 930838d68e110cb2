import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  objectOf,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForYahooError } from './error-map';

const PLATFORM = 'Yahoo Conversion API';

/** The message of a Yahoo answer: `message`, `error_description` or `error`, else the raw body. */
function detailOf(response: HttpResponse): string | undefined {
  const body = objectOf(response.json);
  const error = objectOf(body['error']);
  for (const candidate of [body['message'], body['error_description'], error['message'], body['error']]) {
    if (typeof candidate === 'string' && candidate.trim() !== '')
      return candidate.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/**
 * One outcome per event of the request, in order. A 2xx answers `{success: "COMPLETE" |
 * "PARTIAL", message}` for the whole array: COMPLETE (or no body) → delivered; PARTIAL →
 * delivered with a warning, since Yahoo does not say which events it dropped. Other answers
 * apply to every event: the error table first, then core's HTTP status table.
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  now: Date,
  pixelId: string,
): Outcome[] {
  const detail = detailOf(response);
  if (response.status >= 200 && response.status < 300) {
    const success = objectOf(response.json)['success'];
    if (success === 'PARTIAL') {
      const warning = `${PLATFORM} processed the batch only in part (success: PARTIAL) without saying which events: ${detail ?? 'no message'}`;
      return sameOutcome({ status: 'delivered', warnings: [warning] }, events.length);
    }
    return sameOutcome({ status: 'delivered' }, events.length);
  }
  const special = outcomeForYahooError(
    response.status,
    detail ?? (excerpt(response.body, 300) || `HTTP ${response.status}`),
    pixelId,
  );
  return sameOutcome(special ?? outcomeFromStatus(response, PLATFORM, now, detail), events.length);
}
