import type { Pool, PoolConnection } from 'mariadb';

/**
 * Statements sent on the MariaDB driver pool under Prisma (`driverPool` in client.ts): the hot
 * ones, whose hundreds of parameters or result cells cost Prisma's raw-query handling several
 * times the driver's CPU (ingestion's insert, the worker's claims, completions and audit rows).
 * Placeholders are `?`; every value is a bound parameter, as with Prisma's `sql` tag.
 */

/**
 * Run `work` in a transaction on one pooled connection: `begin` (with `START TRANSACTION` after
 * it unless it is that), then COMMIT, or ROLLBACK on any error. A connection whose ROLLBACK
 * fails (lost, timed out) is destroyed rather than returned to the pool mid-transaction.
 */
export async function inDriverTransaction<T>(
  pool: Pool,
  begin: string,
  work: (conn: PoolConnection) => Promise<T>,
): Promise<T> {
  const conn = await pool.getConnection();
  let usable = true;
  try {
    await conn.query(begin);
    if (begin !== 'START TRANSACTION') await conn.query('START TRANSACTION');
    const result = await work(conn);
    await conn.query('COMMIT');
    return result;
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => {
      usable = false;
      conn.destroy();
    });
    throw error;
  } finally {
    if (usable) await conn.release();
  }
}

/** A DATETIME(3) literal in UTC (the columns hold UTC), independent of the driver's date handling. */
export const datetimeText = (date: Date) => date.toISOString().slice(0, 23).replace('T', ' ');

/** `?, ?, ?` for `n` values (an IN list; never empty: callers return early). */
export const marks = (n: number) => new Array<string>(n).fill('?').join(', ');

/** `(?, ?), (?, ?)`: `n` tuples of `width` values (the VALUES of a multi-row INSERT). */
export const tuples = (n: number, width: number) => new Array<string>(n).fill(`(${marks(width)})`).join(', ');
