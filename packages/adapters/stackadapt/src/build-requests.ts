import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
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
 * Events not sent, skipped with the reason: a name without a Conversion Event id, or no usable
 * StackAdapt click id.
 */
export function check(
  { event, name }: MappedEvent,
  ctx: CheckContext<StackadaptCredentials, StackadaptOptions>,
): Refusal | undefined {
  if (ctx.credentials.conversion_ids[name] === undefined) {
    return {
      status: 'skipped',
      reason: `no StackAdapt Conversion Event id configured for '${name}' (credentials.conversion_ids)`,
    };
  }
  const click = clickIdOf(event, ctx.options.click_id_key);
  return 'skip' in click ? { status: 'skipped', reason: click.skip } : undefined;
}

/**
 * Pure: one `GET /conv?cid=…&sapid=…` per event (the pixel takes one conversion per call; core
 * chunks by one; `check` skipped the events it cannot send). The customer's IP and user agent,
 * when known, go in `X-Forwarded-For` and `User-Agent`, as a browser's pixel call would carry them.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return events.map(({ event, name }, index) => {
    const click = clickIdOf(event, ctx.options.click_id_key);
    const sapid = 'sapid' in click ? click.sapid : '';
    const headers: Record<string, string> = {};
    if (event.user.ip) headers['x-forwarded-for'] = event.user.ip;
    if (event.user.userAgent) headers['user-agent'] = event.user.userAgent;
    return {
      method: 'GET',
      url: `${ctx.baseUrl}/conv?${conversionQuery(event, ctx.credentials.conversion_ids[name] ?? '', sapid).toString()}`,
      headers,
      eventIndexes: [index],
    };
  });
}
