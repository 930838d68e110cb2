import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Access token of a private app (or an OAuth token) with the "write events" permission. */
  access_token: z.string().min(10, 'access_token looks too short for an Intercom token'),
  /** Data-hosting region of the workspace: us (api.intercom.io), eu or au. */
  region: z.enum(['us', 'eu', 'au']).default('us'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** `Intercom-Version` to pin (default 2.16). */
  intercom_version: z
    .string()
    .regex(/^\d+\.\d+$|^Unstable$/, 'intercom_version looks like 2.16')
    .optional(),
  /** Identify users by their email when the OMS sends no external id (only if email is unique per user in your app). */
  identify_by_email: z.boolean().default(true),
});

export type IntercomCredentials = z.output<typeof credentialsSchema>;
export type IntercomOptions = z.output<typeof optionsSchema>;
