import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /**
   * The dedicated CAPI pixel id (the `.yp` id) Yahoo allow-listed for this client: create a new pixel
   * under the advertiser's Tracking tab; never reuse a pixel that fires on the site.
   */
  pixel_id: z.string().regex(/^\d{1,20}$/, 'pixel_id must be the numeric Yahoo DSP pixel id'),
  /** OAuth 2.0 client id Yahoo issued for the Conversion API (the JWT's `iss` and `sub`). */
  client_id: z.string().min(1, 'client_id is required'),
  /** OAuth 2.0 client secret; signs the JWT client assertion (HS256). Never sent itself. */
  client_secret: z.string().min(8, 'client_secret looks too short for a Yahoo client secret'),
});

/** Yahoo's two CAPI hosts: `batch` (default, processed once a day) and `streaming` (several times a day). */
export const ENDPOINTS = ['batch', 'streaming'] as const;

/** `actionSource` values Yahoo lists. */
export const ACTION_SOURCES = ['web', 'app', 'phone', 'email', 'physical_store'] as const;

export const optionsSchema = baseOptionsSchema.extend({
  /** Which Yahoo endpoint receives the events (default `batch`, Yahoo's default for every integration). */
  endpoint: z.enum(ENDPOINTS).default('batch'),
  /** Where the conversions happened, sent as every event's `actionSource` (default `web`). */
  action_source: z.enum(ACTION_SOURCES).default('web'),
  /** OMS record key that carries the Yahoo click id (`vmcid=${CC}` on the landing page), default `vmcid`. */
  click_id_key: z.string().min(1).default('vmcid'),
});

export type YahooDspCredentials = z.output<typeof credentialsSchema>;
export type YahooDspOptions = z.output<typeof optionsSchema>;
