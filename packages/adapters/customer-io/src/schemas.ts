import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: Track API credentials (Settings → API credentials → Track API keys). */
export const credentialsSchema = z.strictObject({
  site_id: z.string().min(1),
  api_key: z.string().min(8, 'api_key looks too short for a Customer.io Track API key'),
  /** Workspace region: `us` (track.customer.io) or `eu` (track-eu.customer.io). */
  region: z.enum(['us', 'eu']).default('us'),
});

export const optionsSchema = baseOptionsSchema.extend({});

export type CustomerIoCredentials = z.output<typeof credentialsSchema>;
export type CustomerIoOptions = z.output<typeof optionsSchema>;
