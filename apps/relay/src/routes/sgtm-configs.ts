import { createRoute } from '@hono/zod-openapi';
import { type MultiFernet, destinationPrivacySchema } from '@relay/core';
import { z } from 'zod';
import { openJson, sealJson } from '../crypto/secrets';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import {
  type SgtmConfig,
  createSgtmConfig,
  deleteSgtmConfig,
  findSgtmConfig,
  listSgtmConfigs,
  updateSgtmConfig,
} from '../db/sgtm-configs';
import { storefrontExists } from '../db/storefronts';
import { defineRoute, openApiRouter } from '../http/openapi-route';
import {
  conflictResponse,
  decryptedSecret,
  idParams,
  invalid,
  json,
  jsonBody,
  notFoundResponse,
  pageOf,
  unknownIdOrReference,
} from '../http/openapi-schemas';
import { RequestValidationError, conflict, notFound } from '../http/problems';
import { decryptQuery, httpUrlColumn, jsonSize, page, paginationSchema } from '../http/validate';

const httpUrl = httpUrlColumn('sgtm_url must be a valid http(s) URL');

/** The fields of an sGTM config, without defaults: an update must not apply one to a field it does not name. */
const fields = {
  storefront_id: z.number().int().positive(),
  sgtm_url: httpUrl,
  client_type: z.enum(['ga4', 'custom']),
  container_id: z.string().trim().max(64).nullish(),
  measurement_id: z.string().trim().max(64).nullish(),
  api_secret: z.string().min(1).max(4096).nullish(),
  custom_endpoint_path: z.string().regex(/^\//, 'custom_endpoint_path must start with /').max(512).nullish(),
  custom_headers: z
    .record(z.string(), z.string())
    .refine(jsonSize(16_384), 'custom_headers should have at most 16384 bytes as JSON')
    .nullish(),
  is_active: z.boolean(),
  /** What may leave for a health-mode storefront (docs/privacy.md); defaults when absent. */
  privacy: destinationPrivacySchema.optional(),
};

export const sgtmCreateSchema = z
  .object({
    ...fields,
    client_type: fields.client_type.default('ga4'),
    is_active: fields.is_active.default(true),
  })
  .superRefine((v, ctx) => {
    if (v.client_type === 'ga4' && !v.measurement_id) {
      ctx.addIssue({
        code: 'custom',
        path: ['measurement_id'],
        message: 'measurement_id is required when client_type is ga4',
      });
    }
  })
  .meta({
    id: 'SgtmConfigCreate',
    description: 'measurement_id is required when client_type is ga4 (the default).',
    example: {
      storefront_id: 1,
      sgtm_url: 'https://sgtm.bosley.com',
      client_type: 'ga4',
      measurement_id: 'G-ABC123',
      api_secret: 'ga4-api-secret',
    },
  });

/** A partial update: only the fields it names change. */
export const sgtmUpdateSchema = z
  .object(fields)
  .partial()
  .meta({
    id: 'SgtmConfigUpdate',
    description: 'The result must still have a measurement_id when its client_type is ga4.',
    example: { is_active: false },
  });

export const sgtmConfigSchema = z
  .strictObject({
    id: z.number().int(),
    storefront_id: z.number().int(),
    sgtm_url: z.string(),
    client_type: z.string(),
    container_id: z.string().nullable(),
    measurement_id: z.string().nullable(),
    custom_endpoint_path: z.string().nullable(),
    is_active: z.boolean(),
    privacy: destinationPrivacySchema,
    has_api_secret: z.boolean(),
    has_custom_headers: z.boolean(),
    api_secret: decryptedSecret(z.string().nullable()),
    custom_headers: decryptedSecret(z.record(z.string(), z.string()).nullable()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({
    id: 'SgtmConfig',
    description: 'An sGTM config; its secrets are shown only as has_api_secret / has_custom_headers.',
    example: {
      id: 1,
      storefront_id: 1,
      sgtm_url: 'https://sgtm.bosley.com',
      client_type: 'ga4',
      container_id: null,
      measurement_id: 'G-ABC123',
      custom_endpoint_path: null,
      is_active: true,
      privacy: {
        baa: false,
        allowed_events: null,
        allowed_properties: ['value', 'currency'],
        allowed_identifiers: [],
      },
      has_api_secret: true,
      has_custom_headers: false,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    },
  });

export function sgtmJson(
  s: SgtmConfig,
  cipher: MultiFernet,
  decrypt: boolean,
): z.input<typeof sgtmConfigSchema> {
  return {
    id: s.id,
    storefront_id: s.storefrontId,
    sgtm_url: s.sgtmUrl,
    client_type: s.clientType,
    container_id: s.containerId,
    measurement_id: s.measurementId,
    custom_endpoint_path: s.customEndpointPath,
    is_active: s.isActive,
    privacy: destinationPrivacySchema.parse(s.privacy ?? {}),
    has_api_secret: s.apiSecretEncrypted !== null,
    has_custom_headers: s.customHeadersEncrypted !== null,
    ...(decrypt && {
      api_secret: s.apiSecretEncrypted ? openJson<string>(cipher, s.apiSecretEncrypted) : null,
      custom_headers: s.customHeadersEncrypted
        ? openJson<Record<string, string>>(cipher, s.customHeadersEncrypted)
        : null,
    }),
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

const tags = ['sgtm-configs'];

const listQuery = paginationSchema.extend({ storefront_id: z.coerce.number().int().optional() });

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'List sGTM configs',
  request: { query: listQuery },
  responses: { 200: json(pageOf(sgtmConfigSchema), 'A page of sGTM configs'), ...invalid },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'Get one sGTM config; `?decrypt=true` (admin role) adds its api_secret and custom_headers',
  request: { params: idParams, query: decryptQuery },
  responses: {
    200: json(sgtmConfigSchema, 'The sGTM config'),
    ...notFoundResponse,
    ...invalid,
  },
});

const createSgtmRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: "Create a storefront's sGTM config (one per storefront)",
  request: { body: jsonBody(sgtmCreateSchema) },
  responses: {
    201: json(sgtmConfigSchema, 'Created'),
    ...unknownIdOrReference,
    ...conflictResponse,
    ...invalid,
  },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  summary:
    'Update (partial) an sGTM config: only the fields named change; `api_secret` / `custom_headers` null removes that secret',
  request: { params: idParams, body: jsonBody(sgtmUpdateSchema) },
  responses: {
    200: json(sgtmConfigSchema, 'Updated'),
    ...unknownIdOrReference,
    ...conflictResponse,
    ...invalid,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete an sGTM config',
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' }, ...notFoundResponse, ...invalid },
});

export function sgtmConfigRoutes(db: Db, cipher: MultiFernet) {
  const app = openApiRouter();

  defineRoute(app, listRoute, async (c, { query: q }) => {
    const { items, total } = await listSgtmConfigs(
      db,
      {
        ...(q.is_active !== undefined && { isActive: q.is_active }),
        ...(q.storefront_id !== undefined && { storefrontId: q.storefront_id }),
      },
      q,
    );
    return c.json(
      page(
        items.map((s) => sgtmJson(s, cipher, false)),
        total,
        q.skip,
        q.limit,
      ),
    );
  });

  defineRoute(app, getRoute, async (c, { params: { id }, query: { decrypt } }) => {
    const s = await findSgtmConfig(db, id);
    if (!s) throw notFound('sGTM config', id);
    return c.json(sgtmJson(s, cipher, decrypt === true));
  });

  defineRoute(app, createSgtmRoute, async (c, { body }) => {
    if (!(await storefrontExists(db, body.storefront_id))) throw notFound('Storefront', body.storefront_id);
    try {
      const s = await createSgtmConfig(db, {
        storefrontId: body.storefront_id,
        sgtmUrl: body.sgtm_url,
        clientType: body.client_type,
        containerId: body.container_id ?? null,
        measurementId: body.measurement_id ?? null,
        apiSecretEncrypted: body.api_secret ? sealJson(cipher, body.api_secret) : null,
        customEndpointPath: body.custom_endpoint_path ?? null,
        customHeadersEncrypted: body.custom_headers ? sealJson(cipher, body.custom_headers) : null,
        isActive: body.is_active,
        ...(body.privacy && { privacy: body.privacy }),
      });
      return c.json(sgtmJson(s, cipher, false), 201);
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`Storefront ${body.storefront_id} already has an sGTM config`);
      throw error;
    }
  });

  defineRoute(app, updateRoute, async (c, { params: { id }, body }) => {
    const existing = await findSgtmConfig(db, id);
    if (!existing) throw notFound('sGTM config', id);
    const clientType = body.client_type ?? existing.clientType;
    const measurementId = body.measurement_id !== undefined ? body.measurement_id : existing.measurementId;
    if (clientType === 'ga4' && !measurementId) {
      throw new RequestValidationError([
        {
          loc: ['body', 'measurement_id'],
          msg: 'measurement_id is required when client_type is ga4',
          type: 'value_error',
        },
      ]);
    }
    if (body.storefront_id !== undefined && !(await storefrontExists(db, body.storefront_id))) {
      throw notFound('Storefront', body.storefront_id);
    }
    try {
      const s = await updateSgtmConfig(db, id, {
        storefrontId: body.storefront_id,
        sgtmUrl: body.sgtm_url,
        clientType: body.client_type,
        containerId: body.container_id,
        measurementId: body.measurement_id,
        ...(body.api_secret !== undefined && {
          apiSecretEncrypted: body.api_secret ? sealJson(cipher, body.api_secret) : null,
        }),
        customEndpointPath: body.custom_endpoint_path,
        ...(body.custom_headers !== undefined && {
          customHeadersEncrypted: body.custom_headers ? sealJson(cipher, body.custom_headers) : null,
        }),
        isActive: body.is_active,
        ...(body.privacy && { privacy: body.privacy }),
      });
      return c.json(sgtmJson(s, cipher, false));
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`Storefront ${body.storefront_id} already has an sGTM config`);
      throw error;
    }
  });

  defineRoute(app, deleteRoute, async (c, { params: { id } }) => {
    if (!(await deleteSgtmConfig(db, id))) throw notFound('sGTM config', id);
    return c.body(null, 204);
  });

  return app;
}
