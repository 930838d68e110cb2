import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/**
 * HubSpot's rule for event and property internal names: a lower-case letter first, then
 * lower-case letters, digits and underscores, 50 characters at most (event names may also hold
 * hyphens). A fully qualified event name is `pe<portal id>_<name>`.
 */
export const PROPERTY_NAME = /^[a-z][a-z0-9_]{0,49}$/;
export const EVENT_NAME = /^(pe\d+_)?[a-z][a-z0-9_-]{0,49}$/;

/** What Relay can put into a HubSpot event property (`record.<key>`: any other key of the OMS record). */
export const PROPERTY_SOURCES = [
  'order_id',
  'value',
  'currency',
  'storefront',
  'oms_event_name',
  'session_id',
  'affiliate',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'page_url',
  'referrer',
  'user_agent',
  'ip',
  'city',
  'state',
  'zip',
  'country',
  'item_ids',
  'item_count',
] as const;

export type PropertySource = (typeof PROPERTY_SOURCES)[number] | `record.${string}`;

const propertySourceSchema = z.union([
  z.enum(PROPERTY_SOURCES),
  z.custom<`record.${string}`>(
    (v) => typeof v === 'string' && /^record\.\S+$/.test(v),
    'a Relay field (order_id, value, currency, utm_source, page_url…) or record.<key of the OMS record>',
  ),
]);

/**
 * The event properties sent when the credential says nothing: the order id, value and currency
 * (custom properties to create on each event definition, see the README) and HubSpot's default
 * event properties Relay can fill (UTM, page URL, referrer, user agent).
 */
export const DEFAULT_PROPERTIES: Readonly<Record<string, PropertySource>> = Object.freeze({
  order_id: 'order_id',
  value: 'value',
  currency: 'currency',
  hs_utm_source: 'utm_source',
  hs_utm_medium: 'utm_medium',
  hs_utm_campaign: 'utm_campaign',
  hs_utm_term: 'utm_term',
  hs_utm_content: 'utm_content',
  hs_page_url: 'page_url',
  hs_referrer: 'referrer',
  hs_user_agent: 'user_agent',
});

/** HubSpot refuses a completion with more than 50 properties. */
export const MAX_PROPERTIES = 50;

/** The default properties with the credential's overrides: a name → source pair is added or replaced, `null` removes one. */
export function propertyMap(
  overrides: Readonly<Record<string, PropertySource | null>> = {},
): Array<[string, PropertySource]> {
  const merged: Record<string, PropertySource | null> = { ...DEFAULT_PROPERTIES, ...overrides };
  return Object.entries(merged).filter((entry): entry is [string, PropertySource] => entry[1] !== null);
}

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /**
   * Private app access token (`pat-na1-…`) with the `analytics.behavioral_events.send` scope;
   * sent as `Authorization: Bearer …`. Private app tokens do not expire (rotate them in HubSpot).
   */
  access_token: z
    .string()
    .regex(/^\S{20,}$/, 'access_token must be a HubSpot private app access token (pat-…)'),
  /** HubSpot account ID (Hub ID, digits): the `<portal id>` of the `pe<portal id>_<name>` event names. */
  portal_id: z.string().regex(/^\d{1,15}$/, 'portal_id must be the HubSpot account ID (Hub ID), digits only'),
});

export const optionsSchema = baseOptionsSchema
  .extend({
    /**
     * OMS event name → the HubSpot event's internal name (`purchase`, qualified with the portal
     * id) or fully qualified name (`pe1234567_purchase`), or `null` to not send it.
     */
    eventMap: z
      .record(
        z.string(),
        z
          .string()
          .regex(
            EVENT_NAME,
            'a HubSpot event internal name (lower-case, a-z 0-9 _ -) or pe<portal id>_<name>',
          )
          .nullable(),
      )
      .optional(),
    /**
     * HubSpot event property internal name → what Relay puts in it, merged over
     * `DEFAULT_PROPERTIES`; `null` removes a default. Every property must exist on the event
     * definition.
     */
    properties: z
      .record(
        z.string().regex(PROPERTY_NAME, 'a HubSpot property internal name (lower-case, a-z 0-9 _, ≤ 50)'),
        propertySourceSchema.nullable(),
      )
      .optional(),
    /**
     * The event definitions link occurrences to records through a custom matching ID property
     * (mapped in `properties`): send events that carry neither an email nor a `hubspotutk`.
     */
    custom_matching_id: z.boolean().default(false),
  })
  .refine((o) => propertyMap(o.properties).length <= MAX_PROPERTIES, {
    message: `HubSpot takes at most ${MAX_PROPERTIES} properties per event; remove some with null`,
    path: ['properties'],
  });

export type HubspotCredentials = z.output<typeof credentialsSchema>;
export type HubspotOptions = z.output<typeof optionsSchema>;
