import { describe, expect, it } from 'vitest';
import { describeIssues } from '../validate';
import { destinationPrivacySchema, storefrontPrivacySchema } from './schema';

const problems = (
  schema: typeof destinationPrivacySchema | typeof storefrontPrivacySchema,
  value: unknown,
) => {
  const result = schema.safeParse(value);
  return result.success ? [] : describeIssues(result.error);
};

describe('destinationPrivacySchema', () => {
  it('defaults to no BAA, the default event list, value and currency, and no identifier', () => {
    expect(destinationPrivacySchema.parse({})).toEqual({
      baa: false,
      allowed_properties: ['value', 'currency'],
      allowed_identifiers: [],
    });
  });

  it('names the field of each problem', () => {
    expect(
      problems(destinationPrivacySchema, {
        baa: 'yes',
        allowed_events: ['purchase completed'],
        allowed_properties: ['email', 'order_id'],
        allowed_identifiers: ['ssn'],
        extra: 1,
      }),
    ).toEqual([
      'baa: Invalid input: expected boolean, received string',
      'allowed_events.0: must be an event name of 1 to 100 letters, digits, _ . : or -',
      'allowed_properties.0: \'email\' is an identifier: allow it with allowed_identifiers: ["email"] instead',
      "allowed_properties.1: 'order_id' cannot be allowed: health mode always replaces it with a keyed hash",
      'allowed_identifiers.0: must be one of email, phone, name_address, external_id, ip, user_agent, click_ids, device_ids',
      'Unrecognized key: "extra"',
    ]);
  });

  it('refuses a list naming something twice', () => {
    expect(problems(destinationPrivacySchema, { allowed_identifiers: ['email', 'email'] })).toEqual([
      'allowed_identifiers: lists an identifier twice',
    ]);
  });

  it('refuses device and click ids as properties', () => {
    expect(problems(destinationPrivacySchema, { allowed_properties: ['idfa', 'gclid'] })).toEqual([
      'allowed_properties.0: \'idfa\' is an identifier: allow it with allowed_identifiers: ["device_ids"] instead',
      'allowed_properties.1: \'gclid\' is an identifier: allow it with allowed_identifiers: ["click_ids"] instead',
    ]);
  });
});

describe('storefrontPrivacySchema', () => {
  it('defaults to standard mode without aliases', () => {
    expect(storefrontPrivacySchema.parse({})).toEqual({ privacy_mode: 'standard', event_aliases: {} });
  });

  it('refuses an unknown mode, an alias equal to its event and chained aliases', () => {
    expect(
      problems(storefrontPrivacySchema, {
        privacy_mode: 'hipaa',
        event_aliases: { rx_issued: 'rx_issued', consult_started: 'step_1', step_1: 'step_2' },
      }),
    ).toEqual(["privacy_mode: must be 'standard' or 'health'"]);
    expect(
      problems(storefrontPrivacySchema, {
        event_aliases: { rx_issued: 'rx_issued', consult_started: 'step_1', step_1: 'step_2' },
      }),
    ).toEqual([
      'event_aliases.rx_issued: an alias must differ from the event name',
      "event_aliases.consult_started: alias 'step_1' is itself aliased: aliases are applied once",
    ]);
  });
});
