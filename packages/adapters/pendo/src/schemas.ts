import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Pendo's data regions (the subscription's login host). */
export const PENDO_REGIONS = ['us', 'us1', 'eu', 'jpn', 'au'] as const;

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /**
   * The app's Track Event shared secret (Settings → Subscription settings → Applications → the app →
   * App details → "Track Event shared secret"). Not the general Pendo integration key.
   */
  track_event_secret: z
    .string()
    .min(8, 'track_event_secret looks too short for a Pendo Track Event shared secret'),
  /** The subscription's data region: `us` (app.pendo.io), `us1`, `eu`, `jpn` or `au`. */
  region: z.enum(PENDO_REGIONS).default('us'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Use the lower-cased email as `visitorId` when the OMS sends no external id (default true). */
  identify_by_email: z.boolean().default(true),
  /**
   * What goes in `accountId`: the OMS storefront (default) or nothing. Pendo calls the account
   * "highly recommended"; it must match the account ids the Pendo snippet uses.
   */
  account_id: z.enum(['storefront', 'none']).default('storefront'),
});

export type PendoCredentials = z.output<typeof credentialsSchema>;
export type PendoOptions = z.output<typeof optionsSchema>;
