import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Numeric Quora ad account id (Quora Ads Manager); sent as a JSON number. */
  account_id: z
    .string()
    .regex(/^\d{1,16}$/, 'account_id must be the numeric Quora ad account id')
    .refine((id) => Number.isSafeInteger(Number(id)), 'account_id is too large for a Quora account id'),
  /** Conversion API token: Quora Ads Manager → Conversion API tab → Generate Token. Sent as a Bearer token. */
  api_token: z.string().min(20, 'api_token looks too short for a Quora Conversion API token'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * The ad account's currency (ISO 4217). Quora's `value` has no currency and is read in the
   * account currency: when set, values in another currency are left out (with a warning)
   * instead of being reported as if they were in the account currency.
   */
  account_currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'account_currency is an ISO 4217 code such as USD')
    .transform((c) => c.toUpperCase())
    .optional(),
});

export type QuoraPixelCredentials = z.output<typeof credentialsSchema>;
export type QuoraPixelOptions = z.output<typeof optionsSchema>;
