import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Snap Pixel id (a UUID, Ads Manager → Events Manager). */
  pixel_id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'pixel_id is the Snap Pixel id from Events Manager'),
  /** Conversions API token (Business Manager → Business Details → Conversions API Tokens); sent as `?access_token=`. */
  access_token: z.string().min(20, 'access_token looks too short for a Snap Conversions API token'),
});

/** Snap event names are upper snake case (`PURCHASE`, `CUSTOM_EVENT_1`). */
const snapEventName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'Snap event names are upper snake case, e.g. PURCHASE or CUSTOM_EVENT_1');

export const optionsSchema = baseOptionsSchema.extend({
  /** OMS event name → Snap event name (`PURCHASE`, `CUSTOM_EVENT_1`…), or `null` to not send it. */
  eventMap: z.record(z.string(), snapEventName.nullable()).optional(),
  /** Where the conversions happened (`WEB` for a pixel; `OFFLINE` for store/phone sales). */
  action_source: z.enum(['WEB', 'MOBILE_APP', 'OFFLINE']).default('WEB'),
  /** Send to `/events/validate` (Snap's test endpoint: validated and logged, not recorded as conversions). */
  validate: z.boolean().default(false),
});

export type SnapchatCapiCredentials = z.output<typeof credentialsSchema>;
export type SnapchatCapiOptions = z.output<typeof optionsSchema>;
