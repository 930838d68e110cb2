import { ValidationError, baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** The two APIs this adapter can deliver to. */
export const MICROSOFT_APIS = ['uet_capi', 'offline_conversions'] as const;
export type MicrosoftApi = (typeof MICROSOFT_APIS)[number];

const digits = (field: string) => z.string().regex(/^\d{1,20}$/, `${field} must be numeric`);

/** Fields of a UET Conversions API credential. */
const UET_FIELDS = ['uet_tag_id', 'capi_token'] as const;
/** Required fields of an offline-conversions (Campaign Management API) credential. */
const OFFLINE_FIELDS = [
  'client_id',
  'refresh_token',
  'developer_token',
  'customer_id',
  'customer_account_id',
] as const;

/**
 * One credential carries one of two field sets, validated strictly (an unknown key is an
 * error that names it):
 * - UET Conversions API: `uet_tag_id` + `capi_token` (the tag's Conversions API token);
 * - offline conversions: an Entra ID app (`client_id`, optional `client_secret`, `tenant`)
 *   with the user's `refresh_token`, plus `developer_token`, `customer_id` (manager) and
 *   `customer_account_id` (ad account).
 */
export const credentialsSchema = z
  .strictObject({
    uet_tag_id: digits('uet_tag_id').optional(),
    capi_token: z.string().min(16, 'capi_token looks too short for a UET Conversions API token').optional(),
    client_id: z.string().min(1).optional(),
    client_secret: z.string().min(1).optional(),
    tenant: z.string().min(1).optional(),
    refresh_token: z.string().min(16, 'refresh_token looks too short').optional(),
    developer_token: z.string().min(8, 'developer_token looks too short').optional(),
    customer_id: digits('customer_id').optional(),
    customer_account_id: digits('customer_account_id').optional(),
  })
  .superRefine((value, ctx) => {
    const has = (key: string) => (value as Record<string, unknown>)[key] !== undefined;
    const offline = [...OFFLINE_FIELDS, 'client_secret', 'tenant'].some(has);
    const uet = UET_FIELDS.some(has);
    if (offline && uet) {
      ctx.addIssue({
        code: 'custom',
        path: ['uet_tag_id'],
        message:
          'a credential holds either the UET Conversions API fields (uet_tag_id, capi_token) or the offline-conversions fields, not both',
      });
      return;
    }
    const required = offline ? OFFLINE_FIELDS : UET_FIELDS;
    const purpose = offline ? 'offline conversions' : 'the UET Conversions API';
    for (const key of required) {
      if (!has(key))
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required for ${purpose}` });
    }
  });

export type MicrosoftAdsCredentials = z.output<typeof credentialsSchema>;

export interface UetCapiCredentials {
  uet_tag_id: string;
  capi_token: string;
}

export interface OfflineConversionsCredentials {
  client_id: string;
  client_secret?: string;
  tenant?: string;
  refresh_token: string;
  developer_token: string;
  customer_id: string;
  customer_account_id: string;
}

/** The API a credential's fields belong to. */
export function credentialApi(credentials: MicrosoftAdsCredentials): MicrosoftApi {
  return credentials.refresh_token !== undefined ? 'offline_conversions' : 'uet_capi';
}

/**
 * The error for a credential that lacks the fields of `api` (`options.api` chose an API the
 * credential was not made for): a configuration problem only an operator can fix, thrown like a
 * credential that fails its schema, so the host fails the deliveries with this reason and
 * nothing is sent (no token request either: `check` throws it before authorising).
 */
export function credentialMismatch(
  api: MicrosoftApi,
  c: MicrosoftAdsCredentials,
): ValidationError | undefined {
  const fields: ReadonlyArray<keyof MicrosoftAdsCredentials> =
    api === 'uet_capi' ? UET_FIELDS : OFFLINE_FIELDS;
  const missing = fields.filter((key) => c[key] === undefined);
  if (missing.length === 0) return undefined;
  return new ValidationError(
    `Invalid credentials for options.api '${api}': missing ${missing.join(', ')} (add them, or remove options.api to deliver to the API the credential's fields belong to, ${credentialApi(c)})`,
    { field: missing[0]! },
  );
}

export function asUetCredentials(c: MicrosoftAdsCredentials): UetCapiCredentials | undefined {
  return c.uet_tag_id && c.capi_token ? { uet_tag_id: c.uet_tag_id, capi_token: c.capi_token } : undefined;
}

export function asOfflineCredentials(c: MicrosoftAdsCredentials): OfflineConversionsCredentials | undefined {
  if (!c.client_id || !c.refresh_token || !c.developer_token || !c.customer_id || !c.customer_account_id)
    return undefined;
  const out: OfflineConversionsCredentials = {
    client_id: c.client_id,
    refresh_token: c.refresh_token,
    developer_token: c.developer_token,
    customer_id: c.customer_id,
    customer_account_id: c.customer_account_id,
  };
  if (c.client_secret) out.client_secret = c.client_secret;
  if (c.tenant) out.tenant = c.tenant;
  return out;
}

export const optionsSchema = baseOptionsSchema.extend({
  /** Which API to deliver to; default: the one the credential's fields belong to. */
  api: z.enum(MICROSOFT_APIS).optional(),
  /** UET CAPI: skip invalid events and keep the valid ones (`continueOnValidationError`, default true). */
  continue_on_validation_error: z.boolean().default(true),
  /** UET CAPI: `dataProvider`, required by Microsoft when a third party sends on the advertiser's behalf. */
  data_provider: z.string().min(1).max(100).optional(),
  /** UET CAPI: `adStorageConsent` for events that carry no `consent_ad_user_data` (Microsoft's default is granted). */
  ad_storage_consent: z.enum(['G', 'D']).optional(),
  /** Offline conversions: send to the Campaign Management sandbox instead of production. */
  sandbox: z.boolean().default(false),
});

export type MicrosoftAdsOptions = z.output<typeof optionsSchema>;
