import type { SgtmConfig } from '../generated/prisma/client';
import type { Db } from './client';
import type { Page } from './storefronts';

/** The `sgtm_configs` table (configuration): the only module that writes it. */

export type { SgtmConfig };

export type SgtmClientType = 'ga4' | 'custom';

export interface SgtmConfigInput {
  storefrontId: number;
  sgtmUrl: string;
  clientType: SgtmClientType;
  containerId: string | null;
  measurementId: string | null;
  /** Fernet tokens. */
  apiSecretEncrypted: string | null;
  customEndpointPath: string | null;
  customHeadersEncrypted: string | null;
  isActive: boolean;
  /** The destination's privacy lists (docs/privacy.md); absent keeps the stored value. */
  privacy?: object;
}

/** A partial update: fields left undefined are not touched. */
export type SgtmConfigChanges = Partial<SgtmConfigInput>;

export async function listSgtmConfigs(
  db: Db,
  filter: { isActive?: boolean; storefrontId?: number },
  page: Page,
): Promise<{ items: SgtmConfig[]; total: number }> {
  const where = {
    ...(filter.isActive !== undefined && { isActive: filter.isActive }),
    ...(filter.storefrontId !== undefined && { storefrontId: filter.storefrontId }),
  };
  const [items, total] = await Promise.all([
    db.sgtmConfig.findMany({ where, skip: page.skip, take: page.limit, orderBy: { id: 'asc' } }),
    db.sgtmConfig.count({ where }),
  ]);
  return { items, total };
}

export const findSgtmConfig = (db: Db, id: number) => db.sgtmConfig.findUnique({ where: { id } });

/** A storefront's sGTM config (at most one). */
export const findSgtmConfigForStorefront = (db: Db, storefrontId: number) =>
  db.sgtmConfig.findUnique({ where: { storefrontId } });

export const createSgtmConfig = (db: Db, input: SgtmConfigInput) => db.sgtmConfig.create({ data: input });

export const updateSgtmConfig = (db: Db, id: number, changes: SgtmConfigChanges) =>
  db.sgtmConfig.update({ where: { id }, data: changes });

export async function deleteSgtmConfig(db: Db, id: number): Promise<boolean> {
  return (await db.sgtmConfig.deleteMany({ where: { id } })).count > 0;
}

/** sGTM configs by id, for sending. */
export const sgtmConfigsByIds = (db: Db, ids: readonly number[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.sgtmConfig.findMany({ where: { id: { in: [...ids] } } });

/** Some storefronts' sGTM configs, whole (kill switch and secrets: the worker reads them once per claim). */
export const sgtmConfigsOfStorefronts = (db: Db, storefrontIds: readonly number[]) =>
  storefrontIds.length === 0
    ? Promise.resolve([])
    : db.sgtmConfig.findMany({ where: { storefrontId: { in: [...storefrontIds] } } });

/** The kill-switch view of some storefronts' sGTM configs (routing). */
export const sgtmSwitches = (db: Db, storefrontIds: readonly number[]) =>
  storefrontIds.length === 0
    ? Promise.resolve([])
    : db.sgtmConfig.findMany({
        where: { storefrontId: { in: [...storefrontIds] } },
        select: { id: true, storefrontId: true, isActive: true },
      });

/** Every sGTM config with a secret column set (key rotation). */
export const sgtmSecrets = (db: Db) =>
  db.sgtmConfig.findMany({
    where: { OR: [{ apiSecretEncrypted: { not: null } }, { customHeadersEncrypted: { not: null } }] },
    select: { id: true, apiSecretEncrypted: true, customHeadersEncrypted: true },
  });

/**
 * Replace an sGTM config's tokens, guarded by their old values (a concurrent edit wins).
 * Returns whether the row was updated.
 */
export async function replaceSgtmSecrets(
  db: Db,
  id: number,
  from: { apiSecretEncrypted: string | null; customHeadersEncrypted: string | null },
  to: { apiSecretEncrypted?: string; customHeadersEncrypted?: string },
): Promise<boolean> {
  const { count } = await db.sgtmConfig.updateMany({ where: { id, ...from }, data: to });
  return count > 0;
}
