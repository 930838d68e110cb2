import { type DeliveryPolicy, destinationPrivacySchema, storefrontPrivacySchema } from '@relay/core';

/** A storefront's stored privacy columns (see db/storefronts `storefrontPrivacies`). */
export interface StoredStorefrontPrivacy {
  privacyMode: string;
  eventAliases: unknown;
  pseudonymKeyEncrypted: string | null;
}

/**
 * The policy `deliver()` applies for one destination: the storefront's mode, aliases and
 * unsealed pseudonymisation key, and the destination's stored lists (defaults when none). A
 * storefront that was deleted since routing counts as standard mode (its deliveries are
 * suppressed by the kill switches anyway).
 */
export function deliveryPolicyOf(
  storefront: StoredStorefrontPrivacy | undefined,
  destinationPrivacy: unknown,
  unseal: (sealed: string) => string,
): DeliveryPolicy {
  const settings = storefrontPrivacySchema.parse({
    privacy_mode: storefront?.privacyMode ?? 'standard',
    event_aliases: storefront?.eventAliases ?? {},
  });
  const sealed = storefront?.pseudonymKeyEncrypted;
  return {
    storefront: sealed ? { ...settings, pseudonym_key: unseal(sealed) } : settings,
    destination: destinationPrivacySchema.parse(destinationPrivacy ?? {}),
  };
}
