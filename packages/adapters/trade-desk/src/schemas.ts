import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

const ttdId = (field: string) =>
  z
    .string()
    .regex(
      /^[A-Za-z0-9]{1,64}$/,
      `${field} is a The Trade Desk platform id such as abc12de (letters and digits)`,
    );

/**
 * Credentials, validated strictly: an unknown key is an error that names it. The real-time
 * conversion endpoint takes no key: the ids travel in each event. Neither is a secret.
 */
export const credentialsSchema = z.strictObject({
  /** Advertiser id (`adv`): The Trade Desk → Advertiser Preferences → Info. */
  advertiser_id: ttdId('advertiser_id'),
  /** Event tracker id (`tracker_id`): the tracking tag your TTD representative sets up for these events. */
  tracker_id: ttdId('tracker_id'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * Marks every event for Limited Data Use under a US state privacy law: sends
   * `data_processing_option: {policies: ["LDU"], region}` with this region (e.g. `US-CA`).
   */
  ldu_region: z
    .string()
    .regex(/^US-[A-Z]{2}$/, 'ldu_region is a US state region such as US-CA')
    .optional(),
});

export type TradeDeskCredentials = z.output<typeof credentialsSchema>;
export type TradeDeskOptions = z.output<typeof optionsSchema>;
