import type { Logger } from '../log';
import type { ClaimedDelivery, Completion } from '../db/deliveries';

/**
 * One log line per finished delivery, carrying the `requestId` of the POST /v1/events that
 * stored its event, so an operator can follow a request from the API into the worker.
 * Failures are warnings; every other outcome is info, and its fields are not even built when
 * info lines are off (a busy worker finishes thousands of deliveries a second).
 */
export function logFinishedDelivery(logger: Logger, delivery: ClaimedDelivery, completion: Completion): void {
  if (completion.status !== 'failed' && !logger.pino.isLevelEnabled('info')) return;
  const fields = {
    ...(delivery.request_id !== null && { requestId: delivery.request_id }),
    eventId: String(delivery.event_id),
    deliveryId: String(delivery.id),
    platform: delivery.platform_code,
    destination: delivery.destination_key,
    attempt: delivery.attempts,
    status: completion.status,
    ...(completion.reason !== null && { reason: completion.reason }),
    ...(completion.nextAttemptAt && { nextAttemptAt: completion.nextAttemptAt.toISOString() }),
  };
  if (completion.status === 'failed') logger.warn('delivery failed', fields);
  else
    logger.info(completion.status === 'pending' ? 'delivery retry scheduled' : 'delivery finished', fields);
}
