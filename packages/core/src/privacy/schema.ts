import { z } from 'zod';
import {
  DEFAULT_ALLOWED_PROPERTIES,
  IDENTIFIER_CLASSES,
  RESERVED_RECORD_KEYS,
  identifierClassOf,
} from './fields';

export const PRIVACY_MODES = ['standard', 'health'] as const;
export type PrivacyMode = (typeof PRIVACY_MODES)[number];

const EVENT_NAME = /^[A-Za-z0-9_.:-]{1,100}$/;

const eventName = z
  .string()
  .trim()
  .regex(EVENT_NAME, 'must be an event name of 1 to 100 letters, digits, _ . : or -');

const uniqueList = <T extends z.ZodType<string>>(item: T, what: string) =>
  z.array(item).refine((list) => new Set(list).size === list.length, { message: `lists ${what} twice` });

const recordKey = z
  .string()
  .trim()
  .min(1, 'must be a record key')
  .max(100)
  .superRefine((key, ctx) => {
    if (key === 'order_id' || key === 'event_id') {
      ctx.addIssue({
        code: 'custom',
        message: `'${key}' cannot be allowed: health mode always replaces it with a keyed hash`,
      });
      return;
    }
    const identifier = identifierClassOf(key);
    if (identifier !== undefined || RESERVED_RECORD_KEYS.has(key)) {
      ctx.addIssue({
        code: 'custom',
        message: `'${key}' is an identifier: allow it with allowed_identifiers: ["${identifier ?? key}"] instead`,
      });
    }
  });

/**
 * A destination's privacy settings (credential or sGTM config), as the admin API takes and shows
 * them. Applied only when its storefront is in health mode; `baa: true` exempts the destination.
 * `allowed_events` absent means the defaults (canonical standard events plus the storefront's
 * aliases); an empty list sends no event at all.
 */
export const destinationPrivacySchema = z.strictObject({
  baa: z.boolean().default(false),
  allowed_events: uniqueList(eventName, 'an event').nullish(),
  allowed_properties: uniqueList(recordKey, 'a record key').default([...DEFAULT_ALLOWED_PROPERTIES]),
  allowed_identifiers: uniqueList(
    z.enum(IDENTIFIER_CLASSES, { message: `must be one of ${IDENTIFIER_CLASSES.join(', ')}` }),
    'an identifier',
  ).default([]),
});

export type DestinationPrivacy = z.output<typeof destinationPrivacySchema>;
export type DestinationPrivacyInput = z.input<typeof destinationPrivacySchema>;

/** The storefront's side of the policy: its mode and the neutral names of its sensitive events. */
export const storefrontPrivacySchema = z
  .strictObject({
    privacy_mode: z.enum(PRIVACY_MODES, { message: "must be 'standard' or 'health'" }).default('standard'),
    event_aliases: z.record(eventName, eventName).default({}),
  })
  .superRefine((value, ctx) => {
    for (const [from, to] of Object.entries(value.event_aliases)) {
      if (from === to) {
        ctx.addIssue({
          code: 'custom',
          path: ['event_aliases', from],
          message: 'an alias must differ from the event name',
        });
      } else if (Object.hasOwn(value.event_aliases, to)) {
        ctx.addIssue({
          code: 'custom',
          path: ['event_aliases', from],
          message: `alias '${to}' is itself aliased: aliases are applied once`,
        });
      }
    }
  });

export type StorefrontPrivacy = z.output<typeof storefrontPrivacySchema>;
export type StorefrontPrivacyInput = z.input<typeof storefrontPrivacySchema>;

/** The default privacy of a destination that has none stored. */
export const DEFAULT_DESTINATION_PRIVACY: DestinationPrivacy = destinationPrivacySchema.parse({});

/** The default privacy of a storefront that has none stored (standard mode: today's behaviour). */
export const DEFAULT_STOREFRONT_PRIVACY: StorefrontPrivacy = storefrontPrivacySchema.parse({});
