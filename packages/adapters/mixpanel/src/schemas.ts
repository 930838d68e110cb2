import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Data residency: the project's ingestion host. */
export const MIXPANEL_HOSTS = {
  us: 'https://api.mixpanel.com',
  eu: 'https://api-eu.mixpanel.com',
  in: 'https://api-in.mixpanel.com',
} as const;

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Numeric project id (Project Settings → Overview). */
  project_id: z.string().regex(/^\d+$/, 'project_id must be the numeric Mixpanel project id'),
  /** Service account username (Organization Settings → Service Accounts, Owner or Admin role). */
  service_account_username: z.string().min(3, 'service_account_username is the service account user name'),
  /** Service account secret. */
  service_account_secret: z.string().min(16, 'service_account_secret looks too short'),
  /** Where the project's data lives: `us` (default), `eu` or `in`. */
  region: z.enum(['us', 'eu', 'in']).default('us'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Use the normalised email as `distinct_id` when the event has no external id (default: anonymous). */
  identify_by_email: z.boolean().default(false),
});

export type MixpanelCredentials = z.output<typeof credentialsSchema>;
export type MixpanelOptions = z.output<typeof optionsSchema>;
