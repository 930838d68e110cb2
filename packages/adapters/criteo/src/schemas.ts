import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. No secret: the API has no auth. */
export const credentialsSchema = z.strictObject({
  /** Criteo partner id (the `account` of OneTag), digits, from Commerce Growth → Events tracking. */
  partner_id: z.string().regex(/^\d{1,12}$/, 'partner_id is the numeric Criteo partner (account) id'),
  /**
   * Caller id issued by Criteo for the user-identification (GUM) sync, sent as `id.mapping_key`.
   * Needed for Criteo to read a GUM id (`crto_mapped_user_id`); without it only email and
   * retailer visitor id identify the user.
   */
  caller_id: z
    .string()
    .regex(/^\d{1,12}$/, 'caller_id is the numeric caller id Criteo issued')
    .optional(),
});

/** `site_type` values: desktop, mobile web, tablet. */
export const SITE_TYPES = ['d', 'm', 't'] as const;

export const optionsSchema = baseOptionsSchema.extend({
  /** `site_type` of every event: `d` desktop (default), `m` mobile web, `t` tablet. */
  site_type: z.enum(SITE_TYPES).default('d'),
  /**
   * Item id of the single line sent for a `trackTransaction` whose record has no `items`: the
   * order value as `{id, price: value, quantity: 1}`, so Criteo still counts the sale and its
   * revenue. Use an id your catalog feed does not reuse.
   */
  order_line_item_id: z.string().trim().min(1).max(100).default('order'),
});

export type CriteoCredentials = z.output<typeof credentialsSchema>;
export type CriteoOptions = z.output<typeof optionsSchema>;
