import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  basicAuthorization,
  normalizeEmail,
  sha256Hex,
} from '@relay/core';
import type { CustomerIoCredentials, CustomerIoOptions } from './schemas';

type Ctx = BuildContext<CustomerIoCredentials, CustomerIoOptions>;

const HOSTS = { us: 'https://track.customer.io', eu: 'https://track-eu.customer.io' } as const;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Customer.io dedups events on a ULID `id`. Relay derives one deterministically from the dedup
 * key: the event's own time as the 48-bit ULID timestamp and 80 bits of SHA-256(dedup key), so a
 * retry or replay sends the same id.
 */
export function ulidFor(dedupKey: string, at: Date): string {
  let time = at.getTime();
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD[time % 32]! + timePart;
    time = Math.floor(time / 32);
  }
  const bits = BigInt(`0x${sha256Hex(dedupKey).slice(0, 20)}`);
  let randomPart = '';
  for (let i = 0; i < 16; i++) randomPart = CROCKFORD[Number((bits >> BigInt(5 * i)) & 31n)]! + randomPart;
  return timePart + randomPart;
}

function attributesOf({ event }: MappedEvent): Record<string, unknown> {
  return {
    order_id: event.orderId,
    oms_event_name: event.eventName,
    ...(event.value !== undefined && { revenue: event.value, currency: event.currency }),
    ...(event.sessionId && { session_id: event.sessionId }),
    ...(event.utm.source && { utm_source: event.utm.source }),
    ...(event.utm.medium && { utm_medium: event.utm.medium }),
    ...(event.utm.campaign && { utm_campaign: event.utm.campaign }),
    ...(event.affiliate && { affiliate: event.affiliate }),
    ...(event.items.length > 0 && { items: event.items }),
  };
}

/** The person: the OMS external id (`identifiers.id`, ≤ 150 bytes), else the email. */
const identifiersOf = ({ event }: MappedEvent): Record<string, string> | undefined => {
  const email = normalizeEmail(event.user.email);
  return event.user.externalId ? { id: event.user.externalId } : email ? { email } : undefined;
};

/** An event with neither external id nor email: Customer.io cannot tell the person. */
export function check(
  mapped: MappedEvent,
  _ctx: CheckContext<CustomerIoCredentials, CustomerIoOptions>,
): Refusal | undefined {
  if (identifiersOf(mapped)) return undefined;
  return {
    status: 'rejected',
    code: 'missing_person',
    reason: 'Customer.io needs the person: an external_id/customer_id or an email',
  };
}

/** Pure: one `POST /api/v2/batch` with `{batch: [...]}` of person events (≤ 500 KB); every event passed `check`. */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === HOSTS.us ? HOSTS[ctx.credentials.region] : ctx.baseUrl;
  const batch = events.map((mapped) => ({
    type: 'person',
    action: 'event',
    identifiers: identifiersOf(mapped),
    name: mapped.name,
    id: ulidFor(mapped.event.dedupKey, mapped.event.occurredAt),
    timestamp: Math.floor(mapped.event.occurredAt.getTime() / 1000),
    attributes: attributesOf(mapped),
  }));
  return [
    {
      method: 'POST',
      url: `${host}/api/v2/batch`,
      headers: {
        authorization: basicAuthorization(ctx.credentials.site_id, ctx.credentials.api_key),
        'content-type': 'application/json',
      },
      body: { batch },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
