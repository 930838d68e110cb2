import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import type { recordAttempts } from '../../src/db/attempts';
import { type completeDeliveries, withinRoom } from '../../src/db/deliveries';
import { isRolledBack } from '../../src/db/errors';
import { CompletionWriter, type SendRecord, writeRecords } from '../../src/worker/completion-writer';
import { LaneLoad } from '../../src/worker/lanes';

const record = (...ids: number[]): SendRecord => ({
  exchanges: [],
  unsent: [],
  completions: ids.map((id) => ({ id: BigInt(id), status: 'delivered', reason: null })),
});

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('CompletionWriter', () => {
  it('writes a record at once, and groups the ones that arrive during a write into the next', async () => {
    const gate = deferred();
    const writes: bigint[][] = [];
    const writer = new CompletionWriter(async (records) => {
      writes.push(records.flatMap((r) => r.completions.map((c) => c.id)));
      if (writes.length === 1) await gate.promise;
      return [];
    });
    const first = writer.add(record(1));
    expect(writes).toEqual([[1n]]);
    const second = writer.add(record(2, 3));
    const third = writer.add(record(4));
    expect(writer.pending).toBe(2);
    gate.resolve();
    await Promise.all([first, second, third]);
    expect(writes).toEqual([[1n], [2n, 3n, 4n]]);
  });

  it('resolves each record with its own lost leases and caps a write at maxRows', async () => {
    const gate = deferred();
    const writes: bigint[][] = [];
    const writer = new CompletionWriter(async (records) => {
      writes.push(records.flatMap((r) => r.completions.map((c) => c.id)));
      if (writes.length === 1) await gate.promise;
      return [3n, 5n];
    }, 3);
    const first = writer.add(record(9));
    const a = writer.add(record(1, 2));
    const b = writer.add(record(3));
    const c = writer.add(record(4, 5));
    gate.resolve();
    expect(await a).toEqual([]);
    expect(await b).toEqual([3n]);
    expect(await c).toEqual([5n]);
    expect(await first).toEqual([]);
    expect(writes).toEqual([[9n], [1n, 2n, 3n], [4n, 5n]]);
  });

  it('rejects the records of a failed write and goes on with the next; flush waits for all', async () => {
    let n = 0;
    const writer = new CompletionWriter(async () => {
      n += 1;
      if (n === 1) throw new Error('database unavailable');
      return [];
    });
    const failed = writer.add(record(1));
    const queued = writer.add(record(2));
    await expect(failed).rejects.toThrow('database unavailable');
    await writer.flush();
    await expect(queued).resolves.toEqual([]);
    expect(n).toBe(2);
  });
});

describe('LaneLoad', () => {
  it('gives a lane room for two rounds of its concurrency of full requests, and none once it holds them', () => {
    const load = new LaneLoad((key) =>
      key === 'klaviyo' ? { requests: 20, requestSize: 1 } : { requests: 8, requestSize: 200 },
    );
    expect(load.room('klaviyo')).toBe(20);
    expect(load.room('meta_capi')).toBe(1600);
    const done = load.hold('meta_capi', 150);
    expect(load.room('meta_capi')).toBe(1450);
    const held = Array.from({ length: 7 }, () => load.hold('meta_capi', 10));
    expect(load.stats()).toEqual({ meta_capi: { requests: 8, deliveries: 220 } });
    expect(load.room('meta_capi')).toBe(0);
    expect(load.full()).toEqual(['meta_capi']);
    done();
    done();
    expect(load.room('meta_capi')).toBe(1600 - 70);
    for (const release of held) release();
    expect(load.stats()).toEqual({ meta_capi: { requests: 0, deliveries: 0 } });
    expect(load.full()).toEqual([]);
  });
});

describe('withinRoom', () => {
  it('keeps due deliveries in order, at most the room of each platform', () => {
    const due = [
      { id: 1n, platform_code: 'klaviyo' },
      { id: 2n, platform_code: 'meta_capi' },
      { id: 3n, platform_code: 'klaviyo' },
      { id: 4n, platform_code: 'klaviyo' },
      { id: 5n, platform_code: 'tiktok_events' },
      { id: 6n, platform_code: 'meta_capi' },
    ];
    const room: Record<string, number> = { klaviyo: 2, meta_capi: 100, tiktok_events: 0 };
    expect(withinRoom(due, (p) => room[p]!)).toEqual([1n, 2n, 3n, 6n]);
  });
});

describe('writeRecords', () => {
  const db = {} as Db;
  const noAudit: typeof recordAttempts = async () => {};
  const fast = { record: noAudit, pauseMs: 0 };

  it('runs a completion picked as a deadlock victim again, and gives up on other errors or after four tries', async () => {
    let calls = 0;
    const deadlockOnce: typeof completeDeliveries = async (_db, _owner, completions) => {
      calls += 1;
      if (calls === 1)
        throw new Error('Raw query failed. Code: `1213`. Message: `Deadlock found when trying to get lock`');
      return completions.map((c) => c.id).filter((id) => id === 2n);
    };
    expect(
      await writeRecords(db, 'w', { ...fast, complete: deadlockOnce })([
        { ...record(1, 2), exchanges: [], unsent: [] },
      ]),
    ).toEqual([2n]);
    expect(calls).toBe(2);

    let tries = 0;
    const alwaysDeadlock: typeof completeDeliveries = async () => {
      tries += 1;
      throw new Error('Deadlock found when trying to get lock; try restarting transaction');
    };
    await expect(writeRecords(db, 'w', { ...fast, complete: alwaysDeadlock })([record(1)])).rejects.toThrow(
      'Deadlock found',
    );
    expect(tries).toBe(4);

    let other = 0;
    const down: typeof completeDeliveries = async () => {
      other += 1;
      throw new Error('connection refused');
    };
    await expect(writeRecords(db, 'w', { ...fast, complete: down })([record(1)])).rejects.toThrow(
      'connection refused',
    );
    expect(other).toBe(1);
  });

  it('runs the audit transaction again when Prisma rolled it back for its time limits, once, before completing', async () => {
    const steps: string[] = [];
    let audits = 0;
    const expiredOnce: typeof recordAttempts = async () => {
      audits += 1;
      steps.push(`audit ${audits}`);
      if (audits === 1)
        throw Object.assign(
          new Error(
            'Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 7284 ms passed since the start of the transaction.',
          ),
          { code: 'P2028' },
        );
    };
    const complete: typeof completeDeliveries = async () => {
      steps.push('complete');
      return [];
    };
    expect(await writeRecords(db, 'w', { record: expiredOnce, complete, pauseMs: 0 })([record(1)])).toEqual(
      [],
    );
    expect(steps).toEqual(['audit 1', 'audit 2', 'complete']);
  });

  it('does not run the audit again after an error that may have committed it (a dropped connection)', async () => {
    let audits = 0;
    const dropped: typeof recordAttempts = async () => {
      audits += 1;
      throw new Error('socket has unexpectedly been closed');
    };
    let completed = false;
    const complete: typeof completeDeliveries = async () => {
      completed = true;
      return [];
    };
    await expect(
      writeRecords(db, 'w', { record: dropped, complete, pauseMs: 0 })([record(1)]),
    ).rejects.toThrow('socket has unexpectedly been closed');
    expect([audits, completed]).toEqual([1, false]);
  });
});

describe('isRolledBack', () => {
  it('knows the errors after which the database rolled the whole transaction back', () => {
    const wrapped = (cause: object) => Object.assign(new Error('Raw query failed'), { cause });
    expect(isRolledBack(wrapped({ errno: 1213, code: 'ER_LOCK_DEADLOCK' }))).toBe(true);
    expect(isRolledBack(wrapped({ errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT' }))).toBe(true);
    expect(
      isRolledBack(
        Object.assign(new Error('Unable to start a transaction in the given time.'), { code: 'P2028' }),
      ),
    ).toBe(true);
    expect(isRolledBack(wrapped({ errno: 1062, code: 'ER_DUP_ENTRY' }))).toBe(false);
    expect(isRolledBack(new Error('socket has unexpectedly been closed'))).toBe(false);
  });
});
