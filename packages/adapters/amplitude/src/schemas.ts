import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** The HTTP V2 endpoint per data center. */
export const AMPLITUDE_HOSTS = {
  us: 'https://api2.amplitude.com',
  eu: 'https://api.eu.amplitude.com',
} as const;

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Project API key (Settings → Projects → General), sent in the body as `api_key`. */
  api_key: z.string().regex(/^[0-9a-f]{32}$/i, 'api_key must be the 32-character Amplitude project API key'),
  /** Data center of the project: `us` (default) or `eu`. */
  region: z.enum(['us', 'eu']).default('us'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Use the normalised email as `user_id` when the event has no external id. */
  identify_by_email: z.boolean().default(false),
  /** `options.min_id_length`: accept user ids shorter than Amplitude's default 5 characters. */
  min_id_length: z.number().int().min(1).max(5).optional(),
});

export type AmplitudeCredentials = z.output<typeof credentialsSchema>;
export type AmplitudeOptions = z.output<typeof optionsSchema>;
