import { describe, expect, it } from 'vitest';
import { ipv4Address } from './ip-address';

describe('ipv4Address', () => {
  it('keeps dotted-quad IPv4 addresses and drops IPv6, malformed and missing ones', () => {
    expect(['203.0.113.7', ' 10.0.0.1 ', '255.255.255.255', '0.0.0.0'].map(ipv4Address)).toEqual([
      '203.0.113.7',
      '10.0.0.1',
      '255.255.255.255',
      '0.0.0.0',
    ]);
    expect(
      ['2001:db8::1', '::ffff:203.0.113.7', '256.1.1.1', '01.2.3.4', '1.2.3', '', undefined].map(ipv4Address),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
