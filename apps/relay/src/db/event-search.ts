import type { Db } from './client';

export interface EventSearch {
  /** Storefront code (`storefront_id` in the API). */
  storefront?: string;
  event_name?: string;
  order_id?: string;
  /** The event's own status (pending, routing, routed, …). */
  status?: string;
  /** Received (`created_at`) at or after / before. */
  from?: Date;
  to?: Date;
  /** Only events with a delivery matching all of these. */
  platform_code?: string;
  destination?: string;
  /** delivered | failed | retrying | pending | suppressed | skipped | leased */
  delivery_status?: string;
  /** The matching delivery was last attempted at or after this time. */
  delivery_from?: Date;
  /** Events with a smaller id than this (the previous page's `next_cursor`). */
  before_id?: bigint;
  limit: number;
}

export interface EventSummary {
  id: number;
  storefront_id: string | null;
  event_name: string;
  order_id: string;
  event_time: string;
  status: string;
  status_reason: string | null;
  created_at: string;
  deliveries: Array<{ destination: string; platform_code: string; status: string; attempts: number }>;
}

interface EventRow {
  id: bigint;
  storefront_code: string | null;
  event_name: string;
  order_id: string;
  event_time: Date;
  status: string;
  status_reason: string | null;
  created_at: Date;
}

/** `retrying` is a waiting delivery that has been tried at least once. */
function deliveryStatusClause(status: string): string {
  if (status === 'retrying') return "d.status IN ('pending', 'leased') AND d.attempts > 0";
  return 'd.status = ?';
}

/**
 * Newest first, keyset-paginated on the id (stable while events arrive). Returns one row more
 * than asked when there is a next page, so the caller knows without counting.
 */
export async function searchEvents(
  db: Db,
  q: EventSearch,
): Promise<{ items: EventSummary[]; next_cursor: string | null }> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (q.storefront !== undefined) add('e.storefront_code = ?', q.storefront);
  if (q.event_name !== undefined) add('e.event_name = ?', q.event_name);
  if (q.order_id !== undefined) add('e.order_id = ?', q.order_id);
  if (q.status !== undefined) add('e.status = ?', q.status);
  if (q.from !== undefined) add('e.created_at >= ?', q.from);
  if (q.to !== undefined) add('e.created_at < ?', q.to);
  if (q.before_id !== undefined) add('e.id < ?', q.before_id);
  const delivery: string[] = [];
  const deliveryParams: unknown[] = [];
  if (q.platform_code !== undefined) {
    delivery.push('d.platform_code = ?');
    deliveryParams.push(q.platform_code);
  }
  if (q.destination !== undefined) {
    delivery.push('d.destination_key = ?');
    deliveryParams.push(q.destination);
  }
  if (q.delivery_status !== undefined) {
    delivery.push(deliveryStatusClause(q.delivery_status));
    if (q.delivery_status !== 'retrying') deliveryParams.push(q.delivery_status);
  }
  if (q.delivery_from !== undefined) {
    delivery.push('d.last_attempt_at >= ?');
    deliveryParams.push(q.delivery_from);
  }
  if (delivery.length > 0) {
    add(
      `EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND ${delivery.join(' AND ')})`,
      ...deliveryParams,
    );
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const rows = await db.$queryRawUnsafe<EventRow[]>(
    `SELECT e.id, e.storefront_code, e.event_name, e.order_id, e.event_time, e.status, e.status_reason, e.created_at
     FROM events e ${where} ORDER BY e.id DESC LIMIT ${Number(q.limit) + 1}`,
    ...params,
  );
  const page = rows.slice(0, q.limit);
  const deliveries =
    page.length === 0
      ? []
      : await db.$queryRawUnsafe<
          Array<{
            event_id: bigint;
            destination_key: string;
            platform_code: string;
            status: string;
            attempts: number;
          }>
        >(
          `SELECT event_id, destination_key, platform_code, status, attempts FROM deliveries
           WHERE event_id IN (${page.map(() => '?').join(', ')}) ORDER BY id`,
          ...page.map((r) => r.id),
        );
  return {
    items: page.map((e) => ({
      id: Number(e.id),
      storefront_id: e.storefront_code,
      event_name: e.event_name,
      order_id: e.order_id,
      event_time: new Date(e.event_time).toISOString(),
      status: e.status,
      status_reason: e.status_reason,
      created_at: new Date(e.created_at).toISOString(),
      deliveries: deliveries
        .filter((d) => d.event_id === e.id)
        .map((d) => ({
          destination: d.destination_key,
          platform_code: d.platform_code,
          status: d.status,
          attempts: Number(d.attempts),
        })),
    })),
    next_cursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null,
  };
}
