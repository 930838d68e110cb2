import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/**
 * Credentials, validated strictly: an unknown key is an error that names it. Branch's Events API
 * takes the app's Branch Key in the body (no header, no token).
 */
export const credentialsSchema = z.strictObject({
  /** Branch Key of the app (`key_live_…`, or `key_test_…` for the test app): Branch → Configuration → Credentials. */
  branch_key: z
    .string()
    .regex(
      /^key_(live|test)_[A-Za-z0-9]+$/,
      'branch_key is a Branch Key such as key_live_abc123 (or key_test_…)',
    ),
});

export const optionsSchema = baseOptionsSchema.extend({
  /**
   * Whether EU regulations (the DMA) apply to the users of this credential. When set, every event
   * carries `user_data.dma_eea`, and with `true` also `dma_ad_personalization` / `dma_ad_user_data`
   * from the record's consent (events without both consent signals are then rejected).
   */
  dma_eea: z.boolean().optional(),
});

export type BranchCredentials = z.output<typeof credentialsSchema>;
export type BranchOptions = z.output<typeof optionsSchema>;
