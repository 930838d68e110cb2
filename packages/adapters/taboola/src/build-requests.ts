import type { BuildContext, BuildResult, HttpRequest, MappedEvent } from '@relay/core';
import { actionOf, clickIdOf } from './action';
import type { TaboolaCredentials, TaboolaOptions } from './schemas';
import { TABOOLA_S2S_VERSION } from './version';

type Ctx = BuildContext<TaboolaCredentials, TaboolaOptions>;

/**
 * Pure: one `POST /{account-id}/log/3/bulk-s2s-action` `{actions: [...]}` for the events of the
 * chunk (core keeps chunks ≤ 1000). Taboola attributes an S2S conversion only to the Taboola click
 * it carries, so an event without a click id is skipped with the reason and never sent.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const key = ctx.options.click_id_key;
  const actions: Array<Record<string, unknown>> = [];
  const eventIndexes: number[] = [];
  const outcomes: NonNullable<BuildResult['outcomes']> = [];
  events.forEach(({ event, name }, index) => {
    const clickId = clickIdOf(event, key);
    if (clickId === undefined) {
      outcomes.push({
        index,
        outcome: {
          status: 'skipped',
          reason: `no Taboola click id (record key '${key}'): Taboola attributes S2S conversions only to a Taboola click, so this event is not sent`,
        },
      });
      return;
    }
    actions.push(actionOf(event, name, clickId));
    eventIndexes.push(index);
  });
  const requests: HttpRequest[] = [];
  if (actions.length > 0) {
    requests.push({
      method: 'POST',
      url: `${ctx.baseUrl}/${encodeURIComponent(ctx.credentials.account_id)}/log/${TABOOLA_S2S_VERSION}/bulk-s2s-action`,
      headers: { 'content-type': 'application/json' },
      body: { actions },
      eventIndexes,
    });
  }
  return { requests, outcomes };
}
