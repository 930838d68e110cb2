import type { AnyAdapter, Refusal } from '../adapter';
import { type DeliveryRun, type SendableEvent, type Settled, buildContext } from './run';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The margin an adapter keeps before its platform's age window ends (at least one hour). */
export function eventAgeMarginMs(adapter: AnyAdapter): number {
  return Math.max(HOUR_MS, adapter.eventAgeMarginMs ?? HOUR_MS);
}

const span = (ms: number) => {
  const days = ms / DAY_MS;
  if (Number.isInteger(days)) return `${days} days`;
  const hours = Math.round(ms / HOUR_MS);
  return hours === 1 ? '1 hour' : `${hours} hours`;
};

/**
 * The age-window refusal for an event that happened at `occurredAt`, sent at `sentAt`, or
 * `undefined` when it is young enough. Events are refused from `maxEventAgeMs − margin` on, so
 * clock skew never meets the platform's own "too old" answer (which refuses a whole batch on
 * Meta).
 */
export function ageRefusal(adapter: AnyAdapter, occurredAt: Date, sentAt: Date): Refusal | undefined {
  const window = adapter.maxEventAgeMs;
  if (window === undefined) return undefined;
  const age = sentAt.getTime() - occurredAt.getTime();
  const margin = eventAgeMarginMs(adapter);
  if (age <= window - margin) return undefined;
  const head = `${adapter.name} accepts events up to ${span(window)} old`;
  const when = `this one happened at ${occurredAt.toISOString()}`;
  return {
    status: 'rejected',
    code: 'event_too_old',
    reason:
      age > window
        ? `${head}; ${when}`
        : `${head}; Relay stops ${span(margin)} before that so clock skew cannot make the platform refuse the batch; ${when}`,
  };
}

/**
 * Stage "refuse": events the platform would refuse are settled here, before any request is
 * built, so they never share a request with valid ones: the age window (with its margin), then
 * the adapter's own per-event `check`.
 */
export function refuseEvent(run: DeliveryRun, item: SendableEvent): SendableEvent | Settled {
  const tooOld = ageRefusal(run.adapter, item.event.occurredAt, run.sentAt);
  if (tooOld) return { index: item.index, outcome: tooOld };
  const refused = run.adapter.check?.(item.mapped, buildContext(run));
  if (refused) return { index: item.index, outcome: { ...refused, reason: run.redact(refused.reason) } };
  return item;
}
