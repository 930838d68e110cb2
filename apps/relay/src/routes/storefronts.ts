import { createRoute } from '@hono/zod-openapi';
import {
  type MultiFernet,
  PRIVACY_MODES,
  type PrivacyMode,
  generatePseudonymKey,
  storefrontPrivacySchema,
} from '@relay/core';
import { z } from 'zod';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import {
  type Storefront,
  createStorefront,
  deleteStorefront,
  findStorefront,
  listStorefronts,
  updateStorefront,
} from '../db/storefronts';
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
import { RequestValidationError, conflict, notFound } from '../http/problems';
import { page, paginationSchema, textColumn } from '../http/validate';

const code = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/, 'storefront_id may only contain letters, digits, _ and -');

/** The fields of a storefront, without defaults: an update must not apply one to a field it does not name. */
const storefrontFields = {
  storefront_id: code,
  name: z.string().trim().min(1).max(255),
  domain: z.string().trim().max(255).nullish(),
  description: textColumn().nullish(),
  is_active: z.boolean(),
  privacy_mode: z
    .enum(PRIVACY_MODES, { message: "must be 'standard' or 'health'" })
    .meta({ description: '`standard` (default) or `health`: see docs/privacy.md' }),
  /** Names checked as @relay/core checks them; privacyOf() below checks the aliases against each other. */
  event_aliases: storefrontPrivacySchema.shape.event_aliases.unwrap().meta({
    description:
      'OMS event name → neutral name, applied in health mode. Keys and values are event names (1 to 100 letters, digits, _ . : -); an alias must differ from its event name and must not itself be aliased',
    example: { rx_issued: 'conversion_step_2' },
  }),
};

export const storefrontCreateSchema = z
  .object({
    ...storefrontFields,
    is_active: storefrontFields.is_active.default(true),
    privacy_mode: storefrontFields.privacy_mode.optional(),
    event_aliases: storefrontFields.event_aliases.optional(),
  })
  .meta({
    id: 'StorefrontCreate',
    example: { storefront_id: 'bosley', name: 'Bosley', domain: 'bosley.com' },
  });

/** A partial update: only the fields it names change. */
export const storefrontUpdateSchema = z
  .object(storefrontFields)
  .partial()
  .meta({ id: 'StorefrontUpdate', example: { is_active: false } });

export const storefrontSchema = z
  .strictObject({
    id: z.number().int(),
    storefront_id: z.string(),
    name: z.string(),
    domain: z.string().nullable(),
    description: z.string().nullable(),
    is_active: z.boolean(),
    privacy_mode: z.enum(PRIVACY_MODES),
    event_aliases: z.record(z.string(), z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({
    id: 'Storefront',
    description: 'A storefront; its pseudonymisation key (health mode) is never returned.',
    example: {
      id: 1,
      storefront_id: 'bosley',
      name: 'Bosley',
      domain: 'bosley.com',
      description: null,
      is_active: true,
      privacy_mode: 'standard',
      event_aliases: {},
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    },
  });

/** The storefront's privacy settings after a change, validated as a whole (aliases checked against each other). */
function privacyOf(
  body: { privacy_mode?: string | undefined; event_aliases?: Record<string, string> | undefined },
  current?: Storefront,
) {
  const r = storefrontPrivacySchema.safeParse({
    privacy_mode: body.privacy_mode ?? current?.privacyMode ?? 'standard',
    event_aliases: body.event_aliases ?? current?.eventAliases ?? {},
  });
  if (!r.success) throw RequestValidationError.fromZod(r.error, 'body');
  return r.data;
}

export function storefrontJson(s: Storefront): z.input<typeof storefrontSchema> {
  return {
    id: s.id,
    storefront_id: s.code,
    name: s.name,
    domain: s.domain,
    description: s.description,
    is_active: s.isActive,
    // Both columns are written only from storefrontPrivacySchema's output (privacyOf below).
    privacy_mode: s.privacyMode as PrivacyMode,
    event_aliases: (s.eventAliases ?? {}) as Record<string, string>,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

const tags = ['storefronts'];

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'List storefronts',
  request: { query: paginationSchema },
  responses: { 200: json(pageOf(storefrontSchema), 'A page of storefronts'), ...invalid },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'Get one storefront',
  request: { params: idParams },
  responses: {
    200: json(storefrontSchema, 'The storefront'),
    ...notFoundResponse,
    ...invalid,
  },
});

const createStorefrontRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a storefront',
  request: { body: jsonBody(storefrontCreateSchema) },
  responses: {
    201: json(storefrontSchema, 'Created'),
    ...conflictResponse,
    ...invalid,
  },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  summary: 'Update (partial) a storefront: only the fields named change',
  request: { params: idParams, body: jsonBody(storefrontUpdateSchema) },
  responses: {
    200: json(storefrontSchema, 'Updated'),
    ...notFoundResponse,
    ...conflictResponse,
    ...invalid,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete a storefront',
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' }, ...notFoundResponse, ...invalid },
});

export function storefrontRoutes(db: Db, cipher: MultiFernet) {
  const app = openApiRouter();
  /** A health-mode storefront gets its random pseudonymisation key once, sealed; it is never replaced. */
  const keyFor = (mode: string, current?: Storefront) =>
    mode === 'health' && !current?.pseudonymKeyEncrypted
      ? { pseudonymKeyEncrypted: cipher.encrypt(generatePseudonymKey()) }
      : {};

  defineRoute(app, listRoute, async (c, { query: q }) => {
    const { items, total } = await listStorefronts(
      db,
      { ...(q.is_active !== undefined && { isActive: q.is_active }) },
      q,
    );
    return c.json(page(items.map(storefrontJson), total, q.skip, q.limit));
  });

  defineRoute(app, getRoute, async (c, { params: { id } }) => {
    const s = await findStorefront(db, id);
    if (!s) throw notFound('Storefront', id);
    return c.json(storefrontJson(s));
  });

  defineRoute(app, createStorefrontRoute, async (c, { body }) => {
    const privacy = privacyOf(body);
    try {
      const s = await createStorefront(db, {
        code: body.storefront_id,
        name: body.name,
        domain: body.domain ?? null,
        description: body.description ?? null,
        isActive: body.is_active,
        privacyMode: privacy.privacy_mode,
        eventAliases: privacy.event_aliases,
        ...keyFor(privacy.privacy_mode),
      });
      return c.json(storefrontJson(s), 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`Storefront '${body.storefront_id}' already exists`);
      throw error;
    }
  });

  defineRoute(app, updateRoute, async (c, { params: { id }, body }) => {
    const current = await findStorefront(db, id);
    if (!current) throw notFound('Storefront', id);
    const privacy = privacyOf(body, current);
    try {
      const s = await updateStorefront(db, id, {
        code: body.storefront_id,
        name: body.name,
        domain: body.domain,
        description: body.description,
        isActive: body.is_active,
        privacyMode: privacy.privacy_mode,
        eventAliases: privacy.event_aliases,
        ...keyFor(privacy.privacy_mode, current),
      });
      return c.json(storefrontJson(s));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`Storefront '${body.storefront_id}' already exists`);
      throw error;
    }
  });

  defineRoute(app, deleteRoute, async (c, { params: { id } }) => {
    if (!(await deleteStorefront(db, id))) throw notFound('Storefront', id);
    return c.body(null, 204);
  });

  return app;
}
