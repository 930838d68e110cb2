import type { RoutingConfig } from '@relay/core';
import type { Db } from '../db/client';
import type { AdapterRegistry } from '../platforms/registry';

interface StorefrontRow {
  id: number;
  code: string;
  is_active: number | boolean;
}

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
  const ids = [...new Set(storefront.ids)];
  const codes = [...new Set(storefront.codes)];
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (ids.length > 0) {
    clauses.push(`id IN (${ids.map(() => '?').join(', ')})`);
    params.push(...ids);
  }
  if (codes.length > 0) {
    clauses.push(`storefront_id IN (${codes.map(() => '?').join(', ')})`);
    params.push(...codes);
  }
  const storefronts =
    clauses.length === 0
      ? []
      : await db.$queryRawUnsafe<StorefrontRow[]>(
          `SELECT id, storefront_id AS code, is_active FROM storefronts WHERE ${clauses.join(' OR ')}`,
          ...params,
        );
  const found = storefronts.map((s) => s.id);
  const [platforms, credentials, sgtm] = await Promise.all([
    db.platform.findMany({ select: { id: true, code: true, isActive: true } }),
    found.length === 0
      ? []
      : db.credential.findMany({
          where: { storefrontId: { in: found } },
          select: { id: true, storefrontId: true, platformId: true, isActive: true, destinationType: true },
        }),
    found.length === 0
      ? []
      : db.sgtmConfig.findMany({
          where: { storefrontId: { in: found } },
          select: { id: true, storefrontId: true, isActive: true },
        }),
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
