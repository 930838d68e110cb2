import { describe, expect, it } from 'vitest';
import { type RoutingConfig, resolveDestinations } from './routing';

const base = (): RoutingConfig => ({
  storefront: { code: 'bosley', isActive: true },
  sgtm: { id: 7, isActive: true },
  platforms: [
    { code: 'meta_capi', isActive: true, hasAdapter: true },
    { code: 'ga4', isActive: true, hasAdapter: true },
    { code: 'tiktok_events', isActive: true, hasAdapter: true },
    { code: 'legacy', isActive: true, hasAdapter: false },
  ],
  credentials: [
    { id: 1, platformCode: 'meta_capi', isActive: true, destinationType: 'direct' },
    { id: 2, platformCode: 'ga4', isActive: true, destinationType: 'sgtm' },
    { id: 3, platformCode: 'tiktok_events', isActive: true, destinationType: 'sgtm' },
  ],
});

describe('resolveDestinations', () => {
  it('sends sGTM credentials through one sGTM destination and the rest direct', () => {
    expect(resolveDestinations(base())).toEqual([
      { kind: 'sgtm', sgtmConfigId: 7, credentialIds: [2, 3] },
      { kind: 'direct', credentialId: 1, platformCode: 'meta_capi' },
    ]);
  });

  it('stops everything for an unknown or disabled storefront', () => {
    expect(resolveDestinations({ ...base(), storefront: undefined }, 'ghost')).toEqual([
      { kind: 'stopped', level: 'storefront', reason: "Storefront 'ghost' not found" },
    ]);
    expect(resolveDestinations({ ...base(), storefront: { code: 'bosley', isActive: false } })).toEqual([
      { kind: 'stopped', level: 'storefront', reason: "Storefront 'bosley' is disabled" },
    ]);
  });

  it('sends sGTM credentials direct, with a note, when the sGTM config is disabled or missing', () => {
    expect(resolveDestinations({ ...base(), sgtm: { id: 7, isActive: false } })).toEqual([
      { kind: 'direct', credentialId: 1, platformCode: 'meta_capi' },
      {
        kind: 'direct',
        credentialId: 2,
        platformCode: 'ga4',
        note: "sGTM config of 'bosley' is disabled; sent direct",
      },
      {
        kind: 'direct',
        credentialId: 3,
        platformCode: 'tiktok_events',
        note: "sGTM config of 'bosley' is disabled; sent direct",
      },
    ]);
    expect(resolveDestinations({ ...base(), sgtm: undefined })[1]).toMatchObject({
      note: "sGTM config of 'bosley' does not exist; sent direct",
    });
  });

  it('stops a disabled platform and a disabled credential with their level', () => {
    const config = base();
    config.platforms = config.platforms.map((p) => (p.code === 'meta_capi' ? { ...p, isActive: false } : p));
    config.credentials = config.credentials.map((c) => (c.id === 3 ? { ...c, isActive: false } : c));
    expect(resolveDestinations(config)).toEqual([
      { kind: 'sgtm', sgtmConfigId: 7, credentialIds: [2] },
      {
        kind: 'stopped',
        level: 'platform',
        credentialId: 1,
        platformCode: 'meta_capi',
        reason: "Platform 'meta_capi' is disabled",
      },
      {
        kind: 'stopped',
        level: 'credential',
        credentialId: 3,
        platformCode: 'tiktok_events',
        reason: 'Credential 3 (tiktok_events) is disabled',
      },
    ]);
  });

  it('stops a platform without an adapter unless it goes through sGTM', () => {
    const config = base();
    config.credentials = [
      { id: 4, platformCode: 'legacy', isActive: true, destinationType: 'direct' },
      { id: 5, platformCode: 'legacy', isActive: true, destinationType: 'sgtm' },
    ];
    expect(resolveDestinations(config)).toEqual([
      { kind: 'sgtm', sgtmConfigId: 7, credentialIds: [5] },
      {
        kind: 'stopped',
        level: 'adapter',
        credentialId: 4,
        platformCode: 'legacy',
        reason: 'no adapter for legacy',
      },
    ]);
  });
});
