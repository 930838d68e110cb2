import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  type AdminAccountRow,
  createAdminAccount,
  deleteAdminAccount,
  findAdminAccount,
  listAdminAccounts,
  updateAdminAccount,
} from '../db/admin-accounts';
import type { Db } from '../db/client';
import { hashPassword } from './password-hash';
import { ROLES } from './roles';

/** Rules for named admin accounts, shared by the CLI and the admin API. */
export const usernameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[a-z0-9][a-z0-9_.@-]*$/,
    'username may contain lower-case letters, digits, _ . @ and - (starting with a letter or digit)',
  );
export const passwordSchema = z
  .string()
  .min(12, 'password should have at least 12 characters')
  .max(1024, 'password should have at most 1024 characters');
export const roleSchema = z.enum(ROLES);

/** A random password for accounts created without one (printed once). */
export const generatePassword = () => randomBytes(18).toString('base64url');

export function accountJson(row: AdminAccountRow) {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function addAccount(db: Db, username: string, role: string, password: string) {
  return createAdminAccount(db, { username, role, passwordHash: await hashPassword(password) });
}

export async function setPassword(db: Db, id: number, password: string) {
  return updateAdminAccount(db, id, { passwordHash: await hashPassword(password) });
}

export { deleteAdminAccount, findAdminAccount, listAdminAccounts, updateAdminAccount };
