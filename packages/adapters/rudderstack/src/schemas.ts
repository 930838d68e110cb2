import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Write key of the HTTP source (Sources → the source → Setup); Basic auth username, empty password. */
  write_key: z
    .string()
    .regex(/^[A-Za-z0-9]{20,64}$/, 'write_key must be the write key of a RudderStack source'),
  /**
   * The workspace's data plane URL (`https://<name>dataplane.rudderstack.com`, or a self-hosted
   * rudder-server); `/v1/batch` is appended.
   */
  data_plane_url: z
    .string()
    .regex(
      /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/,
      'data_plane_url must be an http(s) URL without query string',
    )
    .transform((url) => url.replace(/\/+$/, '')),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Send page views as `page` calls (the spec's page view), not as a `Page Viewed` track call. */
  page_calls: z.boolean().default(true),
  /**
   * `integrations` of every message: which destinations of the source get it
   * (`{"All": false, "Google Analytics 4": true}`). Default: all, as the source is set up.
   */
  integrations: z.record(z.string(), z.boolean()).optional(),
});

export type RudderstackCredentials = z.output<typeof credentialsSchema>;
export type RudderstackOptions = z.output<typeof optionsSchema>;
