import type { BuildContext, BuildResult, HttpRequest, MappedEvent } from '@relay/core';
import { conversionOf, unattributableReason } from './conversion';
import type { TradeDeskCredentials, TradeDeskOptions } from './schemas';

type Ctx = BuildContext<TradeDeskCredentials, TradeDeskOptions>;

/**
 * Pure: one `POST /track/realtimeconversion` `{data: [...]}` for the events of the chunk (core
 * sends one event per request). An event The Trade Desk could not attribute (no advertising id and
 * no IP address, or ad_user_data consent denied) is skipped with the reason and never sent.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const data: Array<Record<string, unknown>> = [];
  const eventIndexes: number[] = [];
  const outcomes: NonNullable<BuildResult['outcomes']> = [];
  events.forEach(({ event, name }, index) => {
    const reason = unattributableReason(event);
    if (reason !== undefined) {
      outcomes.push({ index, outcome: { status: 'skipped', reason } });
      return;
    }
    data.push(conversionOf(event, name, ctx.credentials, ctx.options));
    eventIndexes.push(index);
  });
  const requests: HttpRequest[] = [];
  if (data.length > 0) {
    requests.push({
      method: 'POST',
      url: `${ctx.baseUrl}/track/realtimeconversion`,
      headers: { 'content-type': 'application/json' },
      body: { data },
      eventIndexes,
    });
  }
  return { requests, outcomes };
}
