import type { BuildContext, BuildResult, HttpRequest, MappedEvent } from '@relay/core';
import { conversionItemOf } from './conversion';
import { QUORA_EVENT_NAMES } from './event-map';
import type { QuoraPixelCredentials, QuoraPixelOptions } from './schemas';
import { QUORA_API_VERSION } from './version';

type Ctx = BuildContext<QuoraPixelCredentials, QuoraPixelOptions>;

const PLATFORM = 'Quora Conversion API';

/**
 * Pure: one `POST /ads/v0/conversions` `{account_id, data}` for the events of the chunk (core
 * keeps chunks ≤ 1000 events). An event mapped to a name that is not a Quora conversion type is
 * rejected here with its reason instead of being sent.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const data: Array<Record<string, unknown>> = [];
  const eventIndexes: number[] = [];
  const outcomes: NonNullable<BuildResult['outcomes']> = [];
  events.forEach(({ event, name }, index) => {
    if (!QUORA_EVENT_NAMES.has(name)) {
      outcomes.push({
        index,
        outcome: {
          status: 'rejected',
          code: 'unknown_event_name',
          reason: `${PLATFORM} accepts only its own conversion types (Purchase, GenerateLead, CompleteRegistration, Generic, …); '${name}' is not one of them`,
        },
      });
      return;
    }
    data.push(conversionItemOf(event, name, ctx.options, ctx.defaultCountry));
    eventIndexes.push(index);
  });
  const requests: HttpRequest[] = [];
  if (data.length > 0) {
    requests.push({
      method: 'POST',
      url: `${ctx.baseUrl}/ads/${QUORA_API_VERSION}/conversions`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ctx.credentials.api_token}`,
      },
      body: { account_id: Number(ctx.credentials.account_id), data },
      eventIndexes,
    });
  }
  return { requests, outcomes };
}
