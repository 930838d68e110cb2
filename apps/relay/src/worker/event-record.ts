import { type RelayEvent, omsRecordSchema, toRelayEvent } from '@relay/core';

/** An events row as the router and the delivery loop read it. */
export interface EventRow {
  id: bigint;
  storefront_id: number | null;
  storefront_code: string | null;
  dedup_key: string | null;
  event_name: string;
  event_time: Date;
  order_id: string;
  payload: unknown;
}

/**
 * The RelayEvent of a stored row. API rows carry the whole OMS record in `payload`; rows the
 * OMS inserted directly may carry only the columns, so the columns win over the payload.
 */
export function relayEventOf(row: EventRow, storefrontCode: string, defaultCurrency: string): RelayEvent {
  const payload =
    typeof row.payload === 'string'
      ? (JSON.parse(row.payload) as Record<string, unknown>)
      : ((row.payload ?? {}) as Record<string, unknown>);
  const record = omsRecordSchema.parse({
    ...payload,
    storefront_id: storefrontCode,
    event_name: row.event_name,
    event_time: new Date(row.event_time).toISOString(),
    order_id: row.order_id,
  });
  return toRelayEvent(record, { defaultCurrency });
}
