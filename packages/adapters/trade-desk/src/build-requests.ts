import type { BuildContext, HttpRequest, MappedEvent, Refusal } from '@relay/core';
import { conversionOf, unattributableReason } from './conversion';
import type { TradeDeskCredentials, TradeDeskOptions } from './schemas';

type Ctx = BuildContext<TradeDeskCredentials, TradeDeskOptions>;

/**
 * An event The Trade Desk could not attribute (no advertising id and no IP address, or
 * ad_user_data consent denied) is skipped with the reason and never sent.
 */
export function check({ event }: MappedEvent): Refusal | undefined {
  const reason = unattributableReason(event);
  return reason === undefined ? undefined : { status: 'skipped', reason };
}

/**
 * Pure: one `POST /track/realtimeconversion` `{data: [...]}` for the events of the chunk (core
 * sends one event per request; `check` skipped the ones TTD could not attribute).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/track/realtimeconversion`,
      headers: { 'content-type': 'application/json' },
      body: {
        data: events.map(({ event, name }) => conversionOf(event, name, ctx.credentials, ctx.options)),
      },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
