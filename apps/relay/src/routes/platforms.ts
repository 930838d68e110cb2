import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import {
  type Platform,
  createPlatform,
  deletePlatform,
  findPlatform,
  listPlatforms,
  updatePlatform,
} from '../db/platforms';
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
import {
  MAX_JSON_DEPTH,
  httpUrlColumn,
  jsonDepth,
  jsonSize,
  page,
  paginationSchema,
  textColumn,
} from '../http/validate';
import type { AdapterRegistry } from '../platforms/registry';

/** `credential_schema` arrives as an object or as a JSON string (the reference client sends a string). */
const credentialSchemaInput = z
  .union([z.record(z.string(), z.unknown()), z.string()])
  .transform((value, ctx) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'credential_schema must be a JSON object' });
      return z.NEVER;
    }
  });

/** The fields of a platform, without defaults: an update must not apply one to a field it does not name. */
const platformFields = {
  platform_code: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_]+$/, 'platform_code may only contain letters, digits and _'),
  name: z.string().trim().min(1).max(255),
  category: z.string().trim().min(1).max(32),
  tier: z.number().int().min(1).max(3),
  auth_type: z.string().trim().min(1).max(32),
  api_base_url: httpUrlColumn().nullish(),
  credential_schema: credentialSchemaInput
    .refine(jsonSize(65_535), 'credential_schema should have at most 65535 bytes as JSON')
    .refine(
      (v) => jsonDepth(v) <= MAX_JSON_DEPTH,
      `credential_schema should nest at most ${MAX_JSON_DEPTH} levels`,
    )
    .nullish(),
  description: textColumn().nullish(),
  is_active: z.boolean(),
};

/** A create needs only `platform_code` and `name`; the rest take the reference service's defaults. */
export const platformCreateSchema = z
  .object({
    ...platformFields,
    category: platformFields.category.default('advertising'),
    tier: platformFields.tier.default(3),
    auth_type: platformFields.auth_type.default('access_token'),
    is_active: platformFields.is_active.default(true),
  })
  .meta({
    id: 'PlatformCreate',
    example: { platform_code: 'acme_ads', name: 'Acme Ads', category: 'advertising', tier: 3 },
  });

/** A partial update: only the fields it names change. */
export const platformUpdateSchema = z
  .object(platformFields)
  .partial()
  .meta({ id: 'PlatformUpdate', example: { is_active: false } });

export const platformSchema = z
  .object({
    id: z.number().int(),
    platform_code: z.string(),
    name: z.string(),
    category: z.string(),
    tier: z.number().int(),
    auth_type: z.string(),
    api_base_url: z.string().nullable(),
    credential_schema: z.unknown().nullable(),
    description: z.string().nullable(),
    is_active: z.boolean(),
    has_adapter: z.boolean().meta({ description: 'Whether this relay ships an adapter for the platform' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({
    id: 'Platform',
    example: {
      id: 1,
      platform_code: 'meta_capi',
      name: 'Meta Conversions API',
      category: 'advertising',
      tier: 1,
      auth_type: 'access_token',
      api_base_url: 'https://graph.facebook.com',
      credential_schema: { required: ['pixel_id', 'access_token'] },
      description: null,
      is_active: true,
      has_adapter: true,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    },
  });

export function platformJson(p: Platform, registry: AdapterRegistry): z.input<typeof platformSchema> {
  return {
    id: p.id,
    platform_code: p.code,
    name: p.name,
    category: p.category,
    tier: p.tier,
    auth_type: p.authType,
    api_base_url: p.apiBaseUrl,
    credential_schema: p.credentialSchema ?? null,
    description: p.description,
    is_active: p.isActive,
    has_adapter: registry.has(p.code),
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

const listQuery = paginationSchema.extend({
  tier: z.coerce.number().int().min(1).max(3).optional(),
  category: z.string().optional(),
});

const tags = ['platforms'];

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'List platforms',
  request: { query: listQuery },
  responses: { 200: json(pageOf(platformSchema), 'A page of platforms'), ...invalid },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'Get one platform',
  request: { params: idParams },
  responses: { 200: json(platformSchema, 'The platform'), ...notFoundResponse, ...invalid },
});

const createPlatformRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a platform',
  request: { body: jsonBody(platformCreateSchema) },
  responses: {
    201: json(platformSchema, 'Created'),
    ...conflictResponse,
    ...invalid,
  },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  summary: 'Update (partial) a platform: only the fields named change',
  request: { params: idParams, body: jsonBody(platformUpdateSchema) },
  responses: {
    200: json(platformSchema, 'Updated'),
    ...notFoundResponse,
    ...conflictResponse,
    ...invalid,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete a platform',
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' }, ...notFoundResponse, ...invalid },
});

export function platformRoutes(db: Db, registry: AdapterRegistry) {
  const app = openApiRouter();

  defineRoute(app, listRoute, async (c, { query: q }) => {
    const { items, total } = await listPlatforms(
      db,
      {
        ...(q.is_active !== undefined && { isActive: q.is_active }),
        ...(q.tier !== undefined && { tier: q.tier }),
        ...(q.category !== undefined && { category: q.category }),
      },
      q,
    );
    return c.json(
      page(
        items.map((p) => platformJson(p, registry)),
        total,
        q.skip,
        q.limit,
      ),
    );
  });

  defineRoute(app, getRoute, async (c, { params: { id } }) => {
    const p = await findPlatform(db, id);
    if (!p) throw notFound('Platform', id);
    return c.json(platformJson(p, registry));
  });

  defineRoute(app, createPlatformRoute, async (c, { body }) => {
    try {
      const p = await createPlatform(db, {
        code: body.platform_code,
        name: body.name,
        category: body.category,
        tier: body.tier,
        authType: body.auth_type,
        apiBaseUrl: body.api_base_url ?? null,
        credentialSchema: (body.credential_schema ?? null) as object | null,
        description: body.description ?? null,
        isActive: body.is_active,
      });
      return c.json(platformJson(p, registry), 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`Platform '${body.platform_code}' already exists`);
      throw error;
    }
  });

  defineRoute(app, updateRoute, async (c, { params: { id }, body }) => {
    if (!(await findPlatform(db, id))) throw notFound('Platform', id);
    try {
      const p = await updatePlatform(db, id, {
        code: body.platform_code,
        name: body.name,
        category: body.category,
        tier: body.tier,
        authType: body.auth_type,
        apiBaseUrl: body.api_base_url,
        credentialSchema: body.credential_schema as object | null | undefined,
        description: body.description,
        isActive: body.is_active,
      });
      return c.json(platformJson(p, registry));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`Platform '${body.platform_code}' already exists`);
      throw error;
    }
  });

  defineRoute(app, deleteRoute, async (c, { params: { id } }) => {
    if (!(await deletePlatform(db, id))) throw notFound('Platform', id);
    return c.body(null, 204);
  });

  return app;
}
