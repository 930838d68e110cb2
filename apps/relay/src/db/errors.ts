/** True for a duplicate-key error (Prisma P2002 or MySQL ER_DUP_ENTRY 1062), however it is wrapped. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const e = current as {
      code?: unknown;
      errno?: unknown;
      cause?: unknown;
      meta?: unknown;
      message?: unknown;
    };
    if (e.code === 'P2002' || e.errno === 1062 || e.code === 'ER_DUP_ENTRY') return true;
    if (typeof e.message === 'string' && /Duplicate entry|Unique constraint failed/.test(e.message))
      return true;
    current = e.cause ?? (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  }
  return false;
}
