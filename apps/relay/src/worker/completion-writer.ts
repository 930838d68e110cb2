import { type ExchangeRow, type UnsentAttemptRow, recordAttempts } from '../db/attempts';
import type { Db } from '../db/client';
import { type Completion, completeDeliveries } from '../db/deliveries';
import { retryRolledBack } from '../db/errors';

/** What one send decided: its audit rows and how its deliveries end, recorded together. */
export interface SendRecord {
  exchanges: ExchangeRow[];
  unsent: UnsentAttemptRow[];
  completions: Completion[];
}

/** Writes a batch of records; resolves with the ids whose lease was lost (`completeDeliveries`). */
export type WriteRecords = (records: readonly SendRecord[]) => Promise<bigint[]>;

/**
 * The statements a batch takes: the audit trail in one transaction, then the fenced completions.
 * Both run after the platform answered, so failing them costs a re-send once the leases expire.
 * Each is run again (up to `tries` times, with a short growing pause) when the database rolled
 * it back: a deadlock victim (the reaper's UPDATE locks the same rows in another order), a lock
 * wait timeout, or a transaction that outlived its time on a starved machine. Running them again
 * writes nothing twice: the audit transaction was rolled back whole, and completions are fenced
 * (rows already finished count as finished, not lost).
 */
export function writeRecords(
  db: Db,
  owner: string,
  {
    record = recordAttempts,
    complete = completeDeliveries,
    tries = 4,
    pauseMs = 100,
  }: {
    record?: typeof recordAttempts;
    complete?: typeof completeDeliveries;
    tries?: number;
    pauseMs?: number;
  } = {},
): WriteRecords {
  return async (records) => {
    await retryRolledBack(
      () =>
        record(
          db,
          records.flatMap((r) => r.exchanges),
          records.flatMap((r) => r.unsent),
        ),
      { tries, pauseMs },
    );
    const completions = records.flatMap((r) => r.completions);
    return retryRolledBack(() => complete(db, owner, completions), { tries, pauseMs });
  };
}

interface Queued {
  record: SendRecord;
  resolve(lost: bigint[]): void;
  reject(error: unknown): void;
}

/**
 * Records each send's outcome as soon as it is known instead of when the whole claim is done:
 * a worker killed mid-claim then re-sends only what was still unanswered. Writes are grouped
 * (group commit): a record added while nothing is being written is written at once; records
 * that arrive while a write runs wait for it and go together in the next one, at most
 * `maxRows` completions per write. So a record waits at most about one write, and a busy worker
 * still makes few statements (multi-row UPDATEs, as `completeDeliveries` groups them).
 */
export class CompletionWriter {
  readonly #queue: Queued[] = [];
  #writing: Promise<void> | undefined;

  constructor(
    private readonly write: WriteRecords,
    private readonly maxRows = 500,
  ) {}

  /** Queue a send's record; resolves with its lost lease ids once it is written. */
  add(record: SendRecord): Promise<bigint[]> {
    const written = new Promise<bigint[]>((resolve, reject) => this.#queue.push({ record, resolve, reject }));
    this.#writing ??= this.#drain();
    return written;
  }

  /** Resolves when everything queued so far is written (graceful stop). */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Records queued and not yet written (tests, metrics). */
  get pending(): number {
    return this.#queue.length;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#take();
        try {
          const lost = new Set((await this.write(batch.map((q) => q.record))).map(String));
          for (const q of batch)
            q.resolve(q.record.completions.flatMap((c) => (lost.has(String(c.id)) ? [c.id] : [])));
        } catch (error) {
          for (const q of batch) q.reject(error);
        }
      }
    } finally {
      this.#writing = undefined;
    }
  }

  /** The next records to write together: at least one, then up to `maxRows` completions. */
  #take(): Queued[] {
    const batch = [this.#queue.shift()!];
    let rows = batch[0]!.record.completions.length;
    while (this.#queue.length > 0 && rows + this.#queue[0]!.record.completions.length <= this.maxRows) {
      const next = this.#queue.shift()!;
      rows += next.record.completions.length;
      batch.push(next);
    }
    return batch;
  }
}
