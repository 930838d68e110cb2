import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Pixel code (the Events API `event_source_id`), e.g. `CXXXXXXXXXXXXXXXXXXX`. */
  pixel_code: z
    .string()
    .regex(
      /^[A-Z0-9]{10,30}$/,
      'pixel_code is the pixel code shown in Events Manager (upper-case letters and digits)',
    ),
  /** Events API access token generated in Events Manager → pixel → Settings; sent as `Access-Token`. */
  access_token: z.string().min(20, 'access_token looks too short for a TikTok Events API token'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Events Manager → Test events code; test events are not used for ads. */
  test_event_code: z.string().min(1).optional(),
  /** Flag every event for Limited Data Use (`limited_data_use: true`). */
  limited_data_use: z.boolean().default(false),
});

export type TiktokEventsCredentials = z.output<typeof credentialsSchema>;
export type TiktokEventsOptions = z.output<typeof optionsSchema>;
