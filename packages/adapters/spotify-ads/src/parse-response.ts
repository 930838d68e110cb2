import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { spotifyErrors } from './error-map';

/**
 * Spotify accepts or refuses the request as a whole (no per-event statuses are documented), so
 * one outcome for the request: 2xx delivered; else the error table (error-map.ts), then core's
 * status table.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  return outcomeFromErrorTable(spotifyErrors, response, 'Spotify Conversions API', now);
}
