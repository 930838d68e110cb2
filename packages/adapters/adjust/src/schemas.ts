import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

const token = (field: string, example: string) =>
  z.string().regex(/^[A-Za-z0-9]+$/, `${field} is an Adjust token of letters and digits, such as ${example}`);

/**
 * Credentials, validated strictly: an unknown key is an error that names it. Adjust's S2S event
 * endpoint identifies the app and the event by tokens in the parameters; the S2S Security token,
 * when the app has S2S Security on, goes in `Authorization: Bearer`.
 */
export const credentialsSchema = z.strictObject({
  /** The app token (Adjust dashboard → app → All settings → App token), e.g. `4w565xzmb54d`. */
  app_token: token('app_token', '4w565xzmb54d'),
  /**
   * Adjust event tokens (created per event in the dashboard, e.g. `f0ob4r`), keyed by Relay's event
   * name (`purchase`, `begin_checkout`, `add_to_cart`, `lead`, `sign_up`, `page_view`, or a custom
   * event's OMS name) or by the OMS event name. Events without a token are not sent to Adjust.
   */
  event_tokens: z
    .record(z.string().min(1), token('event_tokens values', 'f0ob4r'))
    .refine((tokens) => Object.keys(tokens).length > 0, 'event_tokens needs at least one event token'),
  /** `production` (default) or `sandbox` (Adjust's test environment). */
  environment: z.enum(['production', 'sandbox']).default('production'),
  /** S2S Security token (Adjust → app → S2S Security), required by Adjust when S2S Security is on. Secret. */
  s2s_token: z
    .string()
    .trim()
    .min(8, 's2s_token is the S2S Security token of the Adjust dashboard')
    .optional(),
});

export const optionsSchema = baseOptionsSchema.extend({});

export type AdjustCredentials = z.output<typeof credentialsSchema>;
export type AdjustOptions = z.output<typeof optionsSchema>;
