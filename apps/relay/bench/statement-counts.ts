/** Statement and row counts of one relay process (see statement-counter.ts), and their arithmetic. */

export interface StatementCounts {
  /** Statements sent, by first keyword in lower case (`select`, `insert`, `update`, `begin`, `commit`, `set`, ...). */
  statements: Record<string, number>;
  /** Rows changed, by `<keyword> <table>` (`insert deliveries`, `update events`). */
  rows: Record<string, number>;
}

export const emptyCounts = (): StatementCounts => ({ statements: {}, rows: {} });

const WRITE = /^\s*(insert|update|delete)\s+(?:ignore\s+)?(?:into\s+|from\s+)?`?(\w+)`?/i;

/**
 * The rows a write changed, from the driver's answer: `affectedRows` of an OK packet, or the rows
 * an `INSERT/UPDATE/DELETE … RETURNING` sent back (a result set: one row per row written).
 */
export function rowsChanged(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const affected = (result as { affectedRows?: unknown } | null)?.affectedRows;
  return typeof affected === 'number' ? affected : 0;
}

/** Count one statement that changed `affectedRows` rows. */
export function recordStatement(counts: StatementCounts, sql: string, affectedRows: number): void {
  const keyword = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? 'other';
  counts.statements[keyword] = (counts.statements[keyword] ?? 0) + 1;
  const write = WRITE.exec(sql);
  if (write && affectedRows > 0) {
    const key = `${write[1]!.toLowerCase()} ${write[2]!.toLowerCase()}`;
    counts.rows[key] = (counts.rows[key] ?? 0) + affectedRows;
  }
}

/** The counts of several processes added up. */
export function sumCounts(all: readonly StatementCounts[]): StatementCounts {
  const total = emptyCounts();
  for (const counts of all) {
    for (const [k, n] of Object.entries(counts.statements))
      total.statements[k] = (total.statements[k] ?? 0) + n;
    for (const [k, n] of Object.entries(counts.rows)) total.rows[k] = (total.rows[k] ?? 0) + n;
  }
  return total;
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/** Statements (round trips) and rows changed per unit of work (per delivery, per batch). */
export function perUnit(counts: StatementCounts, units: number) {
  const per = (n: number) => (units > 0 ? n / units : Number.NaN);
  return {
    statements: per(sum(counts.statements)),
    rowsWritten: per(sum(counts.rows)),
    statementsByKind: Object.fromEntries(Object.entries(counts.statements).map(([k, n]) => [k, per(n)])),
    rowsByTable: Object.fromEntries(Object.entries(counts.rows).map(([k, n]) => [k, per(n)])),
  };
}
