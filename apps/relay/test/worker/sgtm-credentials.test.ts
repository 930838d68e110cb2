import { credentialsSchema } from '@relay/adapter-sgtm';
import { MultiFernet } from '@relay/core';
import { describe, expect, it } from 'vitest';
import { openJson, sealJson } from '../../src/crypto/secrets';
import { sgtmCredentialsOf } from '../../src/worker/sgtm-credentials';
import { TEST_KEY } from '../support/app';

const cipher = new MultiFernet(TEST_KEY);
const open = (sealed: string) => openJson(cipher, sealed);

describe('sgtmCredentialsOf: a storefront sGTM config row → sgtm adapter credentials', () => {
  it('GA4 client: decrypts the api_secret; the adapter accepts the result', () => {
    const credentials = sgtmCredentialsOf(
      {
        sgtmUrl: 'https://sgtm.pfizer.example',
        clientType: 'ga4',
        containerId: 'GTM-ABC123',
        measurementId: 'G-PFIZER1',
        apiSecretEncrypted: sealJson(cipher, 'mp-secret'),
        customEndpointPath: null,
        customHeadersEncrypted: null,
      },
      open,
    );
    expect(credentials).toEqual({
      sgtm_url: 'https://sgtm.pfizer.example',
      client_type: 'ga4',
      container_id: 'GTM-ABC123',
      measurement_id: 'G-PFIZER1',
      api_secret: 'mp-secret',
    });
    expect(credentialsSchema.parse(credentials)).toEqual({
      ...credentials,
      custom_endpoint_path: '/events',
      custom_headers: {},
    });
  });

  it('custom client: decrypts the headers and keeps the endpoint path', () => {
    const credentials = sgtmCredentialsOf(
      {
        sgtmUrl: 'https://sgtm.bosley.example',
        clientType: 'custom',
        containerId: null,
        measurementId: null,
        apiSecretEncrypted: null,
        customEndpointPath: '/collect',
        customHeadersEncrypted: sealJson(cipher, { 'X-Api-Key': 'k-123' }),
      },
      open,
    );
    expect(credentials).toEqual({
      sgtm_url: 'https://sgtm.bosley.example',
      client_type: 'custom',
      custom_endpoint_path: '/collect',
      custom_headers: { 'X-Api-Key': 'k-123' },
    });
    expect(credentialsSchema.parse(credentials)).toEqual(credentials);
  });

  it('a GA4 config without its secret is refused by the adapter, naming the field', () => {
    const credentials = sgtmCredentialsOf(
      {
        sgtmUrl: 'https://sgtm.pfizer.example',
        clientType: 'ga4',
        containerId: null,
        measurementId: 'G-PFIZER1',
        apiSecretEncrypted: null,
        customEndpointPath: null,
        customHeadersEncrypted: null,
      },
      open,
    );
    const parsed = credentialsSchema.safeParse(credentials);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['api_secret'], 'required when client_type is ga4'],
    ]);
  });
});
