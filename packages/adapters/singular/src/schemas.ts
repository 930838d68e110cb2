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

export const optionsSchema = baseOptionsSchema.extend({});

export type SingularCredentials = z.output<typeof credentialsSchema>;
export type SingularOptions = z.output<typeof optionsSchema>;
