import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  normalizeEmail,
} from '@relay/core';
import type { IterableCredentials, IterableOptions } from './schemas';

type Ctx = BuildContext<IterableCredentials, IterableOptions>;

const HOSTS = { us: 'https://api.iterable.com', eu: 'https://api.eu.iterable.com' } as const;

/** The user key Iterable matches on: email (normalised) or userId, per the project's setting. */
export function userKeyOf(
  mapped: MappedEvent,
  ctx: CheckContext<IterableCredentials, IterableOptions>,
): { email: string } | { userId: string } | undefined {
  const { user } = mapped.event;
  if (ctx.options.identify_by === 'userId') return user.externalId ? { userId: user.externalId } : undefined;
  const email = normalizeEmail(user.email);
  return email ? { email } : undefined;
}

function dataFieldsOf({ event }: MappedEvent): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    orderId: event.orderId,
    omsEventName: event.eventName,
    ...(event.value !== undefined && { total: event.value, currency: event.currency }),
    ...(event.sessionId && { sessionId: event.sessionId }),
    ...(event.utm.source && { utmSource: event.utm.source }),
    ...(event.utm.medium && { utmMedium: event.utm.medium }),
    ...(event.utm.campaign && { utmCampaign: event.utm.campaign }),
    ...(event.affiliate && { affiliate: event.affiliate }),
    ...(event.items.length > 0 && {
      items: event.items.map((i) => ({
        id: i.id,
        name: i.name,
        price: i.price,
        quantity: i.quantity,
        categories: i.category ? [i.category] : [],
      })),
    }),
  };
  return fields;
}

/** An event without the user key Iterable matches on. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<IterableCredentials, IterableOptions>,
): Refusal | undefined {
  if (userKeyOf(mapped, ctx)) return undefined;
  return {
    status: 'rejected',
    code: 'missing_user',
    reason: `Iterable identifies users by ${ctx.options.identify_by === 'userId' ? 'userId (external_id/customer_id)' : 'email'}; this event has none`,
  };
}

/**
 * Pure: one `POST /api/events/trackBulk` with `{events}` (≤ 1000); every event passed `check`.
 * Each event's `id` is Relay's dedup key, so a repeat updates the same Iterable event instead of
 * adding one; `createdAt` is the event's own time in seconds.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === HOSTS.us ? HOSTS[ctx.credentials.data_center] : ctx.baseUrl;
  const bodies = events.map((mapped) => ({
    ...userKeyOf(mapped, ctx),
    eventName: mapped.name,
    id: mapped.event.dedupKey,
    createdAt: Math.floor(mapped.event.occurredAt.getTime() / 1000),
    dataFields: dataFieldsOf(mapped),
  }));
  return [
    {
      method: 'POST',
      url: `${host}/api/events/trackBulk`,
      headers: { 'Api-Key': ctx.credentials.api_key, 'content-type': 'application/json' },
      body: { events: bodies },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
