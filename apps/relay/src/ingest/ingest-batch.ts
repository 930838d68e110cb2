import { type OmsBatch, type OmsRecord, dedupKeyOf } from '@relay/core';
import type { Db } from '../db/client';
import { type NewEvent, eventKey, insertEvents } from '../db/events';
import { storefrontSwitches } from '../db/storefronts';

export interface IngestError {
  /** The record's `event_id` when it has one, else its `order_id`. */
  event_id: string;
  index: number;
  error: string;
}

export interface IngestResult {
  accepted: number;
  rejected: number;
  /** The accepted records' `order_id` strings, as the reference service answered (an OMS reconciles by them). */
  event_ids: string[];
  /** Relay's own ids of the accepted records, in the same order (`GET /admin/v1/events/{id}`). */
  ids: number[];
  errors: IngestError[];
}

interface Candidate {
  index: number;
  record: OmsRecord;
  event: NewEvent;
}

/**
 * Store a validated OMS batch. Cost per batch, whatever its size: one query for its
 * storefronts, then one INSERT of the records, committed before the 202 (a batch holding a
 * duplicate takes a short transaction instead: see `insertEvents`). Records are judged one by one: unknown or disabled storefront and duplicates
 * are listed in `errors`, the rest accepted. A key another request stored meanwhile is reported
 * as a duplicate.
 */
export async function ingestBatch(
  db: Db,
  batch: OmsBatch,
  /** The HTTP request's X-Request-Id, stored with each event so the worker's logs carry it. */
  requestId: string | null = null,
): Promise<IngestResult> {
  const records = batch.data;
  const result: IngestResult = { accepted: 0, rejected: 0, event_ids: [], ids: [], errors: [] };
  if (records.length === 0) return result;

  const reject = (index: number, record: OmsRecord, error: string) => {
    result.rejected += 1;
    result.errors.push({ event_id: String(record.event_id ?? record.order_id), index, error });
  };

  const codes = records.map((r) => r.storefront_id.trim().toLowerCase());
  const storefronts = await storefrontSwitches(db, { codes });
  const byCode = new Map(storefronts.map((s) => [s.code, s]));

  const valid: Candidate[] = [];
  records.forEach((record, index) => {
    const storefront = byCode.get(codes[index]!);
    if (!storefront) {
      reject(index, record, `Storefront '${record.storefront_id}' not found`);
      return;
    }
    if (!Number(storefront.is_active)) {
      reject(index, record, `Storefront '${record.storefront_id}' is disabled`);
      return;
    }
    const event: NewEvent = {
      storefrontId: storefront.id,
      storefrontCode: storefront.code,
      dedupKey: dedupKeyOf(record),
      eventName: record.event_name.trim(),
      eventTime: new Date(record.event_time),
      orderId: String(record.order_id),
      payload: JSON.stringify(record),
      requestId,
    };
    valid.push({ index, record, event });
  });
  if (valid.length === 0) return finish(result);

  const ids = await insertEvents(
    db,
    valid.map((c) => c.event),
  );

  const reported = new Set<number>();
  for (const c of valid) {
    const id = ids.get(eventKey(c.event.storefrontCode, c.event.dedupKey));
    if (id === undefined || reported.has(id)) {
      reject(c.index, c.record, 'Event already exists');
      continue;
    }
    reported.add(id);
    result.accepted += 1;
    result.event_ids.push(c.event.orderId);
    result.ids.push(id);
  }
  return finish(result);
}

function finish(result: IngestResult): IngestResult {
  result.errors.sort((a, b) => a.index - b.index);
  return result;
}
