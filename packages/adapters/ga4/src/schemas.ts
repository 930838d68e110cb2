import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Web data stream measurement id (`G-XXXXXXXXXX`). */
  measurement_id: z
    .string()
    .trim()
    .regex(/^G-[A-Z0-9]+$/, 'must be a GA4 measurement id like G-ABC123XYZ9'),
  /** Measurement Protocol API secret of that stream (Admin → Data streams → MP API secrets). */
  api_secret: z.string().min(1),
});

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * Validation mode: send to `/debug/mp/collect` only. GA4 records nothing; events with
   * validation messages are rejected with them, the others come back delivered with a warning.
   * Meant for a test credential while setting up a stream.
   */
  validate: z.boolean().default(false),
  /** `eu` sends to region1.google-analytics.com (data collected in the EU). */
  region: z.enum(['global', 'eu']).default('global'),
});

export type Ga4Credentials = z.output<typeof credentialsSchema>;
export type Ga4Options = z.output<typeof optionsSchema>;
