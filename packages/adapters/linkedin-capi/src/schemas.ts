import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

const ruleId = z.string().regex(/^\d+$/, 'must be the numeric conversion rule id');

/**
 * Credentials, validated strictly. LinkedIn takes no event names: each conversion rule (created
 * with `conversionMethod: CONVERSIONS_API`) has a type, and events reference the rule, so
 * `conversion_rule_ids` maps Relay's event kinds to rule ids.
 */
export const credentialsSchema = z.strictObject({
  /** OAuth 2.0 app client id and secret (scope `rw_conversions`). */
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  /** Refresh token of a member with a role on the ad account (3-legged OAuth). */
  refresh_token: z.string().min(1),
  /** Sponsored ad account id (informational; rules belong to it). */
  ad_account_id: z.string().regex(/^\d+$/).optional(),
  /** Conversion rule id per event kind: purchase, begin_checkout, add_to_cart, lead, sign_up, page_view. */
  conversion_rule_ids: z
    .partialRecord(
      z.enum(['purchase', 'begin_checkout', 'add_to_cart', 'lead', 'sign_up', 'page_view']),
      ruleId,
    )
    .refine((ids) => Object.keys(ids).length > 0, 'give the conversion rule id of at least one event kind'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** `LinkedIn-Version` header to pin (YYYYMM). */
  linkedin_version: z
    .string()
    .regex(/^\d{6}$/, 'linkedin_version looks like 202609')
    .optional(),
});

export type LinkedinCapiCredentials = z.output<typeof credentialsSchema>;
export type LinkedinCapiOptions = z.output<typeof optionsSchema>;
