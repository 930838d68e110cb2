import {
  type BuildContext,
  type BuildResult,
  type MappedEvent,
  type Outcome,
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

/**
 * Pure: one bulk `POST /api/track` (`{app_id, events}`, ≤ 1000 events) with `idempotency_key` =
 * Relay's dedup key. `identity` is the OMS external id, else the email; an event with neither is
 * rejected before sending (Heap needs exactly one of identity / user_id).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const outcomes: Array<{ index: number; outcome: Outcome }> = [];
  const sendable: Array<{ index: number; body: Record<string, unknown> }> = [];
  events.forEach((mapped, index) => {
    const { user } = mapped.event;
    const identity =
      user.externalId ?? (ctx.options.identify_by_email ? normalizeEmail(user.email) : undefined);
    if (!identity) {
      outcomes.push({
        index,
        outcome: {
          status: 'rejected',
          code: 'missing_identity',
          reason: 'Heap needs an identity: an external_id/customer_id, or an email',
        },
      });
      return;
    }
    sendable.push({
      index,
      body: {
        identity: identity.slice(0, 255),
        event: mapped.name,
        timestamp: mapped.event.occurredAt.toISOString(),
        idempotency_key: mapped.event.dedupKey,
        properties: propertiesOf(mapped),
      },
    });
  });
  if (sendable.length === 0) return { requests: [], outcomes };
  const host = ctx.baseUrl === HOSTS.us ? HOSTS[ctx.credentials.region] : ctx.baseUrl;
  return {
    requests: [
      {
        method: 'POST',
        url: `${host}/api/track`,
        headers: { 'content-type': 'application/json' },
        body: { app_id: ctx.credentials.app_id, events: sendable.map((s) => s.body) },
        eventIndexes: sendable.map((s) => s.index),
      },
    ],
    outcomes,
  };
}
