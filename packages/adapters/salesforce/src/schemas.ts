import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Tenant subdomain: 28 characters starting with `mc` (Setup → Installed Packages → API Integration). */
const SUBDOMAIN = /^mc[a-z0-9-]{26}$/;

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /**
   * Tenant-specific subdomain of the Authentication Base URI, e.g. `mc563885gzs27c5t9-63k636ttgm`
   * from `https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/`. Both the token host
   * (`{subdomain}.auth.marketingcloudapis.com`) and the REST host (`{subdomain}.rest.…`) derive from it.
   */
  subdomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(SUBDOMAIN, 'subdomain must be the 28-character tenant subdomain starting with "mc"'),
  /** Client id of the Server-to-Server API Integration (Installed Packages). */
  client_id: z.string().min(1),
  /** Client secret of that API Integration. */
  client_secret: z.string().min(1),
  /** MID of the business unit to act in (`account_id` of the token request); the package's default BU when absent. */
  account_id: z.string().regex(/^\d+$/, 'account_id must be the numeric MID of the business unit').optional(),
});

/** Where events go: a Journey Builder API entry event, or rows of a data extension. */
export const SALESFORCE_TARGETS = ['journey_event', 'data_extension'] as const;

export const optionsSchema = baseOptionsSchema
  .extend({
    /**
     * `journey_event` (default): `POST /interaction/v1/events`, one contact per request, enters the
     * journey whose API entry event is `event_definition_key`. `data_extension`: upsert rows into the
     * data extension `data_extension_key` through `POST /hub/v1/dataevents/key:{key}/rowset`.
     */
    target: z.enum(SALESFORCE_TARGETS).default('journey_event'),
    /** Event Definition Key of the journey's API entry event (Event Administration); no periods allowed. */
    event_definition_key: z
      .string()
      .min(1)
      .regex(/^[^.]+$/, 'event_definition_key must not contain a period')
      .optional(),
    /** External key of the data extension whose primary key is `EventId` (target `data_extension`). */
    data_extension_key: z.string().min(1).optional(),
    /** Which identifier is the Marketing Cloud ContactKey: the OMS external id (default) or the email. */
    contact_key: z.enum(['external_id', 'email']).default('external_id'),
  })
  .superRefine((value, ctx) => {
    if (value.target === 'journey_event' && value.event_definition_key === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['event_definition_key'],
        message: 'required when target is journey_event',
      });
    if (value.target === 'data_extension' && value.data_extension_key === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['data_extension_key'],
        message: 'required when target is data_extension',
      });
  });

export type SalesforceCredentials = z.output<typeof credentialsSchema>;
export type SalesforceOptions = z.output<typeof optionsSchema>;
