import { Hono } from 'hono';
import { z } from 'zod';
import {
  deleteAdminAccount,
  findAdminAccountById,
  listAdminAccounts,
  updateAdminAccount,
} from '../db/admin-accounts';
import type { Db } from '../db/client';
import { conflict, notFound } from '../http/problems';
import { idParam, parseBody } from '../http/validate';
import { accountJson, addAccount, passwordSchema, roleSchema, setPassword, usernameSchema } from './accounts';

const createSchema = z.object({ username: usernameSchema, role: roleSchema, password: passwordSchema });
const updateSchema = z.object({ role: roleSchema.optional(), password: passwordSchema.optional() });

/** `/admin/v1/accounts`: named admin accounts (admin role only, see roles.ts). Passwords are never returned. */
export function accountRoutes(db: Db) {
  const app = new Hono();

  app.get('/', async (c) => {
    const items = (await listAdminAccounts(db)).map(accountJson);
    return c.json({ items, total: items.length, skip: 0, limit: items.length, has_more: false });
  });

  app.post('/', async (c) => {
    const body = await parseBody(c, createSchema);
    const created = await addAccount(db, body.username, body.role, body.password);
    if (!created) throw conflict(`Account '${body.username}' already exists`);
    return c.json(accountJson(created), 201);
  });

  app.put('/:id', async (c) => {
    const id = idParam(c);
    const body = await parseBody(c, updateSchema);
    if (!(await findAdminAccountById(db, id))) throw notFound('Account', id);
    if (body.password !== undefined) await setPassword(db, id, body.password);
    const updated =
      body.role !== undefined
        ? await updateAdminAccount(db, id, { role: body.role })
        : await findAdminAccountById(db, id);
    if (!updated) throw notFound('Account', id);
    return c.json(accountJson(updated));
  });

  app.delete('/:id', async (c) => {
    const id = idParam(c);
    if (!(await deleteAdminAccount(db, id))) throw notFound('Account', id);
    return c.body(null, 204);
  });

  return app;
}
