import { type RelayEvent, ga4UserData as sharedUserData } from '@relay/core';

/** GA4 user-provided data (`user_data`) of an event; the rules are shared with @relay/adapter-sgtm. */
export function ga4UserData(event: RelayEvent, defaultCountry: string): Record<string, unknown> | undefined {
  return sharedUserData(event.user, defaultCountry) as Record<string, unknown> | undefined;
}
