import { ConfigError, type OmsBatch, type OmsRecord, dedupKeyOf } from '@relay/core';
import type { Db } from '../db/client';
import { isDeadlock } from '../db/errors';

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
 * storefronts, then in one REPEATABLE READ transaction (committed before the 202): one read of
 * the keys already stored, one multi-row `INSERT IGNORE` (the unique (storefront_code,
 * dedup_key) index does the dedup) and one read of the new ids. Records are judged one by one:
 * unknown or disabled storefront and duplicates are listed in `errors`, the rest accepted.
 *
 * Concurrent batches carrying the same key: the first read fixes the transaction's snapshot, so
 * the last read sees exactly the rows this transaction inserted. A key another request stored
 * meanwhile is ignored by the insert, absent from that read, and reported as a duplicate. The
 * row count the insert reports must equal the rows found, or the transaction is rolled back.
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

  const ids = await retryOnDeadlock(() => storeNew(db, valid));

  const reported = new Set<number>();
  for (const c of valid) {
    const id = ids.get(keyOf(c.storefront.code, c.dedupKey));
    if (id === undefined || reported.has(id)) {
      reject(c.index, c.record, 'Event already exists');
      continue;
    }
    reported.add(id);
    result.accepted += 1;
    result.event_ids.push(id);
  }
  return finish(result);
}

/**
 * In one REPEATABLE READ transaction: read which keys are stored, `INSERT IGNORE` the rest, read
 * the ids of the rows this transaction inserted. Returns id by key.
 */
function storeNew(db: Db, valid: Candidate[]): Promise<Map<string, number>> {
  return db.$transaction(
    async (tx) => {
      const existing = await tx.$queryRawUnsafe<Array<{ code: string; dedup_key: string }>>(
        `SELECT storefront_code AS code, dedup_key FROM events WHERE (storefront_code, dedup_key) IN (${pairPlaceholders(valid.length)})`,
        ...valid.flatMap((c) => [c.storefront.code, c.dedupKey]),
      );
      const taken = new Set(existing.map((e) => keyOf(e.code, e.dedup_key)));
      const fresh: Candidate[] = [];
      for (const c of valid) {
        const key = keyOf(c.storefront.code, c.dedupKey);
        if (taken.has(key)) continue;
        taken.add(key);
        fresh.push(c);
      }
      const stored = new Map<string, number>();
      if (fresh.length === 0) return stored;
      const inserted = await tx.$executeRawUnsafe(
        `INSERT IGNORE INTO events (storefront_id, storefront_code, dedup_key, event_name, event_time, order_id, payload, status) VALUES ${fresh.map(() => "(?, ?, ?, ?, ?, ?, ?, 'pending')").join(', ')}`,
        ...fresh.flatMap((c) => [
          c.storefront.id,
          c.storefront.code,
          c.dedupKey,
          c.record.event_name.trim(),
          new Date(c.record.event_time),
          String(c.record.order_id),
          JSON.stringify(c.record),
        ]),
      );
      const rows = await tx.$queryRawUnsafe<Array<{ id: bigint; code: string; dedup_key: string }>>(
        `SELECT id, storefront_code AS code, dedup_key FROM events WHERE (storefront_code, dedup_key) IN (${pairPlaceholders(fresh.length)})`,
        ...fresh.flatMap((c) => [c.storefront.code, c.dedupKey]),
      );
      if (rows.length !== inserted) {
        throw new ConfigError(
          `events insert stored ${inserted} rows but ${rows.length} were found by their keys (a value was converted: is the server's sql_mode strict?); batch rolled back`,
        );
      }
      for (const row of rows) stored.set(keyOf(row.code, row.dedup_key), Number(row.id));
      return stored;
    },
    { isolationLevel: 'RepeatableRead' },
  );
}

/**
 * Two batches inserting overlapping keys in different orders can deadlock; InnoDB rolls the
 * victim back whole, so running it again is safe (at most three tries, then the error is a 500
 * and the OMS retries the batch).
 */
async function retryOnDeadlock<T>(run: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= tries || !isDeadlock(error)) throw error;
    }
  }
}

const pairPlaceholders = (n: number) => Array.from({ length: n }, () => '(?, ?)').join(', ');

function finish(result: IngestResult): IngestResult {
  result.errors.sort((a, b) => a.index - b.index);
  return result;
}
