import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Events API hosts per pod (the pod the workspace lives in). */
export const MPARTICLE_PODS = {
  us1: 'https://s2s.mparticle.com',
  us2: 'https://s2s.us2.mparticle.com',
  eu1: 'https://s2s.eu1.mparticle.com',
  au1: 'https://s2s.au1.mparticle.com',
} as const;

export type MparticlePod = keyof typeof MPARTICLE_PODS;

const POD_NAMES = Object.keys(MPARTICLE_PODS) as [MparticlePod, ...MparticlePod[]];

/** The pod a key names: keys issued outside US1 start with it (`us2-…`, `eu1-…`). */
export const podOfKey = (apiKey: string): MparticlePod | undefined => {
  const prefix = /^(us1|us2|eu1|au1)-/.exec(apiKey)?.[1];
  return prefix as MparticlePod | undefined;
};

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z
  .strictObject({
    /** Key of a server-to-server input or custom feed (Setup → Inputs); HTTP Basic username. */
    api_key: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,}$/, 'api_key must be the key of an mParticle server-to-server input or feed'),
    /** Its secret; HTTP Basic password. */
    api_secret: z.string().regex(/^\S{8,}$/, 'api_secret must be the secret of that key'),
    /** Pod of the workspace: `us1`, `us2`, `eu1` or `au1`. Default: the key's prefix (`us2-…`), else `us1`. */
    pod: z.enum(POD_NAMES).optional(),
  })
  .superRefine((c, ctx) => {
    const keyPod = podOfKey(c.api_key);
    if (c.pod && keyPod && keyPod !== c.pod) {
      ctx.addIssue({
        code: 'custom',
        path: ['pod'],
        message: `pod ${c.pod} does not match the key, which belongs to pod ${keyPod}`,
      });
    }
  });

/** mParticle's custom event types (`custom_event_type`). */
export const CUSTOM_EVENT_TYPES = [
  'navigation',
  'location',
  'search',
  'transaction',
  'user_content',
  'user_preference',
  'social',
  'other',
  'media',
] as const;

export const optionsSchema = baseOptionsSchema.extend({
  /** `environment` of every batch: `production`, or `development` to keep test data apart. */
  environment: z.enum(['production', 'development']).default('production'),
  /**
   * Send events older than 30 days to `/v2/bulkevents/historical` (stored on profiles, not forwarded
   * to event outputs) instead of rejecting them.
   */
  historical: z.boolean().default(false),
  /** `custom_event_type` of custom events (sign-ups are always `user_preference`). */
  custom_event_type: z.enum(CUSTOM_EVENT_TYPES).default('other'),
  /** Send the OMS name and address as reserved user attributes (`$firstname`, `$city`…). */
  user_attributes: z.boolean().default(true),
});

export type MparticleCredentials = z.output<typeof credentialsSchema>;
export type MparticleOptions = z.output<typeof optionsSchema>;

/** The pod a credential sends to. */
export const podOf = (c: MparticleCredentials): MparticlePod => c.pod ?? podOfKey(c.api_key) ?? 'us1';
