import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Braze REST endpoints look like `https://rest.iad-01.braze.com` or `https://rest.fra-01.braze.eu`. */
const REST_ENDPOINT = /^https:\/\/rest\.[a-z0-9-]+\.braze\.(com|eu)$/;

/** The adapter's nominal base URL; the credential's `rest_endpoint` replaces it unless `base_url` overrides. */
export const BRAZE_DEFAULT_ENDPOINT = 'https://rest.iad-01.braze.com';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** The workspace's REST endpoint (Settings → APIs and Identifiers), e.g. `https://rest.iad-01.braze.com`. */
  rest_endpoint: z
    .string()
    .regex(
      REST_ENDPOINT,
      'rest_endpoint must be the instance REST endpoint, e.g. https://rest.iad-01.braze.com',
    ),
  /** REST API key with the `users.track` permission. */
  api_key: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'api_key must be a Braze REST API key (UUID)',
    ),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** `app_id` of the app the events belong to (optional). */
  app_id: z.string().min(1).optional(),
  /** `source` of the e-commerce recommended events (default `web`). */
  source: z.string().min(1).default('web'),
});

export type BrazeCredentials = z.output<typeof credentialsSchema>;
export type BrazeOptions = z.output<typeof optionsSchema>;
