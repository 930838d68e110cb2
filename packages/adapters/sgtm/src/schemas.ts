import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** GA4 web-stream measurement id (`G-` and letters/digits). */
const MEASUREMENT_ID = /^G-[A-Z0-9]+$/;

/**
 * A storefront's server-side GTM configuration (contract.md `sgtm-configs`), as the host passes
 * it: the container URL, which sGTM client receives the events, and that client's settings.
 * Strict: an unknown key is an error that names it.
 */
export const credentialsSchema = z
  .strictObject({
    /** Base URL of the tagging server, e.g. `https://sgtm.example.com` (http or https). */
    sgtm_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    /** `ga4`: Measurement Protocol to `/mp/collect`; `custom`: JSON to `custom_endpoint_path`. */
    client_type: z.enum(['ga4', 'custom']),
    /** Web container id (`GTM-XXXX`), informational. */
    container_id: z.string().min(1).optional(),
    /** GA4 measurement id (`G-XXXX`), required for the ga4 client. */
    measurement_id: z.string().regex(MEASUREMENT_ID, 'must look like G-XXXXXXXXXX').optional(),
    /** Measurement Protocol API secret, required for the ga4 client. */
    api_secret: z.string().min(1).optional(),
    /** Path the custom client claims, starting with `/` (default `/events`). */
    custom_endpoint_path: z
      .string()
      .regex(/^\/[^\s?#]*$/, "must be a path starting with '/'")
      .default('/events'),
    /** Headers sent with every request (both clients), e.g. an auth header or `X-Gtm-Server-Preview`. */
    custom_headers: z.record(z.string().min(1), z.string()).default({}),
  })
  .superRefine((value, ctx) => {
    if (value.client_type !== 'ga4') return;
    if (value.measurement_id === undefined)
      ctx.addIssue({ code: 'custom', path: ['measurement_id'], message: 'required when client_type is ga4' });
    if (value.api_secret === undefined)
      ctx.addIssue({ code: 'custom', path: ['api_secret'], message: 'required when client_type is ga4' });
  });

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * `engagement_time_msec` added to every GA4 event (GA4 shows events with it in realtime
   * and engagement reports). Absent by default: server events carry no real engagement time.
   */
  engagementTimeMsec: z.number().int().positive().optional(),
});

export type SgtmCredentials = z.output<typeof credentialsSchema>;
export type SgtmOptions = z.output<typeof optionsSchema>;
