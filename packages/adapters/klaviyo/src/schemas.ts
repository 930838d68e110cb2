import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Private API key (`pk_…`) with the `events:write` scope; sent as `Authorization: Klaviyo-API-Key …`. */
  private_api_key: z
    .string()
    .regex(/^pk_[A-Za-z0-9]{20,}$/, 'private_api_key must be a Klaviyo private API key (pk_…)'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Send `backfill: true`: Klaviyo records historical events without triggering flows. */
  backfill: z.boolean().default(false),
});

export type KlaviyoCredentials = z.output<typeof credentialsSchema>;
export type KlaviyoOptions = z.output<typeof optionsSchema>;
