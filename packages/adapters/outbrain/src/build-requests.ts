import { type BuildContext, type BuildResult, type MappedEvent, oneRequestPerEvent } from '@relay/core';
import { clickIdOf, conversionParams, queryString } from './conversion';
import type { OutbrainCredentials, OutbrainOptions } from './schemas';
import { OUTBRAIN_ENDPOINT } from './version';

type Ctx = BuildContext<OutbrainCredentials, OutbrainOptions>;

/**
 * Pure: one `GET /unifiedPixel?ob_click_id=…&name=…` per event (core sends chunks of one).
 * Outbrain attributes an S2S conversion only to the Outbrain click it carries, so an event without
 * a click id is skipped with the reason and never sent.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const key = ctx.options.click_id_key;
  return oneRequestPerEvent(events, ({ event, name }) => {
    const clickId = clickIdOf(event, key);
    if (clickId === undefined) {
      return {
        status: 'skipped',
        reason: `no Outbrain click id (record key '${key}'): Outbrain attributes S2S conversions only to an Outbrain click, so this event is not sent`,
      };
    }
    return {
      method: 'GET',
      url: `${ctx.baseUrl}/${OUTBRAIN_ENDPOINT}?${queryString(conversionParams(event, name, clickId))}`,
      headers: {},
    };
  });
}
