import { type RelayEvent, omsRecordSchema, toRelayEvent } from '@relay/core';
import type { EventRow } from '../db/events';

export type { EventRow };

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
