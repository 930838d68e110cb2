import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /**
   * Numeric Taboola account id (Taboola Ads / Realize, top left; or the network account id, whose
   * bulk requests may carry conversions of all its sub-accounts). Goes in the URL path. Not a secret:
   * the S2S endpoints take no authentication.
   */
  account_id: z
    .string()
    .regex(/^\d{1,20}$/, 'account_id must be the numeric Taboola account id, e.g. 1234567'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * The OMS record key that carries the Taboola click id (the value Taboola appends to the landing
   * page URL, `tblci` by default). Events without a value under this key are skipped, never sent.
   */
  click_id_key: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'click_id_key is a record key such as tblci')
    .default('tblci'),
});

export type TaboolaCredentials = z.output<typeof credentialsSchema>;
export type TaboolaOptions = z.output<typeof optionsSchema>;
