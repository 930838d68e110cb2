import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Connection ID (a UUID) of the Conversions API data source: Ads Manager → Events → Connect Data Source → Conversions API. */
  connection_id: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'connection_id is the UUID Spotify shows for the Conversions API connection',
    ),
  /**
   * CAPI access token generated on the same screen ("Generate Token"); long-lived, separate from the
   * Ads API OAuth token. Sent as `Authorization: Bearer …`.
   */
  access_token: z.string().min(20, 'access_token looks too short for a Spotify CAPI access token'),
});

/** Spotify's `action_source` values. */
export const ACTION_SOURCES = ['WEB', 'APP', 'OFFLINE'] as const;

export const optionsSchema = baseOptionsSchema.extend({
  /** Where the conversions happened, for every event of the credential (default `WEB`). */
  action_source: z.enum(ACTION_SOURCES).default('WEB'),
  /**
   * `opt_out_targeting` when the event carries no consent signal (default false). Consent on the
   * event wins: a denied `consent_ad_user_data`/`consent_ad_personalization` sends true.
   */
  opt_out_targeting: z.boolean().default(false),
  /**
   * How the phone is written before SHA-256: `e164` (`+15551234567`, default) or `digits`
   * (`15551234567`). Spotify's guide says only "trim and lower-case"; confirm with Spotify.
   */
  phone_format: z.enum(['e164', 'digits']).default('e164'),
});

export type SpotifyAdsCredentials = z.output<typeof credentialsSchema>;
export type SpotifyAdsOptions = z.output<typeof optionsSchema>;
