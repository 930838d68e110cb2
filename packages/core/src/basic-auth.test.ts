import { describe, expect, it } from 'vitest';
import { basicAuthorization } from './basic-auth';

describe('basicAuthorization', () => {
  it("encodes username:password (RFC 7617's example) and an empty password", () => {
    expect(basicAuthorization('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(basicAuthorization('write_key')).toBe('Basic d3JpdGVfa2V5Og==');
  });
});
