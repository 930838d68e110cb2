import { describe, expect, it } from 'vitest';
import { redactSecrets, secretValues } from './redact';

describe('secretValues', () => {
  it('takes string fields by name, at any depth', () => {
    expect(
      secretValues({ api_key: 'key-123456', nested: { api_key: 'key-654321', other: 'x' } }, ['api_key']),
    ).toEqual(['key-123456', 'key-654321']);
  });

  it('treats every string inside an object-valued secret field as secret', () => {
    const credentials = {
      sgtm_url: 'https://sgtm.example.com',
      custom_headers: { authorization: 'Bearer token-123456', 'x-extra': ['one-value', 'two-value'] },
    };
    expect(secretValues(credentials, ['custom_headers'])).toEqual([
      'Bearer token-123456',
      'one-value',
      'two-value',
    ]);
    expect(redactSecrets('sent Bearer token-123456', secretValues(credentials, ['custom_headers']))).toBe(
      'sent [REDACTED]',
    );
  });

  it('keeps non-secret fields out', () => {
    expect(secretValues({ account_id: 'acct_1', headers: { a: 'b-value' } }, ['api_key'])).toEqual([]);
  });
});
