import type { RoutingConfig } from '@relay/core';
import type { Db } from '../db/client';
import { credentialSwitches, credentialsForSending } from '../db/credentials';
import { platformSwitches } from '../db/platforms';
import { sgtmConfigsOfStorefronts, sgtmSwitches } from '../db/sgtm-configs';
import {
  type StorefrontSwitch as StorefrontRow,
  storefrontSwitches,
  storefrontsForSending,
} from '../db/storefronts';
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

/** The switch columns the state is built from (each read the same way for routing and for sending). */
interface SwitchRows {
  storefronts: readonly StorefrontRow[];
  platforms: ReadonlyArray<{ id: number; code: string; isActive: boolean }>;
  credentials: ReadonlyArray<{
    id: number;
    storefrontId: number;
    platformId: number;
    isActive: boolean;
    destinationType: string;
  }>;
  sgtm: ReadonlyArray<{ id: number; storefrontId: number; isActive: boolean }>;
}

/** Pure: the kill-switch state of these rows. */
function stateOf(registry: AdapterRegistry, rows: SwitchRows): KillSwitchState {
  const { storefronts, platforms, credentials, sgtm } = rows;
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
  return stateOf(registry, { storefronts, platforms, credentials, sgtm });
}

type SendingStorefront = Awaited<ReturnType<typeof storefrontsForSending>>[number];
type SendingCredential = Awaited<ReturnType<typeof credentialsForSending>>[number];
type SendingSgtmConfig = Awaited<ReturnType<typeof sgtmConfigsOfStorefronts>>[number];

/**
 * What the delivery loop needs for a claim, read fresh in the same four queries as the kill
 * switches (storefronts, platforms, credentials, sGTM configs, all at once): the switches, and the
 * rows it sends with (secrets still sealed, privacy columns, pause state).
 */
export interface SendingState extends KillSwitchState {
  storefront(id: number): SendingStorefront | undefined;
  credential(id: number): (SendingCredential & { platformCode: string }) | undefined;
  sgtmConfig(id: number): SendingSgtmConfig | undefined;
}

export async function loadSendingState(
  db: Db,
  registry: AdapterRegistry,
  storefrontIds: readonly number[],
): Promise<SendingState> {
  const ids = [...new Set(storefrontIds)];
  const [storefronts, platforms, credentials, sgtm] = await Promise.all([
    storefrontsForSending(db, ids),
    platformSwitches(db),
    credentialsForSending(db, ids),
    sgtmConfigsOfStorefronts(db, ids),
  ]);
  const state = stateOf(registry, {
    storefronts: storefronts.map((s) => ({ id: s.id, code: s.code, is_active: s.isActive })),
    platforms,
    credentials,
    sgtm,
  });
  const platformCode = new Map(platforms.map((p) => [p.id, p.code]));
  const storefrontById = new Map(storefronts.map((s) => [s.id, s]));
  const credentialById = new Map(
    credentials.map((c) => [c.id, { ...c, platformCode: platformCode.get(c.platformId) ?? '' }]),
  );
  const sgtmById = new Map(sgtm.map((c) => [c.id, c]));
  return {
    ...state,
    storefront: (id) => storefrontById.get(id),
    credential: (id) => credentialById.get(id),
    sgtmConfig: (id) => sgtmById.get(id),
  };
}
