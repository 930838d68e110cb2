import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** HTTP Tracking API hosts per workspace region. */
export const SEGMENT_HOSTS = {
  us: 'https://api.segment.io',
  eu: 'https://events.eu1.segmentapis.com',
} as const;

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Write key of an HTTP API source (Source → Settings → API Keys); Basic auth username, empty password. */
  write_key: z.string().regex(/^[A-Za-z0-9]{20,64}$/, 'write_key must be the HTTP API source write key'),
  /** Workspace region: `us` (default) or `eu`. An EU workspace on the US host silently loses events. */
  region: z.enum(['us', 'eu']).default('us'),
});

export const optionsSchema = baseOptionsSchema.extend({});

export type SegmentCredentials = z.output<typeof credentialsSchema>;
export type SegmentOptions = z.output<typeof optionsSchema>;
