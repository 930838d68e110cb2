import type { Db } from './client';

/**
 * `pnpm demo` only: move every timestamp of one event (its row, deliveries, attempts and the HTTP
 * exchanges they used) back so it was received at `receivedAt`, keeping the gaps between them, so
 * a day of demo traffic played in a minute lands in the hours it belongs to. An event received
 * before `receivedAt` is left alone.
 */
export async function moveEventBack(db: Db, eventId: number, receivedAt: Date): Promise<void> {
  const event = await db.event.findUniqueOrThrow({
    where: { id: BigInt(eventId) },
    select: { createdAt: true },
  });
  const shift = event.createdAt.getTime() - receivedAt.getTime();
  if (shift <= 0) return;
  // `shift` is a number of milliseconds computed here, never input: safe to write into the SQL.
  const back = (column: string) => `${column} = ${column} - INTERVAL ${shift * 1000} MICROSECOND`;
  await db.$executeRawUnsafe(
    `UPDATE http_exchanges x JOIN delivery_attempts a ON a.exchange_id = x.id JOIN deliveries d ON d.id = a.delivery_id
     SET ${back('x.started_at')} WHERE d.event_id = ? AND x.started_at > ?`,
    eventId,
    receivedAt,
  );
  await db.$executeRawUnsafe(
    `UPDATE delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id SET ${back('a.started_at')} WHERE d.event_id = ?`,
    eventId,
  );
  await db.$executeRawUnsafe(
    `UPDATE deliveries SET ${back('created_at')}, ${back('updated_at')}, ${back('first_attempt_at')},
       ${back('last_attempt_at')} WHERE event_id = ?`,
    eventId,
  );
  await db.$executeRawUnsafe(
    `UPDATE events SET ${back('created_at')}, ${back('routed_at')} WHERE id = ?`,
    eventId,
  );
}
