import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Server API key (Settings → API keys), sent as `Authorization: Basic <key>` as FullStory documents. */
  api_key: z.string().min(10, 'api_key looks too short for a FullStory API key'),
  /** Data region of the org: `na1` (api.fullstory.com) or `eu1` (api.eu1.fullstory.com). */
  region: z.enum(['na1', 'eu1']).default('na1'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Attach the event to the user's most recent session (needs a user with a session in the last 30 minutes). */
  use_most_recent_session: z.boolean().default(false),
});

export type FullstoryCredentials = z.output<typeof credentialsSchema>;
export type FullstoryOptions = z.output<typeof optionsSchema>;
