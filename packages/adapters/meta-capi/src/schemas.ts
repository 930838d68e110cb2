import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Pixel (dataset) id from Events Manager: digits only. */
  pixel_id: z.string().regex(/^\d{5,20}$/, 'pixel_id must be the numeric Pixel / dataset id'),
  /** System-user access token generated in Events Manager → Settings → Conversions API. */
  access_token: z.string().min(20, 'access_token looks too short for a Meta access token'),
});

/** Meta's `action_source` values (server-event parameters). */
export const ACTION_SOURCES = [
  'website',
  'email',
  'app',
  'phone_call',
  'chat',
  'physical_store',
  'system_generated',
  'business_messaging',
  'other',
] as const;

export const optionsSchema = baseOptionsSchema.extend({
  /** Events Manager → Test events code; events sent with it show up there and are not used for ads. */
  test_event_code: z.string().min(1).optional(),
  /**
   * Where the conversions happened. `auto` (default): `website` when the event carries the
   * browser's user agent (Meta requires it for website events), else `other`.
   */
  action_source: z.enum(['auto', ...ACTION_SOURCES]).default('auto'),
  /** Graph API version to pin, e.g. `v25.0` (default: the adapter's `apiVersion`). */
  api_version: z
    .string()
    .regex(/^v\d+\.\d+$/, 'api_version looks like v25.0')
    .optional(),
  /** Send Limited Data Use (`data_processing_options: ['LDU']`, geolocated by Meta). */
  limited_data_use: z.boolean().default(false),
});

export type MetaCapiCredentials = z.output<typeof credentialsSchema>;
export type MetaCapiOptions = z.output<typeof optionsSchema>;
