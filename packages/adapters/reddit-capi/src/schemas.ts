import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Reddit Pixel ID from Events Manager (the business account's pixel, e.g. `a2_…` / `t2_…`). */
  pixel_id: z
    .string()
    .regex(
      /^[A-Za-z0-9_]{3,64}$/,
      'pixel_id must be the Reddit Pixel ID from Events Manager (letters, digits, _)',
    ),
  /**
   * Conversion access token generated in Events Manager → Conversions API → Generate Access
   * Token. It does not expire; deleting it in Events Manager revokes it. Sent as a Bearer token.
   */
  conversion_token: z
    .string()
    .min(20, 'conversion_token looks too short for a Reddit conversion access token'),
});

/** Reddit's `action_source` values (v3 changelog / omnichannel attribution). */
export const ACTION_SOURCES = ['WEBSITE', 'APP', 'PHYSICAL_STORE', 'OTHER'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

export const optionsSchema = baseOptionsSchema.extend({
  /** Where the conversions happened (required by v3 on every event; default `WEBSITE`). */
  action_source: z.enum(ACTION_SOURCES).default('WEBSITE'),
  /**
   * Event Testing id copied from Events Manager → Event Testing: sent as `data.test_id` so the
   * events show up there. For QA only; remove it for production traffic.
   */
  test_id: z.string().trim().min(1).max(256).optional(),
  /**
   * Flag every event for Limited Data Use (`user.data_processing_options.modes: ["LDU"]`, US
   * state privacy laws), optionally with the user's `country` (ISO alpha-2, e.g. `US`) and
   * `region` (e.g. `US-CA`).
   */
  limited_data_use: z
    .strictObject({
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'limited_data_use.country is an ISO 3166-1 alpha-2 code such as US')
        .optional(),
      region: z.string().trim().min(1).max(16).optional(),
    })
    .optional(),
});

export type RedditCapiCredentials = z.output<typeof credentialsSchema>;
export type RedditCapiOptions = z.output<typeof optionsSchema>;
