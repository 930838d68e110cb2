import { type OmsBatch, type OmsRecord, dedupKeyOf } from '@relay/core';
import type { Db } from '../db/client';

export interface IngestError {
  /** The record's `event_id` when it has one, else its `order_id`. */
  event_id: string;
  index: number;
  error: string;
}

export interface IngestResult {
  accepted: number;
  rejected: number;
  event_ids: number[];
  errors: IngestError[];
}

interface StorefrontRow {
  id: number;
  code: string;
  is_active: boolean | number;
}

interface Candidate {
  index: number;
  record: OmsRecord;
  storefront: StorefrontRow;
  dedupKey: string;
}

const keyOf = (code: string, dedupKey: string) => `${code}\u0000${dedupKey}`;

/**
 * Store a validated OMS batch. Cost per batch, whatever its size: one query for its
 * storefronts, one for keys already stored, one multi-row `INSERT IGNORE` (the unique
 * (storefront_code, dedup_key) index does the dedup) and one to read the new ids — all in one
 * transaction, committed before the 202. Records are judged one by one: unknown or disabled
 * storefront and duplicates are listed in `errors`, the rest accepted, in batch order.
 */
export async function ingestBatch(db: Db, batch: OmsBatch): Promise<IngestResult> {
  const records = batch.data;
  const result: IngestResult = { accepted: 0, rejected: 0, event_ids: [], errors: [] };
  if (records.length === 0) return result;

  const reject = (index: number, record: OmsRecord, error: string) => {
    result.rejected += 1;
    result.errors.push({ event_id: String(record.event_id ?? record.order_id), index, error });
  };

  const codes = [...new Set(records.map((r) => r.storefront_id.trim().toLowerCase()))];
  const storefronts = await db.$queryRawUnsafe<StorefrontRow[]>(
    `SELECT id, storefront_id AS code, is_active FROM storefronts WHERE storefront_id IN (${codes.map(() => '?').join(', ')})`,
    ...codes,
  );
  const byCode = new Map(storefronts.map((s) => [s.code, s]));

  const candidates: Array<Candidate | undefined> = records.map((record, index) => {
    const code = record.storefront_id.trim().toLowerCase();
    const storefront = byCode.get(code);
    if (!storefront) return void reject(index, record, `Storefront '${record.storefront_id}' not found`);
    if (!Number(storefront.is_active)) {
      return void reject(index, record, `Storefront '${record.storefront_id}' is disabled`);
    }
    return { index, record, storefront, dedupKey: dedupKeyOf(record) };
  });
  const valid = candidates.filter((c): c is Candidate => c !== undefined);
  if (valid.length === 0) return finish(result);

  const ids = await db.$transaction(async (tx) => {
    const pairs = valid.map(() => '(?, ?)').join(', ');
    const pairParams = valid.flatMap((c) => [c.storefront.code, c.dedupKey]);
    const existing = await tx.$queryRawUnsafe<Array<{ code: string; dedup_key: string }>>(
      `SELECT storefront_code AS code, dedup_key FROM events WHERE (storefront_code, dedup_key) IN (${pairs})`,
      ...pairParams,
    );
    const taken = new Set(existing.map((e) => keyOf(e.code, e.dedup_key)));
    const fresh: Candidate[] = [];
    for (const c of valid) {
      const key = keyOf(c.storefront.code, c.dedupKey);
      if (taken.has(key)) {
        reject(c.index, c.record, 'Event already exists');
        continue;
      }
      taken.add(key);
      fresh.push(c);
    }
    if (fresh.length === 0) return new Map<string, number>();
    const rows = fresh.map(() => "(?, ?, ?, ?, ?, ?, ?, 'pending')").join(', ');
    const params = fresh.flatMap((c) => [
      c.storefront.id,
      c.storefront.code,
      c.dedupKey,
      c.record.event_name.trim(),
      new Date(c.record.event_time),
      String(c.record.order_id),
      JSON.stringify(c.record),
    ]);
    await tx.$executeRawUnsafe(
      `INSERT IGNORE INTO events (storefront_id, storefront_code, dedup_key, event_name, event_time, order_id, payload, status) VALUES ${rows}`,
      ...params,
    );
    const inserted = await tx.$queryRawUnsafe<Array<{ id: bigint; code: string; dedup_key: string }>>(
      `SELECT id, storefront_code AS code, dedup_key FROM events WHERE (storefront_code, dedup_key) IN (${fresh.map(() => '(?, ?)').join(', ')})`,
      ...fresh.flatMap((c) => [c.storefront.code, c.dedupKey]),
    );
    const map = new Map(inserted.map((r) => [keyOf(r.code, r.dedup_key), Number(r.id)]));
    return new Map(fresh.map((c) => [String(c.index), map.get(keyOf(c.storefront.code, c.dedupKey))!]));
  });

  for (const c of valid) {
    const id = ids.get(String(c.index));
    if (id !== undefined) {
      result.accepted += 1;
      result.event_ids.push(id);
    }
  }
  return finish(result);
}

function finish(result: IngestResult): IngestResult {
  result.errors.sort((a, b) => a.index - b.index);
  return result;
}
