import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** A server-side API key of the project (sent as the `Api-Key` header). */
  api_key: z.string().min(16, 'api_key looks too short for an Iterable server-side key'),
  /** Data center: `us` (api.iterable.com) or `eu` (api.eu.iterable.com). */
  data_center: z.enum(['us', 'eu']).default('us'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Identify users by email (Iterable's default) or by userId (projects that use userId as the key). */
  identify_by: z.enum(['email', 'userId']).default('email'),
});

export type IterableCredentials = z.output<typeof credentialsSchema>;
export type IterableOptions = z.output<typeof optionsSchema>;
