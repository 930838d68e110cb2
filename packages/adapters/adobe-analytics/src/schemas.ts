import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Datastream id (Data Collection → Datastreams) whose Adobe Analytics service sends to the report suite. */
  datastream_id: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[a-z]+)?$/i,
      'datastream_id must be the datastream UUID',
    ),
  /** IMS organisation id (`…@AdobeOrg`), sent as `x-gw-ims-org-id`. */
  ims_org_id: z
    .string()
    .regex(/^[A-Z0-9]{24}@AdobeOrg$/, 'ims_org_id must look like 0123456789ABCDEF01234567@AdobeOrg'),
  /** OAuth Server-to-Server credential of the Developer Console project; also the `x-api-key`. */
  client_id: z.string().min(16, 'client_id looks too short for an Adobe OAuth client id'),
  client_secret: z.string().min(16, 'client_secret looks too short'),
  /** Scopes of the OAuth Server-to-Server credential (comma separated). */
  scopes: z.string().min(1).default('openid,AdobeID,additional_info.projectedProductContext'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** `collect` (default): `/ee/v2/collect`, a batch, no response body. `interact`: `/ee/v2/interact`, one event per request. */
  endpoint: z.enum(['collect', 'interact']).default('collect'),
  /** Identity namespace of the OMS external id in `identityMap` (default `CRMID`). */
  id_namespace: z.string().min(1).default('CRMID'),
  /** Analytics custom events per Relay event name, e.g. `{ "web.formFilledOut": "event1" }`. */
  analytics_events: z
    .record(
      z.string(),
      z.string().regex(/^event([1-9]\d?|100)$/, 'analytics_events values are event1…event100'),
    )
    .default({}),
});

export type AdobeAnalyticsCredentials = z.output<typeof credentialsSchema>;
export type AdobeAnalyticsOptions = z.output<typeof optionsSchema>;
