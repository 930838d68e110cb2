/** Walk an error and what it wraps (Prisma → driver adapter → driver), at most six levels deep. */
function someCause(error: unknown, test: (e: Record<string, unknown>) => boolean): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const e = current as Record<string, unknown>;
    if (test(e)) return true;
    current = e.cause ?? (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  }
  return false;
}

/** True for a duplicate-key error (Prisma P2002 or MySQL ER_DUP_ENTRY 1062), however it is wrapped. */
export function isUniqueViolation(error: unknown): boolean {
  return someCause(
    error,
    (e) =>
      e.code === 'P2002' ||
      e.errno === 1062 ||
      e.code === 'ER_DUP_ENTRY' ||
      (typeof e.message === 'string' && /Duplicate entry|Unique constraint failed/.test(e.message)),
  );
}

/**
 * True when InnoDB chose this transaction as a deadlock victim (ER_LOCK_DEADLOCK 1213, Prisma
 * P2034): it was rolled back whole and may simply be run again.
 */
export function isDeadlock(error: unknown): boolean {
  return someCause(
    error,
    (e) =>
      e.code === 'P2034' ||
      e.errno === 1213 ||
      e.code === 'ER_LOCK_DEADLOCK' ||
      (typeof e.message === 'string' && /Deadlock found when trying to get lock/.test(e.message)),
  );
}

/**
 * True when the database rolled the whole transaction back, so running it again cannot write
 * anything twice: a deadlock victim, a lock wait timeout (the failed statement ends Prisma's
 * interactive transaction, which then rolls back), or Prisma's own transaction limits (P2028: no
 * connection within `maxWait`, or the transaction outlived its `timeout` and was rolled back
 * before its commit).
 */
export function isRolledBack(error: unknown): boolean {
  return (
    isDeadlock(error) ||
    someCause(
      error,
      (e) =>
        e.code === 'P2028' ||
        e.errno === 1205 ||
        e.code === 'ER_LOCK_WAIT_TIMEOUT' ||
        (typeof e.message === 'string' &&
          /Transaction already closed|expired transaction|Unable to start a transaction|Lock wait timeout exceeded/.test(
            e.message,
          )),
    )
  );
}

/**
 * Run a transaction again while the database says it rolled it back (see `isRolledBack`), at most
 * `tries` times, waiting `pauseMs` × the try number between tries. Other errors propagate at once.
 */
export async function retryRolledBack<T>(
  run: () => Promise<T>,
  {
    tries = 3,
    pauseMs = 0,
    retryIf = isRolledBack,
  }: { tries?: number; pauseMs?: number; retryIf?: (error: unknown) => boolean } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= tries || !retryIf(error)) throw error;
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs * attempt));
    }
  }
}
