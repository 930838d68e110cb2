import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly. Heap authenticates server-side tracking by the environment id alone. */
export const credentialsSchema = z.strictObject({
  /** Environment id (Account → Manage → Projects), digits. */
  app_id: z.string().regex(/^\d+$/, 'app_id is the numeric Heap environment id'),
  /** Data residency: `us` (heapanalytics.com) or `eu` (c.eu.heap-api.com). */
  region: z.enum(['us', 'eu']).default('us'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Use the email as `identity` when the OMS sends no external id (default true). */
  identify_by_email: z.boolean().default(true),
});

export type HeapCredentials = z.output<typeof credentialsSchema>;
export type HeapOptions = z.output<typeof optionsSchema>;
