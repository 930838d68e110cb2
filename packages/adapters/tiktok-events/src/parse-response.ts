import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  isRetryableStatus,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForTiktokCode } from './error-map';

const PLATFORM = 'TikTok Events API';

interface TiktokResponseBody {
  code?: number;
  message?: string;
  request_id?: string;
  data?: { failed_events?: Array<{ index?: unknown; message?: unknown }> };
}

/** The events a partial-success answer names as failed (`data.failed_events[].index`), with their message. */
function failedEvents(body: TiktokResponseBody, count: number): Map<number, string> {
  const failed = new Map<number, string>();
  for (const f of body.data?.failed_events ?? []) {
    if (typeof f.index === 'number' && Number.isInteger(f.index) && f.index >= 0 && f.index < count)
      failed.set(f.index, typeof f.message === 'string' && f.message ? f.message : 'no message');
  }
  return failed;
}

/**
 * One outcome per event of the request, in order. TikTok answers HTTP 200 with `code` ≠ 0 for
 * errors, so the body's code decides: `0` delivered; `20001` (partial success): the events it
 * names in `data.failed_events[].index` are rejected with TikTok's message and the others
 * delivered; a 20001 naming none is delivered with the message as a warning.
 * Undocumented (docs/delivery.md, all-or-nothing table): TikTok's public material does not show a
 * 20001 body nor say whether one invalid event refuses a batch (the reference at
 * business-api.tiktok.com/portal/docs?id=1771100865818625 needs a login). `data.failed_events`
 * with 0-based `index` into `data[]` is the shape Relay assumes; peers read no per-event failure
 * (rudder-transformer `tiktok_ads/networkHandler.js` treats 0 and 20001 alike as success;
 * Segment `tiktok-conversions` sends one event per request). So the adapter is not `atomic`.
 * Other codes per error-map.ts. Without a code, or on 401/403/429/5xx, the HTTP status
 * decides (so Retry-After is kept).
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as TiktokResponseBody;
  const code = typeof body.code === 'number' ? body.code : undefined;
  const requestId = body.request_id ? ` [request_id ${body.request_id}]` : '';
  const message = `${body.message ?? ''}${requestId}`.trim();
  const ok = response.status >= 200 && response.status < 300;

  const httpDecides =
    !ok && (response.status === 401 || response.status === 403 || isRetryableStatus(response.status));
  if (code === undefined || httpDecides) {
    return sameOutcome(
      outcomeFromStatus(response, PLATFORM, now, code === undefined ? undefined : message),
      events.length,
    );
  }
  if (code === 0) return sameOutcome({ status: 'delivered' }, events.length);
  if (code === 20001) {
    const failed = failedEvents(body, events.length);
    if (failed.size > 0) {
      return events.map((_, i): Outcome => {
        const why = failed.get(i);
        return why === undefined
          ? { status: 'delivered' }
          : {
              status: 'rejected',
              code: 'invalid_event',
              reason: `${PLATFORM} refused this event: ${why}${requestId}`,
            };
      });
    }
    return sameOutcome(
      { status: 'delivered', warnings: [`${PLATFORM} reported partial success: ${message || 'no message'}`] },
      events.length,
    );
  }
  return sameOutcome(outcomeForTiktokCode(code, message), events.length);
}
