import { z } from 'zod';

/**
 * The OMS wire format (docs/api.md). Unknown keys are kept: records "can have any
 * number of key-value pairs" and Relay stores them all.
 */

/** ISO 8601 date-time with a zone (`Z` or `±hh:mm`), fractional seconds allowed. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, local: false });

const idString = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

export const omsRecordSchema = z.looseObject({
  storefront_id: z.string().trim().min(1),
  event_name: z.string().trim().min(1),
  event_time: isoDateTimeSchema,
  order_id: idString.pipe(z.string().min(1)),
  event_id: idString.pipe(z.string().min(1).max(191)).optional(),
  't-value': z.string().nullish(),
  session_id: z.string().nullish(),
  utm_source: z.string().nullish(),
  utm_medium: z.string().nullish(),
  utm_campaign: z.string().nullish(),
  order_created_date: isoDateTimeSchema.nullish(),
  order_ship_date: isoDateTimeSchema.nullish(),
  order_revenue: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).nullish(),
});

export type OmsRecord = z.output<typeof omsRecordSchema>;
export type OmsRecordInput = z.input<typeof omsRecordSchema>;

export const omsBatchSchema = z.looseObject({
  count: z.number().int().nonnegative().optional(),
  data: z.array(omsRecordSchema),
  error: z.string().nullish().default(''),
  next_index: z.union([z.number(), z.string()]).nullish(),
  next_url: z.string().nullish(),
  previous_index: z.union([z.number(), z.string()]).nullish(),
  previous_url: z.string().nullish(),
});

export type OmsBatch = z.output<typeof omsBatchSchema>;
export type OmsBatchInput = z.input<typeof omsBatchSchema>;
