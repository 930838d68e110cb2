import { describe, expect, it } from 'vitest';
import { ga4ClientId, ga4Name, ga4UserData, isGa4ParamName } from './ga4-measurement-protocol';
import { sha256Hex } from './identity';
import { toRelayEvent } from './relay-event';
import { omsRecordSchema } from './oms-schema';

const event = (extra: Record<string, unknown> = {}) =>
  toRelayEvent(
    omsRecordSchema.parse({
      storefront_id: 'bosley',
      event_name: 'lead',
      event_time: '2026-01-15T10:00:00Z',
      order_id: 'O1',
      ...extra,
    }),
  );

describe('GA4 Measurement Protocol rules', () => {
  it.each([
    ['rx-issued', 'rx_issued'],
    ['1st purchase', 'e_1st_purchase'],
    ['session_start', 'custom_session_start'],
    ['google_thing', 'thing'],
    ['Consult Started!', 'Consult_Started'],
    ['a'.repeat(50), 'a'.repeat(40)],
  ])('ga4Name(%j) = %j', (input, expected) => {
    expect(ga4Name(input)).toBe(expected);
    expect(isGa4ParamName(expected)).toBe(true);
  });

  it("client id: the browser's when cookie-shaped, else derived from the session, else from the dedup key", () => {
    expect(ga4ClientId(event({ ga_client_id: '123456.789' }))).toBe('123456.789');
    expect(ga4ClientId(event({ ga_client_id: 'not-a-ga-id', session_id: 's1' }))).toBe(
      ga4ClientId(event({ session_id: 's1', order_id: 'O2' })),
    );
    expect(ga4ClientId(event())).toMatch(/^\d+\.\d+$/);
    expect(ga4ClientId(event())).not.toBe(ga4ClientId(event({ order_id: 'O3' })));
  });

  it('user_data: hashed email (gmail rule) and E.164 phone; location in clear', () => {
    const data = ga4UserData(
      {
        email: 'John.Doe+x@gmail.com',
        phone: '(555) 123-4567',
        city: 'New York 2',
        state: 'NY',
        zip: '10001-1234',
        country: 'us',
      },
      'US',
    );
    expect(data).toEqual({
      sha256_email_address: [sha256Hex('johndoe@gmail.com')],
      sha256_phone_number: [sha256Hex('+15551234567')],
      address: [{ city: 'new york', region: 'ny', postal_code: '10001', country: 'US' }],
    });
    expect(ga4UserData({}, 'US')).toBeUndefined();
  });
});
