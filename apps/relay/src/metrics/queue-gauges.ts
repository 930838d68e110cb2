import type { Db } from '../db/client';

/** Queue depth per status and the age of the oldest due delivery, read at scrape time. */
export async function collectQueueGauges(db: Db): Promise<string[]> {
  const [byStatus, oldest, pendingEvents] = await Promise.all([
    db.$queryRawUnsafe<Array<{ status: string; platform_code: string; n: bigint }>>(
      "SELECT status, platform_code, COUNT(*) n FROM deliveries WHERE status IN ('pending', 'leased') GROUP BY status, platform_code",
    ),
    db.$queryRawUnsafe<Array<{ age: number | null }>>(
      "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(next_attempt_at), NOW(3)) / 1000000 AS age FROM deliveries WHERE status = 'pending' AND next_attempt_at <= NOW(3)",
    ),
    db.$queryRawUnsafe<Array<{ n: bigint }>>(
      "SELECT COUNT(*) n FROM events WHERE status IN ('pending', 'routing')",
    ),
  ]);
  const depth = [
    '# HELP relay_delivery_queue_depth Deliveries waiting or in flight, by status and platform',
    '# TYPE relay_delivery_queue_depth gauge',
    ...byStatus.map(
      (r) => `relay_delivery_queue_depth{platform="${r.platform_code}",status="${r.status}"} ${Number(r.n)}`,
    ),
  ];
  const age = [
    '# HELP relay_oldest_due_delivery_age_seconds Age of the oldest delivery that is due and not yet sent',
    '# TYPE relay_oldest_due_delivery_age_seconds gauge',
    `relay_oldest_due_delivery_age_seconds ${Number(oldest[0]?.age ?? 0)}`,
  ];
  const events = [
    '# HELP relay_events_unrouted Events accepted and not yet routed',
    '# TYPE relay_events_unrouted gauge',
    `relay_events_unrouted ${Number(pendingEvents[0]?.n ?? 0)}`,
  ];
  return [depth.join('\n'), age.join('\n'), events.join('\n')];
}
