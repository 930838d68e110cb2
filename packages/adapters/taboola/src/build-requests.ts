import type { BuildContext, CheckContext, HttpRequest, MappedEvent, Refusal } from '@relay/core';
import { actionOf, clickIdOf } from './action';
import type { TaboolaCredentials, TaboolaOptions } from './schemas';
import { TABOOLA_S2S_VERSION } from './version';

type Ctx = BuildContext<TaboolaCredentials, TaboolaOptions>;

/**
 * Taboola attributes an S2S conversion only to the Taboola click it carries, so an event without
 * a click id is skipped with the reason and never sent.
 */
export function check(
  { event }: MappedEvent,
  ctx: CheckContext<TaboolaCredentials, TaboolaOptions>,
): Refusal | undefined {
  const key = ctx.options.click_id_key;
  if (clickIdOf(event, key) !== undefined) return undefined;
  return {
    status: 'skipped',
    reason: `no Taboola click id (record key '${key}'): Taboola attributes S2S conversions only to a Taboola click, so this event is not sent`,
  };
}

/**
 * Pure: one `POST /{account-id}/log/3/bulk-s2s-action` `{actions: [...]}` for the events of the
 * chunk (core keeps chunks ≤ 1000; `check` skipped the events without a click id).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const key = ctx.options.click_id_key;
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/${encodeURIComponent(ctx.credentials.account_id)}/log/${TABOOLA_S2S_VERSION}/bulk-s2s-action`,
      headers: { 'content-type': 'application/json' },
      body: { actions: events.map(({ event, name }) => actionOf(event, name, clickIdOf(event, key) ?? '')) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
