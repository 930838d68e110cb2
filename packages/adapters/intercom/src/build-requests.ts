import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  normalizeEmail,
} from '@relay/core';
import type { IntercomCredentials, IntercomOptions } from './schemas';
import { INTERCOM_API_VERSION } from './version';

type Ctx = BuildContext<IntercomCredentials, IntercomOptions>;

const REGION_HOSTS = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
} as const;

/** Intercom keeps at most 10 metadata keys per event; these are sent in this order while room remains. */
function metadataOf({ event }: MappedEvent): Record<string, string> {
  const candidates: Array<[string, string | undefined]> = [
    ['order_id', event.orderId],
    ['value', event.value?.toFixed(2)],
    ['currency', event.value !== undefined ? event.currency : undefined],
    ['event_id', event.dedupKey],
    ['session_id', event.sessionId],
    ['utm_source', event.utm.source],
    ['utm_medium', event.utm.medium],
    ['utm_campaign', event.utm.campaign],
    ['affiliate', event.affiliate],
    ['page_url', event.pageUrl],
  ];
  return Object.fromEntries(candidates.filter((c): c is [string, string] => c[1] !== undefined).slice(0, 10));
}

/** The user: the OMS's external id (`user_id`), else (with `identify_by_email`) the email. */
const userOf = ({ event }: MappedEvent, options: IntercomOptions) => {
  const email = options.identify_by_email ? normalizeEmail(event.user.email) : undefined;
  return event.user.externalId ? { user_id: event.user.externalId } : email ? { email } : undefined;
};

/** An event with neither external id nor (with identify_by_email) email: Intercom cannot tell the user. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<IntercomCredentials, IntercomOptions>,
): Refusal | undefined {
  if (userOf(mapped, ctx.options)) return undefined;
  return {
    status: 'rejected',
    code: 'missing_user',
    reason: 'Intercom needs the user: an external_id/customer_id, or an email when identify_by_email is on',
  };
}

/** Pure: one `POST /events` per event (Intercom has no batch endpoint); every event passed `check`. */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === REGION_HOSTS.us ? REGION_HOSTS[ctx.credentials.region] : ctx.baseUrl;
  return events.map((mapped, index) => ({
    method: 'POST',
    url: `${host}/events`,
    headers: {
      authorization: `Bearer ${ctx.credentials.access_token}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'Intercom-Version': ctx.options.intercom_version ?? INTERCOM_API_VERSION,
    },
    body: {
      event_name: mapped.name,
      created_at: Math.floor(mapped.event.occurredAt.getTime() / 1000),
      ...userOf(mapped, ctx.options),
      metadata: metadataOf(mapped),
    },
    eventIndexes: [index],
  }));
}
