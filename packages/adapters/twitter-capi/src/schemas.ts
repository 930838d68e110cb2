import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** The X event id of an event created in Events Manager, e.g. `tw-o8z6j-o87ne` (or the short `o87ne`). */
const xEventId = z
  .string()
  .regex(/^(tw-[a-z0-9]+-)?[a-z0-9]+$/, 'must be an X event id such as tw-o8z6j-o87ne');

/**
 * Credentials, validated strictly: an unknown key is an error that names it. X has no event
 * names in its API: each conversion event is created in Events Manager and referenced by its
 * id, so `event_ids` maps Relay's event kinds to those ids.
 */
export const credentialsSchema = z.strictObject({
  /** The Base Tag (pixel) id, base-36, e.g. `o8z6j`. */
  pixel_id: z.string().regex(/^[a-z0-9]+$/, 'pixel_id is the base-36 Base Tag id'),
  /** OAuth 1.0a app key and secret of the developer app with Ads API access. */
  consumer_key: z.string().min(1),
  consumer_secret: z.string().min(1),
  /** OAuth 1.0a user token and secret of a user with access to the ad account. */
  access_token: z.string().min(1),
  access_token_secret: z.string().min(1),
  /** X event id per event kind: purchase, begin_checkout, add_to_cart, lead, sign_up, page_view. */
  event_ids: z
    .partialRecord(
      z.enum(['purchase', 'begin_checkout', 'add_to_cart', 'lead', 'sign_up', 'page_view']),
      xEventId,
    )
    .refine((ids) => Object.keys(ids).length > 0, 'give the X event id of at least one event kind'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Ads API version in the path (default 12). */
  api_version: z.string().regex(/^\d+$/).optional(),
});

export type TwitterCapiCredentials = z.output<typeof credentialsSchema>;
export type TwitterCapiOptions = z.output<typeof optionsSchema>;
