import { resolveEventName } from '../event-map';
import type { DeliveryRun, PendingEvent, SendableEvent, Settled } from './run';

/**
 * Stage "map": the platform's event name from the adapter's map and the credential's
 * overrides; events the platform does not take (or the credential maps to `null`) are skipped
 * with the reason.
 */
export function mapEventName(run: DeliveryRun, pending: PendingEvent): SendableEvent | Settled {
  const { adapter, options } = run;
  const name = resolveEventName(adapter.events, pending.event.eventName, options.eventMap, adapter.name);
  if (!name.send) return { index: pending.index, outcome: { status: 'skipped', reason: name.reason } };
  run.results[pending.index]!.platformEventName = name.name;
  return { ...pending, mapped: { event: pending.event, name: name.name, custom: name.custom } };
}
