/**
 * Failure reasons grouped the way an operator reads them: the first 255 characters, with the
 * parts that differ per event (timestamps, long numbers such as order or pixel ids) replaced by
 * `…`, so "event_too_old: … this one happened at 2026-01-15T10:15:00.000Z" is one group however
 * many events it hit. The SQL expression and the function agree (tested against MariaDB).
 */
export const REASON_KEY_LENGTH = 255;

const VARYING = '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+Z?|[0-9]{5,}';

/** The group key of a reason, as the database computes it in `reasonGroupSql`. */
export function reasonGroup(reason: string | null): string {
  return (reason ?? '').slice(0, REASON_KEY_LENGTH).replace(new RegExp(VARYING, 'g'), '…');
}

/** SQL for the group key of `column` (MariaDB and MySQL 8 both have REGEXP_REPLACE). */
export function reasonGroupSql(column: string): string {
  return `REGEXP_REPLACE(LEFT(COALESCE(${column}, ''), ${REASON_KEY_LENGTH}), '${VARYING}', '…')`;
}
