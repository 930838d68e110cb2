/**
 * The identifier classes a destination may receive in health mode: `IDENTIFIER_CLASSES` of
 * @relay/core, repeated here so the console does not bundle the core (its test checks both agree).
 */
export const IDENTIFIER_CLASSES = [
  'email',
  'phone',
  'name_address',
  'external_id',
  'ip',
  'user_agent',
  'click_ids',
  'device_ids',
] as const;
