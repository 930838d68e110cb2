import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  deleteAdminAccount,
  findAdminAccountById,
  listAdminAccounts,
  updateAdminAccount,
} from '../db/admin-accounts';
import type { Db } from '../db/client';
import { conflict, notFound } from '../http/problems';
import { defineRoute, openApiRouter } from '../http/openapi-route';
import {
  conflictResponse,
  idParams,
  invalid,
  json,
  jsonBody,
  notFoundResponse,
  pageOf,
} from '../http/openapi-schemas';
import { accountJson, addAccount, passwordSchema, roleSchema, setPassword, usernameSchema } from './accounts';

const createSchema = z.object({ username: usernameSchema, role: roleSchema, password: passwordSchema }).meta({
  id: 'AccountCreate',
  example: { username: 'ana', role: 'operator', password: 'a long passphrase' },
});
const updateSchema = z
  .object({ role: roleSchema.optional(), password: passwordSchema.optional() })
  .meta({ id: 'AccountUpdate', example: { role: 'viewer' } });

/** `accountJson()` (./accounts.ts): never the password or its hash. */
const accountSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    role: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({
    id: 'Account',
    example: {
      id: 1,
      username: 'ana',
      role: 'operator',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    },
  });

const tags = ['accounts'];
const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'List admin accounts',
  responses: { 200: json(pageOf(accountSchema), 'Every account') },
});
const createAccountRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create an admin account',
  request: { body: jsonBody(createSchema) },
  responses: { 201: json(accountSchema, 'Created'), ...conflictResponse, ...invalid },
});
const updateRoute = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  summary: "Change an account's role or password",
  request: { params: idParams, body: jsonBody(updateSchema) },
  responses: { 200: json(accountSchema, 'Updated'), ...notFoundResponse, ...invalid },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete an admin account',
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' }, ...notFoundResponse, ...invalid },
});

/** `/admin/v1/accounts`: named admin accounts (admin role only, see roles.ts). Passwords are never returned. */
export function accountRoutes(db: Db) {
  const app = openApiRouter();

  defineRoute(app, listRoute, async (c) => {
    const items = (await listAdminAccounts(db)).map(accountJson);
    return c.json({ items, total: items.length, skip: 0, limit: items.length, has_more: false });
  });

  defineRoute(app, createAccountRoute, async (c, { body }) => {
    const created = await addAccount(db, body.username, body.role, body.password);
    if (!created) throw conflict(`Account '${body.username}' already exists`);
    return c.json(accountJson(created), 201);
  });

  defineRoute(app, updateRoute, async (c, { params: { id }, body }) => {
    if (!(await findAdminAccountById(db, id))) throw notFound('Account', id);
    if (body.password !== undefined) await setPassword(db, id, body.password);
    const updated =
      body.role !== undefined
        ? await updateAdminAccount(db, id, { role: body.role })
        : await findAdminAccountById(db, id);
    if (!updated) throw notFound('Account', id);
    return c.json(accountJson(updated));
  });

  defineRoute(app, deleteRoute, async (c, { params: { id } }) => {
    if (!(await deleteAdminAccount(db, id))) throw notFound('Account', id);
    return c.body(null, 204);
  });

  return app;
}
