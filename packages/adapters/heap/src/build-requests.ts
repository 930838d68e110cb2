import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  normalizeEmail,
} from '@relay/core';
import type { HeapCredentials, HeapOptions } from './schemas';

type Ctx = BuildContext<HeapCredentials, HeapOptions>;

const HOSTS = { us: 'https://heapanalytics.com', eu: 'https://c.eu.heap-api.com' } as const;

/** Heap properties are flat strings or numbers, each at most 1024 characters. */
function propertiesOf({ event }: MappedEvent): Record<string, string | number> {
  const entries: Array<[string, string | number | undefined]> = [
    ['order_id', event.orderId],
    ['revenue', event.value],
    ['currency', event.value !== undefined ? event.currency : undefined],
    ['oms_event_name', event.eventName],
    ['session_id', event.sessionId],
    ['utm_source', event.utm.source],
    ['utm_medium', event.utm.medium],
    ['utm_campaign', event.utm.campaign],
    ['affiliate', event.affiliate],
    ['page_url', event.pageUrl],
    ['item_ids', event.items.length > 0 ? event.items.map((i) => i.id ?? '').join('||') : undefined],
  ];
  return Object.fromEntries(
    entries
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 1024) : v]),
  );
}

/** `identity`: the OMS external id, else (with `identify_by_email`) the email. */
const identityOf = ({ event }: MappedEvent, options: HeapOptions): string | undefined =>
  event.user.externalId ?? (options.identify_by_email ? normalizeEmail(event.user.email) : undefined);

/** An event without identity: Heap needs exactly one of identity / user_id. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<HeapCredentials, HeapOptions>,
): Refusal | undefined {
  if (identityOf(mapped, ctx.options)) return undefined;
  return {
    status: 'rejected',
    code: 'missing_identity',
    reason: 'Heap needs an identity: an external_id/customer_id, or an email',
  };
}

/**
 * Pure: one bulk `POST /api/track` (`{app_id, events}`, ≤ 1000 events) with `idempotency_key` =
 * Relay's dedup key; every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === HOSTS.us ? HOSTS[ctx.credentials.region] : ctx.baseUrl;
  const bodies = events.map((mapped) => ({
    identity: (identityOf(mapped, ctx.options) ?? '').slice(0, 255),
    event: mapped.name,
    timestamp: mapped.event.occurredAt.toISOString(),
    idempotency_key: mapped.event.dedupKey,
    properties: propertiesOf(mapped),
  }));
  return [
    {
      method: 'POST',
      url: `${host}/api/track`,
      headers: { 'content-type': 'application/json' },
      body: { app_id: ctx.credentials.app_id, events: bodies },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
