import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForSpotifyError } from './error-map';

const PLATFORM = 'Spotify Conversions API';

/**
 * Spotify accepts or refuses the request as a whole (no per-event statuses are documented):
 * 2xx delivered; 401 needs a new token (error map); anything else core's status table with the
 * body's excerpt, which carries Spotify's trace id when it sends one.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const detail = excerpt(response.body, 300) || `HTTP ${response.status}`;
  const special = outcomeForSpotifyError(response.status, detail);
  return sameOutcome(special ?? outcomeFromStatus(response, PLATFORM, now), events.length);
}
