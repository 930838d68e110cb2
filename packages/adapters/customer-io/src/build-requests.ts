import {
  type BuildContext,
  type BuildResult,
  type MappedEvent,
  type Outcome,
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

/**
 * Pure: one `POST /api/v2/batch` with `{batch: [...]}` of person events (≤ 500 KB). The person is
 * the OMS external id (`identifiers.id`, ≤ 150 bytes), else the email; an event with neither is
 * rejected before sending.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const outcomes: Array<{ index: number; outcome: Outcome }> = [];
  const sendable: Array<{ index: number; body: Record<string, unknown> }> = [];
  events.forEach((mapped, index) => {
    const { user } = mapped.event;
    const email = normalizeEmail(user.email);
    const identifiers = user.externalId ? { id: user.externalId } : email ? { email } : undefined;
    if (!identifiers) {
      outcomes.push({
        index,
        outcome: {
          status: 'rejected',
          code: 'missing_person',
          reason: 'Customer.io needs the person: an external_id/customer_id or an email',
        },
      });
      return;
    }
    sendable.push({
      index,
      body: {
        type: 'person',
        action: 'event',
        identifiers,
        name: mapped.name,
        id: ulidFor(mapped.event.dedupKey, mapped.event.occurredAt),
        timestamp: Math.floor(mapped.event.occurredAt.getTime() / 1000),
        attributes: attributesOf(mapped),
      },
    });
  });
  if (sendable.length === 0) return { requests: [], outcomes };
  const host = ctx.baseUrl === HOSTS.us ? HOSTS[ctx.credentials.region] : ctx.baseUrl;
  return {
    requests: [
      {
        method: 'POST',
        url: `${host}/api/v2/batch`,
        headers: {
          authorization: basicAuthorization(ctx.credentials.site_id, ctx.credentials.api_key),
          'content-type': 'application/json',
        },
        body: { batch: sendable.map((s) => s.body) },
        eventIndexes: sendable.map((s) => s.index),
      },
    ],
    outcomes,
  };
}
