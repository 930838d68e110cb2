import { createRoute } from '@hono/zod-openapi';
import { type MultiFernet, destinationPrivacySchema } from '@relay/core';
import { z } from 'zod';
import { openJson, sealJson } from '../crypto/secrets';
import type { Db } from '../db/client';
import {
  type Credential,
  createCredential,
  deleteCredential,
  findCredential,
  listCredentials,
  updateCredential,
} from '../db/credentials';
import { resumePausedDeliveries } from '../db/deliveries';
import { isUniqueViolation } from '../db/errors';
import { findPlatform } from '../db/platforms';
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
import type { AdapterRegistry } from '../platforms/registry';

/** The fields of a credential, without defaults: an update must not apply one to a field it does not name. */
const fields = {
  storefront_id: z.number().int().positive(),
  platform_id: z.number().int().positive(),
  credentials: z
    .record(z.string(), z.unknown())
    .refine(jsonSize(32_768), 'credentials should have at most 32768 bytes as JSON')
    .meta({
      description:
        "The platform's secrets (its `credential_schema`), checked against its adapter; stored encrypted, never returned without `?decrypt=true`",
    }),
  destination_type: z.enum(['sgtm', 'direct']),
  pixel_id: z.string().max(255).nullish(),
  account_id: z.string().max(255).nullish(),
  base_url: httpUrlColumn().nullish(),
  /** The OAuth token endpoint; absent or null: the adapter's own. `base_url` never moves it. */
  token_url: httpUrlColumn().nullish(),
  options: z
    .record(z.string(), z.unknown())
    .refine(jsonSize(65_535), 'options should have at most 65535 bytes as JSON')
    .nullish(),
  is_active: z.boolean(),
  /** What may leave for a health-mode storefront (docs/privacy.md); defaults when absent. */
  privacy: destinationPrivacySchema.optional(),
};

export const credentialCreateSchema = z
  .object({
    ...fields,
    destination_type: fields.destination_type.default('direct'),
    is_active: fields.is_active.default(true),
  })
  .meta({
    id: 'CredentialCreate',
    example: {
      storefront_id: 1,
      platform_id: 1,
      credentials: {
        pixel_id: '123456789012345',
        access_token: 'EAAGexampleSystemUserToken0123456789abcdef',
      },
      pixel_id: '123456789012345',
    },
  });

/** A partial update: only the fields it names change; any update resumes the deliveries a pause holds. */
export const credentialUpdateSchema = z
  .object(fields)
  .partial()
  .meta({
    id: 'CredentialUpdate',
    example: {
      credentials: { pixel_id: '123456789012345', access_token: 'EAAGexampleRotatedToken0123456789abcdef' },
    },
  });

export const credentialSchema = z
  .strictObject({
    id: z.number().int(),
    storefront_id: z.number().int(),
    platform_id: z.number().int(),
    destination_type: z.string(),
    pixel_id: z.string().nullable(),
    account_id: z.string().nullable(),
    base_url: z.string().nullable(),
    token_url: z.string().nullable(),
    options: z.record(z.string(), z.unknown()).nullable(),
    privacy: destinationPrivacySchema,
    is_active: z.boolean(),
    paused_at: z.string().nullable().meta({
      description:
        'Set while the platform refuses this credential: its deliveries wait; any update resumes them',
    }),
    pause_reason: z.string().nullable(),
    credentials: decryptedSecret(z.record(z.string(), z.unknown())),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({
    id: 'Credential',
    description: 'A destination credential; its secrets are returned only with `?decrypt=true` (admin role).',
    example: {
      id: 1,
      storefront_id: 1,
      platform_id: 1,
      destination_type: 'direct',
      pixel_id: '123456789012345',
      account_id: null,
      base_url: null,
      token_url: null,
      options: null,
      privacy: {
        baa: false,
        allowed_events: null,
        allowed_properties: ['value', 'currency'],
        allowed_identifiers: [],
      },
      is_active: true,
      paused_at: null,
      pause_reason: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    },
  });

export function credentialJson(
  c: Credential,
  cipher: MultiFernet,
  decrypt: boolean,
): z.input<typeof credentialSchema> {
  return {
    id: c.id,
    storefront_id: c.storefrontId,
    platform_id: c.platformId,
    destination_type: c.destinationType,
    pixel_id: c.pixelId,
    account_id: c.accountId,
    base_url: c.baseUrl,
    token_url: c.tokenUrl,
    options: (c.options ?? null) as Record<string, unknown> | null,
    privacy: destinationPrivacySchema.parse(c.privacy ?? {}),
    is_active: c.isActive,
    paused_at: c.pausedAt?.toISOString() ?? null,
    pause_reason: c.pauseReason,
    ...(decrypt && { credentials: openJson<Record<string, unknown>>(cipher, c.credentialsEncrypted) }),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

const tags = ['credentials'];

const listQuery = paginationSchema.extend({
  storefront_id: z.coerce.number().int().optional(),
  platform_id: z.coerce.number().int().optional(),
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'List credentials (never their secrets)',
  request: { query: listQuery },
  responses: { 200: json(pageOf(credentialSchema), 'A page of credentials'), ...invalid },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'Get one credential; `?decrypt=true` (admin role) adds its decrypted `credentials`',
  request: { params: idParams, query: decryptQuery },
  responses: {
    200: json(credentialSchema, 'The credential'),
    ...notFoundResponse,
    ...invalid,
  },
});

const createCredentialRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary:
    "Create a storefront's credential for a platform (one per pair), checked against the platform's adapter",
  request: { body: jsonBody(credentialCreateSchema) },
  responses: {
    201: json(credentialSchema, 'Created'),
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
    'Update (partial) a credential: only the fields named change; any update resumes paused deliveries',
  request: { params: idParams, body: jsonBody(credentialUpdateSchema) },
  responses: {
    200: json(credentialSchema, 'Updated'),
    ...unknownIdOrReference,
    ...conflictResponse,
    ...invalid,
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete a credential',
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' }, ...notFoundResponse, ...invalid },
});

export function credentialRoutes(db: Db, cipher: MultiFernet, registry: AdapterRegistry) {
  const app = openApiRouter();

  /** Check credentials and options against the platform's adapter; platforms without one are stored as given. */
  async function validateForPlatform(platformId: number, credentials?: unknown, options?: unknown) {
    const platform = await findPlatform(db, platformId);
    if (!platform) throw notFound('Platform', platformId);
    const adapter = registry.get(platform.code);
    if (!adapter) return;
    const problems = [];
    if (credentials !== undefined) {
      const r = adapter.credentials.safeParse(credentials);
      if (!r.success)
        problems.push(...RequestValidationError.fromZod(r.error, 'body').detail.map(prefix('credentials')));
    }
    if (options !== undefined && options !== null) {
      const r = adapter.options.safeParse(options);
      if (!r.success)
        problems.push(...RequestValidationError.fromZod(r.error, 'body').detail.map(prefix('options')));
    }
    if (problems.length > 0) throw new RequestValidationError(problems);
  }

  defineRoute(app, listRoute, async (c, { query: q }) => {
    const { items, total } = await listCredentials(
      db,
      {
        ...(q.is_active !== undefined && { isActive: q.is_active }),
        ...(q.storefront_id !== undefined && { storefrontId: q.storefront_id }),
        ...(q.platform_id !== undefined && { platformId: q.platform_id }),
      },
      q,
    );
    return c.json(
      page(
        items.map((x) => credentialJson(x, cipher, false)),
        total,
        q.skip,
        q.limit,
      ),
    );
  });

  defineRoute(app, getRoute, async (c, { params: { id }, query: { decrypt } }) => {
    const credential = await findCredential(db, id);
    if (!credential) throw notFound('Credential', id);
    return c.json(credentialJson(credential, cipher, decrypt === true));
  });

  defineRoute(app, createCredentialRoute, async (c, { body }) => {
    if (!(await storefrontExists(db, body.storefront_id))) throw notFound('Storefront', body.storefront_id);
    await validateForPlatform(body.platform_id, body.credentials, body.options);
    try {
      const created = await createCredential(db, {
        storefrontId: body.storefront_id,
        platformId: body.platform_id,
        credentialsEncrypted: sealJson(cipher, body.credentials),
        destinationType: body.destination_type,
        pixelId: body.pixel_id ?? null,
        accountId: body.account_id ?? null,
        baseUrl: body.base_url ?? null,
        tokenUrl: body.token_url ?? null,
        options: body.options ?? null,
        isActive: body.is_active,
        ...(body.privacy && { privacy: body.privacy }),
      });
      return c.json(credentialJson(created, cipher, false), 201);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(
          `Storefront ${body.storefront_id} already has a credential for platform ${body.platform_id}`,
        );
      }
      throw error;
    }
  });

  defineRoute(app, updateRoute, async (c, { params: { id }, body }) => {
    const existing = await findCredential(db, id);
    if (!existing) throw notFound('Credential', id);
    if (body.storefront_id !== undefined && !(await storefrontExists(db, body.storefront_id))) {
      throw notFound('Storefront', body.storefront_id);
    }
    const platformId = body.platform_id ?? existing.platformId;
    if (body.credentials !== undefined || body.options !== undefined || body.platform_id !== undefined) {
      await validateForPlatform(
        platformId,
        body.credentials ??
          (body.platform_id !== undefined ? openJson(cipher, existing.credentialsEncrypted) : undefined),
        body.options,
      );
    }
    try {
      const updated = await updateCredential(db, id, {
        storefrontId: body.storefront_id,
        platformId: body.platform_id,
        credentialsEncrypted: body.credentials === undefined ? undefined : sealJson(cipher, body.credentials),
        destinationType: body.destination_type,
        pixelId: body.pixel_id,
        accountId: body.account_id,
        baseUrl: body.base_url,
        tokenUrl: body.token_url,
        options: body.options,
        isActive: body.is_active,
        ...(body.privacy && { privacy: body.privacy }),
      });
      await resumePausedDeliveries(db, id); // the update cleared any pause
      return c.json(credentialJson(updated, cipher, false));
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('A credential for that storefront and platform already exists');
      throw error;
    }
  });

  defineRoute(app, deleteRoute, async (c, { params: { id } }) => {
    if (!(await deleteCredential(db, id))) throw notFound('Credential', id);
    return c.body(null, 204);
  });

  return app;
}

const prefix = (field: string) => (d: { loc: Array<string | number>; msg: string; type: string }) => ({
  ...d,
  loc: ['body', field, ...d.loc.slice(1)],
});
