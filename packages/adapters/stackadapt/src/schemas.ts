import { baseOptionsSchema } from '@relay/core';
import { z } from 'zod';

/** A StackAdapt Conversion Event unique id, as copied from the Pixel page. */
const conversionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'a conversion event id is the unique id from the StackAdapt Pixel page');

/** Credentials, validated strictly: an unknown key is an error that names it. */
export const credentialsSchema = z.strictObject({
  /**
   * StackAdapt event name → Conversion Event unique id (Pixel → Create New → Conversion Event;
   * copy its unique id). An event whose name has no id here is skipped: StackAdapt counts a
   * conversion only against a Conversion Event.
   */
  conversion_ids: z
    .record(z.string().min(1), conversionId)
    .refine((ids) => Object.keys(ids).length > 0, 'conversion_ids needs at least one event name → id'),
});

export const optionsSchema = baseOptionsSchema.extend({
  /** OMS record key that carries StackAdapt's click id (`sapid={SA_POSTBACK_ID}` on the click URL). */
  click_id_key: z.string().min(1).default('sapid'),
});

export type StackadaptCredentials = z.output<typeof credentialsSchema>;
export type StackadaptOptions = z.output<typeof optionsSchema>;
