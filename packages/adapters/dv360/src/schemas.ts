import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

const numericId = (what: string) => z.string().regex(/^\d{1,20}$/, `${what} must be a numeric id`);

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** CM360 user profile id whose user can access the Floodlight configuration. */
  profile_id: numericId('profile_id'),
  /** Floodlight configuration id (owned by the CM360 advertiser that DV360 uses). */
  floodlight_configuration_id: numericId('floodlight_configuration_id'),
  /** Floodlight activity id for purchases (other events through `options.activities`). */
  floodlight_activity_id: numericId('floodlight_activity_id'),
  /** OAuth 2.0 client with the `https://www.googleapis.com/auth/ddmconversions` scope. */
  client_id: z.string().min(10, 'client_id looks too short for a Google OAuth client id'),
  client_secret: z.string().min(10, 'client_secret looks too short'),
  refresh_token: z.string().min(10, 'refresh_token looks too short'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * Floodlight activity id per Relay event name (`purchase`, `begin_checkout`, `add_to_cart`,
   * `lead`, `sign_up`, `page_view`, or an OMS name). Purchases default to the credential's
   * `floodlight_activity_id`; events without an activity are skipped.
   */
  activities: z.record(z.string(), numericId('activities value')).default({}),
  /** Send the OMS external id as `matchId` (a first-party id synced with Floodlight) when there is no gclid. */
  match_id_from_external_id: z.boolean().default(false),
  /** `limitAdTracking: true` on every conversion (reporting only, no remarketing). */
  limit_ad_tracking: z.boolean().default(false),
});

export type Dv360Credentials = z.output<typeof credentialsSchema>;
export type Dv360Options = z.output<typeof optionsSchema>;
