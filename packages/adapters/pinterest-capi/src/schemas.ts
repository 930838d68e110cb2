import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Ad account id from Ads Manager (digits only). */
  ad_account_id: z.string().regex(/^\d{6,20}$/, 'ad_account_id must be the numeric Pinterest ad account id'),
  /** Conversion access token generated in Ads Manager → Conversions → Conversions API. */
  conversion_token: z.string().min(20, 'conversion_token looks too short for a Pinterest conversion token'),
});

/** Pinterest's `action_source` values (ConversionEvents schema). */
export const ACTION_SOURCES = ['web', 'offline', 'app_android', 'app_ios'] as const;

export const optionsSchema = baseOptionsSchema.extend({
  /** Send `?test=true`: Pinterest validates the events and answers as usual but records nothing. */
  test: z.boolean().default(false),
  /** Where the conversions happened (default `web`). Offline events cannot be deduplicated with the tag. */
  action_source: z.enum(ACTION_SOURCES).default('web'),
  /** Third-party partner name, Pinterest's convention is `ss-<partner>` in lower case. */
  partner_name: z
    .string()
    .regex(/^ss-[a-z0-9_-]+$/, 'partner_name looks like ss-<partner> (lower case)')
    .optional(),
  /** Flag every event for Limited Data Processing (`custom_data.opt_out_type: 'LDP'`, US state privacy laws). */
  limited_data_processing: z.boolean().default(false),
});

export type PinterestCapiCredentials = z.output<typeof credentialsSchema>;
export type PinterestCapiOptions = z.output<typeof optionsSchema>;
