import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/**
 * Credentials, validated strictly: an unknown key is an error that names it. Kochava's
 * post-install event endpoint takes no authentication: the app GUID travels in each body.
 */
export const credentialsSchema = z.strictObject({
  /** Kochava App GUID (`kochava_app_id`, e.g. `koexample-app-5f1b2c3d4e`): Kochava → Apps & Assets → All Apps. */
  kochava_app_id: z
    .string()
    .regex(/^ko[A-Za-z0-9_-]+$/, 'kochava_app_id is a Kochava App GUID such as koexample-app-5f1b2c3d4e'),
});

export const optionsSchema = baseOptionsSchema.extend({});

export type KochavaCredentials = z.output<typeof credentialsSchema>;
export type KochavaOptions = z.output<typeof optionsSchema>;
