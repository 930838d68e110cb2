import type { RoutingConfig } from '@relay/core';
import type { Db } from '../db/client';
import { credentialSwitches } from '../db/credentials';
import { platformSwitches } from '../db/platforms';
import { sgtmSwitches } from '../db/sgtm-configs';
import { type StorefrontSwitch as StorefrontRow, storefrontSwitches } from '../db/storefronts';
import type { AdapterRegistry } from '../platforms/registry';

/**
 * The current kill-switch state for a set of storefronts, read fresh from the database (never
 * cached, so a switch flipped by an admin call or directly in SQL acts at once): four queries
 * whatever the number of storefronts.
 */
export interface KillSwitchState {
  storefrontsById: Map<number, StorefrontRow>;
  storefrontsByCode: Map<string, StorefrontRow>;
  configFor(storefrontId: number): RoutingConfig;
}

export async function loadKillSwitchState(
  db: Db,
  registry: AdapterRegistry,
  storefront: { ids: number[]; codes: string[] },
): Promise<KillSwitchState> {
  const storefronts = await storefrontSwitches(db, storefront);
  const found = storefronts.map((s) => s.id);
  const [platforms, credentials, sgtm] = await Promise.all([
    platformSwitches(db),
    credentialSwitches(db, found),
    sgtmSwitches(db, found),
  ]);
  const platformCode = new Map(platforms.map((p) => [p.id, p.code]));
  const routingPlatforms = platforms.map((p) => ({
    code: p.code,
    isActive: p.isActive,
    hasAdapter: registry.has(p.code),
  }));
  const byId = new Map(storefronts.map((s) => [s.id, s]));
  return {
    storefrontsById: byId,
    storefrontsByCode: new Map(storefronts.map((s) => [s.code, s])),
    configFor(storefrontId) {
      const s = byId.get(storefrontId);
      const config = sgtm.find((c) => c.storefrontId === storefrontId);
      return {
        storefront: s ? { code: s.code, isActive: Boolean(Number(s.is_active)) } : undefined,
        sgtm: config ? { id: config.id, isActive: config.isActive } : undefined,
        platforms: routingPlatforms,
        credentials: credentials
          .filter((c) => c.storefrontId === storefrontId)
          .map((c) => ({
            id: c.id,
            platformCode: platformCode.get(c.platformId) ?? `platform#${c.platformId}`,
            isActive: c.isActive,
            destinationType: c.destinationType === 'sgtm' ? ('sgtm' as const) : ('direct' as const),
          })),
      };
    },
  };
}
