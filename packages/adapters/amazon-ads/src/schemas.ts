import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';
import { CONVERSION_TYPES } from './event-map';

/** The three Amazon Ads API regions: API host and Login-with-Amazon token endpoint of each. */
export const REGIONS = {
  NA: { apiHost: 'https://advertising-api.amazon.com', tokenUrl: 'https://api.amazon.com/auth/o2/token' },
  EU: {
    apiHost: 'https://advertising-api-eu.amazon.com',
    tokenUrl: 'https://api.amazon.co.uk/auth/o2/token',
  },
  FE: {
    apiHost: 'https://advertising-api-fe.amazon.com',
    tokenUrl: 'https://api.amazon.co.jp/auth/o2/token',
  },
} as const;

export type AmazonRegion = keyof typeof REGIONS;

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Login with Amazon client id of an Amazon Ads API app (`amzn1.application-oa2-client.…`). */
  client_id: z.string().min(1),
  /** Login with Amazon client secret of that app. */
  client_secret: z.string().min(1),
  /** LwA refresh token of a user with the Events Manager permission on the advertiser account. */
  refresh_token: z.string().min(1),
  /**
   * Advertiser account id sent as `Amazon-Ads-AccountId`: the numeric DSP advertiser id (not the
   * entity id) or a global advertiser account id (`amzn1.ads-account.g.…`).
   */
  account_id: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'account_id is the advertiser account id (digits or amzn1.ads-account.…)'),
  /** Region of the advertiser account: NA (default), EU or FE. Picks the API host and the token endpoint. */
  region: z.enum(['NA', 'EU', 'FE']).default('NA'),
});

/** `EventSource` values of the Events API. */
export const EVENT_SOURCES = [
  'WEBSITE',
  'OFFLINE',
  'ANDROID',
  'IOS',
  'FIRE_TV',
  'MEASUREMENT_ATTRIBUTION_PARTNER',
] as const;

export const optionsSchema = baseOptionsSchema.extend({
  /** `eventDescription.eventSource` of every event of the credential (default `WEBSITE`). */
  event_source: z.enum(EVENT_SOURCES).default('WEBSITE'),
  /** `eventDescription.dataSetName`: the event dataset the events are added to. */
  data_set_name: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'data_set_name starts with a letter, then letters, digits, _ or -')
    .optional(),
  /**
   * `eventDescription.name` per conversion type, replacing the defaults (`Purchase`, `Checkout`,
   * …). Use the names of the Amazon Ad Tag events the server events should match.
   */
  event_names: z.partialRecord(z.enum(CONVERSION_TYPES), z.string().trim().min(1).max(256)).default({}),
  /** Flag every event for limited data use (`dataProcessingOptions.options: LIMITED_DATA_USE`). */
  limited_data_use: z.boolean().default(false),
  /** `partner`: the name of the third-party service delivering the conversions, when Amazon asked for one. */
  partner: z.string().trim().min(1).optional(),
});

export type AmazonAdsCredentials = z.output<typeof credentialsSchema>;
export type AmazonAdsOptions = z.output<typeof optionsSchema>;
