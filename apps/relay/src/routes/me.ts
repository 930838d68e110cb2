import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { currentAccount } from '../auth/account';
import { ROLES } from '../auth/roles';
import { defineRoute, openApiRouter } from '../http/openapi-route';
import { json } from '../http/openapi-schemas';

/** Who is signed in: the console shows only what this role may do (docs/security.md). */
export const meSchema = z
  .object({
    username: z.string(),
    role: z.enum(ROLES),
    source: z.enum(['env', 'database', 'ingest-fallback']).meta({
      description: 'Where the account is defined: ADMIN_USERNAME, `relay accounts`, or the ingest login',
    }),
  })
  .meta({ id: 'Me', example: { username: 'ana', role: 'operator', source: 'database' } });

const meRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['accounts'],
  summary: 'The signed-in account and its role',
  responses: { 200: json(meSchema, 'The account of these credentials') },
});

export function meRoutes() {
  const app = openApiRouter();
  defineRoute(app, meRoute, (c) => {
    // The admin middleware let this request through, so the account is an admin role.
    const account = currentAccount(c)!;
    return c.json(meSchema.parse({ username: account.name, role: account.role, source: account.source }));
  });
  return app;
}
