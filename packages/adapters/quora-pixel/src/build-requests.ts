import type { BuildContext, HttpRequest, MappedEvent, Refusal } from '@relay/core';
import { conversionItemOf } from './conversion';
import { QUORA_EVENT_NAMES } from './event-map';
import type { QuoraPixelCredentials, QuoraPixelOptions } from './schemas';
import { QUORA_API_VERSION } from './version';

type Ctx = BuildContext<QuoraPixelCredentials, QuoraPixelOptions>;

const PLATFORM = 'Quora Conversion API';

/** Quora takes only its own conversion types: another name (an `eventMap` override) is refused before sending. */
export function check({ name }: MappedEvent): Refusal | undefined {
  if (QUORA_EVENT_NAMES.has(name)) return undefined;
  return {
    status: 'rejected',
    code: 'unknown_event_name',
    reason: `${PLATFORM} accepts only its own conversion types (Purchase, GenerateLead, CompleteRegistration, Generic, …); '${name}' is not one of them`,
  };
}

/** Pure: one `POST /ads/v0/conversions` `{account_id, data}` with every event of the chunk (`check` refused unknown types). */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/ads/${QUORA_API_VERSION}/conversions`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ctx.credentials.api_token}`,
      },
      body: {
        account_id: Number(ctx.credentials.account_id),
        data: events.map(({ event, name }) => conversionItemOf(event, name, ctx.options, ctx.defaultCountry)),
      },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
