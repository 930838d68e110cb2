import type { Storefront } from '../generated/prisma/client';
import { type Db, driverPool } from './client';
import { marks } from './driver';

/** The `storefronts` table (configuration): the only module that writes it. */

export type { Storefront };

export interface StorefrontInput {
  code: string;
  name: string;
  domain: string | null;
  description: string | null;
  isActive: boolean;
  /** `standard` or `health` (docs/privacy.md); the column's default when absent. */
  privacyMode?: 'standard' | 'health';
  eventAliases?: Record<string, string>;
  /** The Fernet token of the storefront's random pseudonymisation key. */
  pseudonymKeyEncrypted?: string;
}

/** A partial update: fields left undefined are not touched. */
export type StorefrontChanges = Partial<StorefrontInput>;

export interface Page {
  skip: number;
  limit: number;
}

export async function listStorefronts(
  db: Db,
  filter: { isActive?: boolean },
  page: Page,
): Promise<{ items: Storefront[]; total: number }> {
  const where = filter.isActive === undefined ? {} : { isActive: filter.isActive };
  const [items, total] = await Promise.all([
    db.storefront.findMany({ where, skip: page.skip, take: page.limit, orderBy: { id: 'asc' } }),
    db.storefront.count({ where }),
  ]);
  return { items, total };
}

export const findStorefront = (db: Db, id: number) => db.storefront.findUnique({ where: { id } });

export const findStorefrontByCode = (db: Db, code: string) => db.storefront.findUnique({ where: { code } });

export const storefrontExists = async (db: Db, id: number) =>
  (await db.storefront.findUnique({ where: { id }, select: { id: true } })) !== null;

export const createStorefront = (db: Db, input: StorefrontInput) => db.storefront.create({ data: input });

export const updateStorefront = (db: Db, id: number, changes: StorefrontChanges) =>
  db.storefront.update({ where: { id }, data: changes });

/** True when a row was deleted (its sGTM config, credentials cascade; its events keep their code). */
export async function deleteStorefront(db: Db, id: number): Promise<boolean> {
  return (await db.storefront.deleteMany({ where: { id } })).count > 0;
}

/** The kill-switch view of a storefront, as ingestion and routing read it. */
export interface StorefrontSwitch {
  id: number;
  code: string;
  is_active: boolean | number;
}

/**
 * Storefronts by id or by code (either list may be empty); one statement, read fresh (a kill
 * switch acts at once). Sent on the driver pool: ingestion asks once per batch, and Prisma's
 * raw-query handling cost more than the statement.
 */
export async function storefrontSwitches(
  db: Db,
  by: { ids?: readonly number[]; codes?: readonly string[] },
): Promise<StorefrontSwitch[]> {
  const ids = [...new Set(by.ids ?? [])];
  const codes = [...new Set(by.codes ?? [])];
  if (ids.length === 0 && codes.length === 0) return [];
  const clauses = [
    ...(ids.length > 0 ? [`id IN (${marks(ids.length)})`] : []),
    ...(codes.length > 0 ? [`storefront_id IN (${marks(codes.length)})`] : []),
  ];
  const pool = await driverPool(db);
  const found = (await pool.query(
    {
      sql: `SELECT id, storefront_id, is_active FROM storefronts WHERE ${clauses.join(' OR ')}`,
      rowsAsArray: true,
    },
    [...ids, ...codes],
  )) as Array<[number, string, number]>;
  return found.map(([id, code, isActive]) => ({ id, code, is_active: isActive }));
}

/** The privacy settings of some storefronts (sending): mode, aliases and the sealed key. */
export const storefrontPrivacies = (db: Db, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.storefront.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, privacyMode: true, eventAliases: true, pseudonymKeyEncrypted: true },
      });

/** Storefronts as the worker sends for them (one read per claim): kill switch and privacy columns. */
export const storefrontsForSending = (db: Db, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.storefront.findMany({
        where: { id: { in: [...ids] } },
        select: {
          id: true,
          code: true,
          isActive: true,
          privacyMode: true,
          eventAliases: true,
          pseudonymKeyEncrypted: true,
        },
      });

/** Every storefront's sealed pseudonymisation key (key rotation). */
export const storefrontPseudonymKeys = (db: Db) =>
  db.storefront.findMany({
    where: { pseudonymKeyEncrypted: { not: null } },
    select: { id: true, pseudonymKeyEncrypted: true },
  });

/** Replace a storefront's sealed key, guarded by its old value (a concurrent edit wins). */
export async function replaceStorefrontPseudonymKey(
  db: Db,
  id: number,
  from: string,
  to: string,
): Promise<boolean> {
  const { count } = await db.storefront.updateMany({
    where: { id, pseudonymKeyEncrypted: from },
    data: { pseudonymKeyEncrypted: to },
  });
  return count > 0;
}
