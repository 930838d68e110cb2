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
}

/**
 * One outcome per event of the request, in order. TikTok answers HTTP 200 with `code` ≠ 0 for
 * errors, so the body's code decides: `0` delivered; `20001` (partial success) delivered with
 * TikTok's message as a warning, since the response does not say which events failed (resending
 * is safe: TikTok dedups `event` + `event_id` for 48 h, but would not fix invalid events);
 * other codes per error-map.ts. Without a code, or on 401/403/429/5xx, the HTTP status
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
    return sameOutcome(
      { status: 'delivered', warnings: [`${PLATFORM} reported partial success: ${message || 'no message'}`] },
      events.length,
    );
  }
  return sameOutcome(outcomeForTiktokCode(code, message), events.length);
}
