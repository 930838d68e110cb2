import type { Destination } from '@relay/core';
import type { NewDelivery } from '../db/deliveries';

/** `credential:12` or `sgtm:3`: unique per event, so routing twice never makes two deliveries. */
export function destinationKey(
  d: Exclude<Destination, { kind: 'stopped' }> | { kind: 'stopped'; credentialId?: number },
): string {
  if (d.kind === 'sgtm') return `sgtm:${d.sgtmConfigId}`;
  return d.credentialId !== undefined ? `credential:${d.credentialId}` : 'storefront';
}

/**
 * The delivery of an event to one resolved destination: pending for sGTM and direct ones, and
 * for stopped ones `skipped` (no adapter) or `suppressed` (a kill switch) with the reason. The
 * router and the sGTM fallback of the send loop both write deliveries through this.
 */
export function deliveryFor(eventId: bigint, d: Destination): NewDelivery {
  if (d.kind === 'sgtm') {
    return {
      eventId,
      destinationKey: destinationKey(d),
      platformCode: 'sgtm',
      credentialId: null,
      sgtmConfigId: d.sgtmConfigId,
      status: 'pending',
      reason: null,
    };
  }
  if (d.kind === 'direct') {
    return {
      eventId,
      destinationKey: destinationKey(d),
      platformCode: d.platformCode,
      credentialId: d.credentialId,
      sgtmConfigId: null,
      status: 'pending',
      reason: d.note ?? null,
    };
  }
  return {
    eventId,
    destinationKey: destinationKey(d),
    platformCode: d.platformCode ?? '',
    credentialId: d.credentialId ?? null,
    sgtmConfigId: null,
    status: d.level === 'adapter' ? 'skipped' : 'suppressed',
    reason: d.level === 'adapter' ? d.reason : `${d.level} switch: ${d.reason}`,
  };
}
