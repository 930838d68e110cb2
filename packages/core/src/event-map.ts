import type { EventMapping } from './adapter';
import { eventKind } from './events';

export type EventNameResolution =
  | { send: true; name: string; custom: boolean }
  | { send: false; reason: string };

/**
 * The platform event name for an OMS event name: the credential's override first (a `null`
 * override means "do not send"), then the adapter's standard map, then a custom event where
 * the platform allows one, else skipped with the reason. A refund or cancellation the adapter has
 * no refund mapping for is skipped with the reason, never sent as a custom event (it would count
 * as a conversion).
 */
export function resolveEventName(
  mapping: EventMapping,
  eventName: string,
  overrides: Readonly<Record<string, string | null>> = {},
  platformName = 'this platform',
): EventNameResolution {
  if (Object.hasOwn(overrides, eventName)) {
    const override = overrides[eventName];
    if (override === null || override === undefined) {
      return { send: false, reason: `event '${eventName}' is mapped to nothing for this credential` };
    }
    const standard = Object.values(mapping.standard).includes(override);
    return { send: true, name: override, custom: !standard };
  }
  const kind = eventKind(eventName);
  if (kind !== 'custom') {
    const name = mapping.standard[kind];
    if (name) return { send: true, name, custom: false };
  }
  if (kind === 'refund') {
    return {
      send: false,
      reason: `${platformName} has no way to take a refund or cancellation ('${eventName}'): it is not sent, so it is never counted as a conversion`,
    };
  }
  if (mapping.custom === 'pass-through') {
    return { send: true, name: mapping.customName ? mapping.customName(eventName) : eventName, custom: true };
  }
  return {
    send: false,
    reason:
      mapping.customSkipReason ??
      `${platformName} has no standard event for '${eventName}' and does not accept custom events; map it with options.eventMap`,
  };
}
