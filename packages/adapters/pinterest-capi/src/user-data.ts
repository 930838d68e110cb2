import { type RelayEvent, hashedMatchKeys } from '@relay/core';

/** Pinterest `user_data`: hashed match keys (arrays of SHA-256 hex), then the unhashed signals. */
export function userDataOf(event: RelayEvent, defaultCountry: string): Record<string, unknown> {
  const data: Record<string, unknown> = { ...hashedMatchKeys(event.user, defaultCountry) };
  if (event.user.ip) data['client_ip_address'] = event.user.ip;
  if (event.user.userAgent) data['client_user_agent'] = event.user.userAgent;
  if (event.clickIds.epik) data['click_id'] = event.clickIds.epik;
  return data;
}

/**
 * Pinterest needs, per event, a hashed email, a hashed mobile ad id, or the IP address
 * together with the user agent (ConversionEventsUserData `anyOf`). Relay has no mobile ad
 * ids, so: email, or IP + user agent.
 */
export function hasRequiredIdentity(userData: Record<string, unknown>): boolean {
  return (
    userData['em'] !== undefined ||
    (userData['client_ip_address'] !== undefined && userData['client_user_agent'] !== undefined)
  );
}
