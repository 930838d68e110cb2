import type { BuildContext, CheckContext, HttpRequest, MappedEvent, Refusal } from '@relay/core';
import { clickIdOf, conversionParams, queryString } from './conversion';
import type { OutbrainCredentials, OutbrainOptions } from './schemas';
import { OUTBRAIN_ENDPOINT } from './version';

type Ctx = BuildContext<OutbrainCredentials, OutbrainOptions>;

/**
 * Outbrain attributes an S2S conversion only to the Outbrain click it carries, so an event
 * without a click id is skipped with the reason and never sent.
 */
export function check(
  { event }: MappedEvent,
  ctx: CheckContext<OutbrainCredentials, OutbrainOptions>,
): Refusal | undefined {
  const key = ctx.options.click_id_key;
  if (clickIdOf(event, key) !== undefined) return undefined;
  return {
    status: 'skipped',
    reason: `no Outbrain click id (record key '${key}'): Outbrain attributes S2S conversions only to an Outbrain click, so this event is not sent`,
  };
}

/** Pure: one `GET /unifiedPixel?ob_click_id=…&name=…` per event (core sends chunks of one). */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return events.map(({ event, name }, index) => ({
    method: 'GET',
    url: `${ctx.baseUrl}/${OUTBRAIN_ENDPOINT}?${queryString(conversionParams(event, name, clickIdOf(event, ctx.options.click_id_key) ?? ''))}`,
    headers: {},
    eventIndexes: [index],
  }));
}
