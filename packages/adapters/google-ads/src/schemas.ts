import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Google Ads customer ids are 10 digits; `123-456-7890` is accepted and stored without dashes. */
const customerId = z
  .string()
  .trim()
  .transform((v) => v.replace(/-/g, ''))
  .pipe(z.string().regex(/^\d{6,12}$/, 'must be a Google Ads customer id (digits, dashes allowed)'));

const conversionActionId = z.string().trim().regex(/^\d+$/, 'must be a numeric conversion action id');

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** OAuth 2.0 client id of the Google Cloud project. */
  client_id: z.string().min(1),
  /** OAuth 2.0 client secret. */
  client_secret: z.string().min(1),
  /** Refresh token with the `datamanager` scope (Data Manager) or `adwords` scope (Ads API). */
  refresh_token: z.string().min(1),
  /** The Google Ads account that owns the conversion actions (operating account). */
  customer_id: customerId,
  /** Manager (MCC) account used to log in, when access goes through one. */
  login_customer_id: customerId.optional(),
  /** Conversion action that receives purchases (and any event without its own mapping). */
  conversion_action_id: conversionActionId,
  /** Google Ads API developer token; required only with `api: 'ads_api'`. */
  developer_token: z.string().min(1).optional(),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Which Google endpoint receives the conversions (default: the Data Manager API). */
  api: z.enum(['data_manager', 'ads_api']).default('data_manager'),
  /** OMS event name (or mapped name) → conversion action id, for events other than purchases. */
  conversionActions: z.record(z.string(), conversionActionId).optional(),
  /** Validate the request without recording anything (`validateOnly`). */
  validateOnly: z.boolean().default(false),
  /** Data Manager `eventSource` of every event. */
  eventSource: z.enum(['WEB', 'APP', 'IN_STORE', 'PHONE', 'OTHER']).default('WEB'),
  /** Google Ads API version for `api: 'ads_api'`. */
  adsApiVersion: z
    .string()
    .regex(/^v\d+$/)
    .default('v26'),
});

export type GoogleAdsCredentials = z.output<typeof credentialsSchema>;
export type GoogleAdsOptions = z.output<typeof optionsSchema>;
