import type { Platform } from '../generated/prisma/client';
import type { Db } from './client';
import { rows, sql } from './sql';
import type { Page } from './storefronts';

/** The `platforms` table (configuration): the only module that writes it. */

export type { Platform };

export interface PlatformInput {
  code: string;
  name: string;
  category: string;
  tier: number;
  authType: string;
  apiBaseUrl: string | null;
  credentialSchema: object | null;
  description: string | null;
  isActive: boolean;
}

/** A partial update: fields left undefined are not touched. */
export type PlatformChanges = Partial<PlatformInput>;

export async function listPlatforms(
  db: Db,
  filter: { isActive?: boolean; tier?: number; category?: string },
  page: Page,
): Promise<{ items: Platform[]; total: number }> {
  const where = {
    ...(filter.isActive !== undefined && { isActive: filter.isActive }),
    ...(filter.tier !== undefined && { tier: filter.tier }),
    ...(filter.category !== undefined && { category: filter.category }),
  };
  const [items, total] = await Promise.all([
    db.platform.findMany({ where, skip: page.skip, take: page.limit, orderBy: { id: 'asc' } }),
    db.platform.count({ where }),
  ]);
  return { items, total };
}

/** Every platform, by tier then code (the catalog). */
export const platformsByTier = (db: Db) =>
  db.platform.findMany({ orderBy: [{ tier: 'asc' }, { code: 'asc' }] });

export const findPlatform = (db: Db, id: number) => db.platform.findUnique({ where: { id } });

export const findPlatformByCode = (db: Db, code: string) => db.platform.findUnique({ where: { code } });

/** Every platform's code and global kill switch (routing). */
export const platformSwitches = (db: Db) =>
  db.platform.findMany({ select: { id: true, code: true, isActive: true } });

export function createPlatform(db: Db, input: PlatformInput) {
  const { credentialSchema, ...rest } = input;
  return db.platform.create({
    data: { ...rest, ...(credentialSchema !== null && { credentialSchema }) },
  });
}

/** `credential_schema: null` leaves the stored schema as it is (as before). */
export function updatePlatform(db: Db, id: number, changes: PlatformChanges) {
  const { credentialSchema, ...rest } = changes;
  return db.platform.update({
    where: { id },
    data: { ...rest, ...(credentialSchema != null && { credentialSchema }) },
  });
}

export async function deletePlatform(db: Db, id: number): Promise<boolean> {
  return (await db.platform.deleteMany({ where: { id } })).count > 0;
}

/** A platform row as an adapter package describes it. */
export interface PlatformSeed {
  code: string;
  name: string;
  category: string;
  tier: number;
  authType: string;
  apiBaseUrl: string | null;
  credentialSchema: unknown;
  description: string;
}

/**
 * Insert or refresh one platform row per adapter, in one multi-row statement. `is_active` is
 * never touched on an existing row: an operator's kill switch stays.
 */
export async function upsertPlatformSeeds(db: Db, seeds: readonly PlatformSeed[]): Promise<number> {
  if (seeds.length === 0) return 0;
  await db.$executeRaw(
    sql`INSERT INTO platforms (platform_code, name, category, tier, auth_type, api_base_url, credential_schema, description, is_active)
        VALUES ${rows(
          seeds.map((s) => [
            s.code,
            s.name,
            s.category,
            s.tier,
            s.authType,
            s.apiBaseUrl,
            JSON.stringify(s.credentialSchema),
            s.description,
            1,
          ]),
        )}
        ON DUPLICATE KEY UPDATE name = VALUES(name), category = VALUES(category), tier = VALUES(tier),
          auth_type = VALUES(auth_type), api_base_url = VALUES(api_base_url),
          credential_schema = VALUES(credential_schema), description = VALUES(description)`,
  );
  return seeds.length;
}
