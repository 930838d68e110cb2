import {
  type BuildContext,
  type BuildResult,
  type MappedEvent,
  type Outcome,
  type RelayEvent,
  recordText,
} from '@relay/core';
import type { StackadaptCredentials, StackadaptOptions } from './schemas';

type Ctx = BuildContext<StackadaptCredentials, StackadaptOptions>;

/** The click-URL macro StackAdapt expands; still present means the click id never reached the site. */
const UNEXPANDED_MACRO = /\{SA_POSTBACK_ID\}/i;

/** Why an event is not sent, or its click id. */
function clickIdOf(event: RelayEvent, key: string): { sapid: string } | { skip: string } {
  const sapid = recordText(event, key);
  if (sapid === undefined) {
    return {
      skip: `no StackAdapt click id (record key '${key}'): server-side conversions are attributed only to the StackAdapt click they carry, so this event is not sent`,
    };
  }
  if (UNEXPANDED_MACRO.test(sapid)) {
    return {
      skip: `the StackAdapt click id is the unexpanded macro '${sapid}': fix the campaign click URL (sapid={SA_POSTBACK_ID}); this event is not sent`,
    };
  }
  return { sapid };
}

/** The conversion pixel's query: `cid`, `sapid`, then the conversion data as `sa_conv_data_<key>`. */
export function conversionQuery(event: RelayEvent, cid: string, sapid: string): URLSearchParams {
  const query = new URLSearchParams({ cid, sapid });
  if (event.value !== undefined) query.set('sa_conv_data_revenue', String(event.value));
  query.set('sa_conv_data_order_id', event.orderId);
  return query;
}

/**
 * Pure: one `GET /conv?cid=…&sapid=…` per event (the pixel takes one conversion per call; core
 * chunks by one). Events whose name has no Conversion Event id, or without a StackAdapt click
 * id, are skipped with the reason and never sent. The customer's IP and user agent, when known,
 * go in `X-Forwarded-For` and `User-Agent`, as a browser's pixel call would carry them.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const result: Required<BuildResult> = { requests: [], outcomes: [] };
  const skip = (index: number, reason: string): Outcome => {
    const outcome: Outcome = { status: 'skipped', reason };
    result.outcomes.push({ index, outcome });
    return outcome;
  };
  events.forEach(({ event, name }, index) => {
    const cid = ctx.credentials.conversion_ids[name];
    if (cid === undefined) {
      skip(index, `no StackAdapt Conversion Event id configured for '${name}' (credentials.conversion_ids)`);
      return;
    }
    const click = clickIdOf(event, ctx.options.click_id_key);
    if ('skip' in click) {
      skip(index, click.skip);
      return;
    }
    const headers: Record<string, string> = {};
    if (event.user.ip) headers['x-forwarded-for'] = event.user.ip;
    if (event.user.userAgent) headers['user-agent'] = event.user.userAgent;
    result.requests.push({
      method: 'GET',
      url: `${ctx.baseUrl}/conv?${conversionQuery(event, cid, click.sapid).toString()}`,
      headers,
      eventIndexes: [index],
    });
  });
  return result;
}
