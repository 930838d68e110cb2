import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/**
 * Credentials, validated strictly: an unknown key is an error that names it. Outbrain's S2S
 * conversion call carries no account id and no key: the click id identifies the marketer.
 */
export const credentialsSchema = z.strictObject({});

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * The OMS record key that carries the Outbrain click id (the value of the `{{ob_click_id}}`
   * macro your Outbrain URLs append to the landing page; `ob_click_id` by default). Events without
   * a value under this key are skipped, never sent.
   */
  click_id_key: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'click_id_key is a record key such as ob_click_id')
    .default('ob_click_id'),
});

export type OutbrainCredentials = z.output<typeof credentialsSchema>;
export type OutbrainOptions = z.output<typeof optionsSchema>;
