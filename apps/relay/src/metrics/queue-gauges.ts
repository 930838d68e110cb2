import type { Db } from '../db/client';
import { pausedCredentials } from '../db/credentials';
import { countOpenDeliveries, oldestDueDeliveryAgeSeconds } from '../db/deliveries';
import { countUnroutedEvents } from '../db/events';

/** The queue as the gauges show it, read from the database at scrape time. */
export interface QueueState {
  /** Deliveries waiting (`pending`) or in flight (`leased`), by platform. */
  depth: Array<{ status: string; platform: string; count: number }>;
  /** Age of the oldest delivery that is due and not yet sent (0 when none is due). */
  oldestDueAgeSeconds: number;
  /** Events accepted and not yet routed. */
  unroutedEvents: number;
  /** Destinations paused because the platform refused their credential, with when. */
  paused: Array<{ platform: string; destination: string; since: Date }>;
}

/** Queue depth per status and the age of the oldest due delivery, read at scrape time. */
export async function readQueueState(db: Db): Promise<QueueState> {
  const [byStatus, oldestAge, unrouted, paused] = await Promise.all([
    countOpenDeliveries(db),
    oldestDueDeliveryAgeSeconds(db),
    countUnroutedEvents(db),
    pausedCredentials(db),
  ]);
  return {
    depth: byStatus.map((r) => ({ status: r.status, platform: r.platform_code, count: Number(r.n) })),
    oldestDueAgeSeconds: oldestAge,
    unroutedEvents: unrouted,
    paused: paused.map((c) => ({
      platform: c.platform.code,
      destination: `credential:${c.id}`,
      since: c.pausedAt!,
    })),
  };
}
