import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

const EID = /^[A-Za-z0-9]{8,40}$/;

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** EID of the advertisable the events belong to (`adroll_adv_id` in the pixel snippet). */
  advertisable_eid: z
    .string()
    .regex(EID, 'advertisable_eid is the AdRoll advertisable EID (letters and digits)'),
  /** EID of the advertisable's pixel (`adroll_pix_id` in the pixel snippet). */
  pixel_eid: z.string().regex(EID, 'pixel_eid is the AdRoll pixel EID (letters and digits)'),
  /**
   * Server Access Token (SAT) for the S2S Event API, issued by the AdRoll account manager through
   * a one-time 1Password link. Sent as `Authorization: Token …`.
   */
  server_access_token: z
    .string()
    .min(16, 'server_access_token looks too short for an AdRoll Server Access Token'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** Send `&dry_run=true`: AdRoll validates and logs the events without touching audiences or attribution. */
  dry_run: z.boolean().default(false),
  /**
   * `page_location` for events the OMS sends without a page URL (AdRoll requires one), e.g. the
   * storefront's order-confirmation URL.
   */
  page_location: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Refuse events without AdRoll's first-party cookie before sending (default true): AdRoll
   * currently requires `identifiers.first_party_cookie` and says this will change.
   */
  require_first_party_cookie: z.boolean().default(true),
});

export type AdrollCredentials = z.output<typeof credentialsSchema>;
export type AdrollOptions = z.output<typeof optionsSchema>;
