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
