import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/**
 * Credentials, validated strictly: an unknown key is an error that names it. The S2S in-app
 * events API 3 takes the app id in the URL path and the S2S key in the `authentication` header.
 */
export const credentialsSchema = z.strictObject({
  /**
   * The app id exactly as the AppsFlyer dashboard shows it: `id<number>` for iOS (AppsFlyer answers
   * 200 but records nothing when the `id` prefix is missing, so a bare number is refused here), the
   * package name for Android (`com.example.app`), the store id for Windows.
   */
  app_id: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'app_id is the app id of the AppsFlyer dashboard, such as id123456789 (iOS) or com.example.app (Android)',
    )
    .refine(
      (id) => !/^\d+$/.test(id),
      'app_id of an iOS app needs the id prefix (id123456789): without it AppsFlyer answers 200 and records nothing',
    ),
  /** S2S key (AppsFlyer → Security center → API tokens → S2S token), sent as the `authentication` header. Secret. */
  s2s_key: z.string().trim().min(8, 's2s_key is the S2S token of the AppsFlyer Security center'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Record key that carries the AppsFlyer id (the SDK's `getAppsFlyerUID()`); default `appsflyer_id`. */
  appsflyer_id_key: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'appsflyer_id_key is a record key such as appsflyer_id')
    .optional(),
});

export type AppsflyerCredentials = z.output<typeof credentialsSchema>;
export type AppsflyerOptions = z.output<typeof optionsSchema>;
