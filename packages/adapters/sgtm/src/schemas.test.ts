import { ValidationError, parseWith } from '@relay/core';
import { describe, expect, it } from 'vitest';
import { credentialsSchema } from './schemas';

const parse = (value: unknown) => parseWith(credentialsSchema, value, 'sGTM credentials');
const messageOf = (value: unknown) => {
  try {
    parse(value);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.message;
  }
  return 'no error';
};

describe('sgtm credentials', () => {
  it('fills the custom client defaults', () => {
    expect(parse({ sgtm_url: 'https://sgtm.example.com', client_type: 'custom' })).toEqual({
      sgtm_url: 'https://sgtm.example.com',
      client_type: 'custom',
      custom_endpoint_path: '/events',
      custom_headers: {},
    });
  });

  it('requires measurement_id and api_secret for the ga4 client', () => {
    expect(messageOf({ sgtm_url: 'https://sgtm.example.com', client_type: 'ga4' })).toBe(
      'Invalid sGTM credentials: measurement_id: required when client_type is ga4; api_secret: required when client_type is ga4',
    );
  });

  it('refuses non-http URLs, bad measurement ids, relative paths and unknown keys', () => {
    expect(messageOf({ sgtm_url: 'ftp://sgtm.example.com', client_type: 'custom' })).toBe(
      'Invalid sGTM credentials: sgtm_url: must be an http(s) URL',
    );
    expect(
      messageOf({
        sgtm_url: 'https://s.example.com',
        client_type: 'ga4',
        measurement_id: 'UA-1',
        api_secret: 'x',
      }),
    ).toBe('Invalid sGTM credentials: measurement_id: must look like G-XXXXXXXXXX');
    expect(
      messageOf({ sgtm_url: 'https://s.example.com', client_type: 'custom', custom_endpoint_path: 'events' }),
    ).toBe("Invalid sGTM credentials: custom_endpoint_path: must be a path starting with '/'");
    expect(
      messageOf({ sgtm_url: 'https://s.example.com', client_type: 'custom', is_active: true }),
    ).toContain('is_active');
  });
});
