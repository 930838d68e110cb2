import type { Db } from './client';
import { isUniqueViolation } from './errors';

/** The `admin_accounts` table: the only module that reads or writes it. */
export interface AdminAccountRow {
  id: number;
  username: string;
  role: string;
  passwordHash: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function findAdminAccount(db: Db, username: string): Promise<AdminAccountRow | null> {
  return db.adminAccount.findUnique({ where: { username } });
}

export async function findAdminAccountById(db: Db, id: number): Promise<AdminAccountRow | null> {
  return db.adminAccount.findUnique({ where: { id } });
}

export async function listAdminAccounts(db: Db): Promise<AdminAccountRow[]> {
  return db.adminAccount.findMany({ orderBy: { username: 'asc' } });
}

export async function countAdminAccounts(db: Db): Promise<number> {
  return db.adminAccount.count();
}

/** Insert an account; `null` when the username is taken. */
export async function createAdminAccount(
  db: Db,
  account: { username: string; role: string; passwordHash: string },
): Promise<AdminAccountRow | null> {
  try {
    return await db.adminAccount.create({ data: account });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Change an account's role and/or password hash; `null` when it does not exist. */
export async function updateAdminAccount(
  db: Db,
  id: number,
  change: { role?: string; passwordHash?: string },
): Promise<AdminAccountRow | null> {
  const { count } = await db.adminAccount.updateMany({ where: { id }, data: change });
  return count === 0 ? null : findAdminAccountById(db, id);
}

/** Delete an account by id; false when there was none. */
export async function deleteAdminAccount(db: Db, id: number): Promise<boolean> {
  const { count } = await db.adminAccount.deleteMany({ where: { id } });
  return count > 0;
}
