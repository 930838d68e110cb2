import type { HttpResponse, MappedEvent, Outcome, ParseContext } from '@relay/core';
import { apiOf } from './build-requests';
import { parseOfflineResponse } from './parse-offline';
import { parseUetResponse } from './parse-uet';
import type { MicrosoftAdsCredentials, MicrosoftAdsOptions } from './schemas';

/** One outcome per event of the request, in order, read by the API the request went to. */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  ctx: ParseContext<MicrosoftAdsCredentials, MicrosoftAdsOptions>,
): Outcome | Outcome[] {
  if (apiOf(ctx) === 'offline_conversions') return parseOfflineResponse(response, events);
  return parseUetResponse(response, events, ctx.options.continue_on_validation_error);
}
