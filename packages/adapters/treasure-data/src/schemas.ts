import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** Data Ingestion API hosts per region (`https://{region}.records.in.treasuredata.com`). */
export const TD_HOSTS = {
  us01: 'https://us01.records.in.treasuredata.com',
  eu01: 'https://eu01.records.in.treasuredata.com',
  ap01: 'https://ap01.records.in.treasuredata.com',
  ap02: 'https://ap02.records.in.treasuredata.com',
  ap03: 'https://ap03.records.in.treasuredata.com',
} as const;

export type TreasureDataRegion = keyof typeof TD_HOSTS;

/** Database and table names: lower-case letters, digits and `_`, 3 to 255 characters. */
const TD_NAME = /^[a-z0-9_]{3,255}$/;

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /** Write-only API key (TD Console → My Settings → API Keys), `<account id>/<key>`; sent as `Authorization: TD1 …`. */
  write_key: z
    .string()
    .trim()
    .regex(/^\d+\/\S{16,}$/, 'write_key must be a Treasure Data API key, e.g. 1234/abcdef…'),
  /** Region of the account: us01 (US), eu01, ap01 (Tokyo), ap02 (Korea), ap03. */
  region: z.enum(Object.keys(TD_HOSTS) as [TreasureDataRegion, ...TreasureDataRegion[]]).default('us01'),
  /** Existing database that receives the records. */
  database: z.string().regex(TD_NAME, 'database must be 3-255 lower-case letters, digits or _'),
  /** Existing table in that database (new columns are added on ingest). */
  table: z.string().regex(TD_NAME, 'table must be 3-255 lower-case letters, digits or _'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * `false` (default): email, phone, names, address and IP go as normalised plain values (a CDP
   * holds first-party data). `true`: only `email_sha256` and `phone_sha256` (SHA-256 of the
   * normalised email and E.164 phone) are sent; names, address and IP are left out.
   */
  hash_identifiers: z.boolean().default(false),
  /** Send the record's other keys (the OMS's own fields) as columns of their own (default true). */
  include_properties: z.boolean().default(true),
});

export type TreasureDataCredentials = z.output<typeof credentialsSchema>;
export type TreasureDataOptions = z.output<typeof optionsSchema>;
