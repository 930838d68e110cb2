import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

const appId = (field: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, `${field} is a package name or bundle id such as com.example.app`)
    .optional();

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Singular SDK Key (query parameter `a`): Singular → Developer Tools → SDK Integration → SDK Keys. */
  sdk_key: z.string().min(8, 'sdk_key is the Singular SDK Key (Developer Tools → SDK Keys)'),
  /** Bundle id of the iOS app (`i` for iOS events). */
  ios_bundle_id: appId('ios_bundle_id'),
  /** Package name of the Android app (`i` for Android events). */
  android_package_name: appId('android_package_name'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * Which EVENT endpoint: `v2` (`/api/v2/evt`, matched on the Singular Device ID `sdid` only, the
   * delivery Singular accounts created on or after 2026-07-15 use), `v1` (`/api/v1/evt`, matched on
   * the platform's advertising ids), or `auto` (default): v2 when the record carries an `sdid`,
   * else v1.
   */
  event_api: z.enum(['auto', 'v1', 'v2']).default('auto'),
});

export type SingularCredentials = z.output<typeof credentialsSchema>;
export type SingularOptions = z.output<typeof optionsSchema>;
