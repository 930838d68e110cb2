import type { Db } from '../db/client';
import { countOpenDeliveries, oldestDueDeliveryAgeSeconds } from '../db/deliveries';
import { countUnroutedEvents } from '../db/events';

/** Queue depth per status and the age of the oldest due delivery, read at scrape time. */
export async function collectQueueGauges(db: Db): Promise<string[]> {
  const [byStatus, oldestAge, unrouted] = await Promise.all([
    countOpenDeliveries(db),
    oldestDueDeliveryAgeSeconds(db),
    countUnroutedEvents(db),
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
    `relay_oldest_due_delivery_age_seconds ${oldestAge}`,
  ];
  const events = [
    '# HELP relay_events_unrouted Events accepted and not yet routed',
    '# TYPE relay_events_unrouted gauge',
    `relay_events_unrouted ${unrouted}`,
  ];
  return [depth.join('\n'), age.join('\n'), events.join('\n')];
}
