/**
 * The states an event and a delivery go through, shared by the router, the worker, the admin
 * routes and the tests. The database stores them as VARCHAR; these unions are the only values
 * written.
 */

/**
 * An accepted event: `pending` until a router claims it (`routing`, leased), then `routed`
 * (deliveries written), or stopped before routing: `suppressed` (unknown or switched-off
 * storefront), `invalid` (the stored record does not parse), `duplicate` (a direct insert
 * whose dedup key was already taken).
 */
export const EVENT_STATUSES = ['pending', 'routing', 'routed', 'suppressed', 'invalid', 'duplicate'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Event statuses whose work is not over (never pruned; counted as unrouted). */
export const UNROUTED_EVENT_STATUSES = ['pending', 'routing'] as const satisfies readonly EventStatus[];

/**
 * One delivery of an event to one destination: `pending` (due at next_attempt_at), `leased`
 * (claimed by a worker), then finished as `delivered`, `failed` (rejected, or retries used up),
 * `suppressed` (a kill switch) or `skipped` (no adapter, or the platform does not take it).
 * `paused`: its credential was refused by the platform (needs attention); it waits, without
 * spending attempts, until the credential is updated.
 */
export const DELIVERY_STATUSES = [
  'pending',
  'leased',
  'paused',
  'delivered',
  'failed',
  'suppressed',
  'skipped',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a delivery may become when its lease ends (`pending` again for a retry). */
export type CompletionStatus = Exclude<DeliveryStatus, 'leased'>;

/** Deliveries whose work is not over (queue depth; never pruned). */
export const OPEN_DELIVERY_STATUSES = [
  'pending',
  'leased',
  'paused',
] as const satisfies readonly DeliveryStatus[];

/** Finished deliveries an operator may replay. */
export const REPLAYABLE_DELIVERY_STATUSES = [
  'failed',
  'suppressed',
  'skipped',
] as const satisfies readonly DeliveryStatus[];
export type ReplayableDeliveryStatus = (typeof REPLAYABLE_DELIVERY_STATUSES)[number];

export const isEventStatus = (value: string): value is EventStatus =>
  (EVENT_STATUSES as readonly string[]).includes(value);
export const isDeliveryStatus = (value: string): value is DeliveryStatus =>
  (DELIVERY_STATUSES as readonly string[]).includes(value);
