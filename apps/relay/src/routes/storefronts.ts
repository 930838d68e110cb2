import { type MultiFernet, PRIVACY_MODES, generatePseudonymKey, storefrontPrivacySchema } from '@relay/core';
import { Hono } from 'hono';
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
import { RequestValidationError, conflict, notFound } from '../http/problems';
import { idParam, page, paginationSchema, parseBody, parseQuery, textColumn } from '../http/validate';

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
  /** `standard` (default) or `health`: see docs/privacy.md. */
  privacy_mode: z.enum(PRIVACY_MODES, { message: "must be 'standard' or 'health'" }),
  /** OMS event name → neutral name, applied in health mode. */
  event_aliases: z.record(z.string(), z.string()),
};

export const storefrontCreateSchema = z.object({
  ...storefrontFields,
  is_active: storefrontFields.is_active.default(true),
  privacy_mode: storefrontFields.privacy_mode.optional(),
  event_aliases: storefrontFields.event_aliases.optional(),
});

/** A partial update: only the fields it names change. */
export const storefrontUpdateSchema = z.object(storefrontFields).partial();

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
export function storefrontJson(s: Storefront) {
  return {
    id: s.id,
    storefront_id: s.code,
    name: s.name,
    domain: s.domain,
    description: s.description,
    is_active: s.isActive,
    privacy_mode: s.privacyMode,
    event_aliases: s.eventAliases ?? {},
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

export function storefrontRoutes(db: Db, cipher: MultiFernet) {
  const app = new Hono();
  /** A health-mode storefront gets its random pseudonymisation key once, sealed; it is never replaced. */
  const keyFor = (mode: string, current?: Storefront) =>
    mode === 'health' && !current?.pseudonymKeyEncrypted
      ? { pseudonymKeyEncrypted: cipher.encrypt(generatePseudonymKey()) }
      : {};

  app.get('/', async (c) => {
    const q = parseQuery(c, paginationSchema);
    const { items, total } = await listStorefronts(
      db,
      { ...(q.is_active !== undefined && { isActive: q.is_active }) },
      q,
    );
    return c.json(page(items.map(storefrontJson), total, q.skip, q.limit));
  });

  app.get('/:id', async (c) => {
    const id = idParam(c);
    const s = await findStorefront(db, id);
    if (!s) throw notFound('Storefront', id);
    return c.json(storefrontJson(s));
  });

  app.post('/', async (c) => {
    const body = await parseBody(c, storefrontCreateSchema);
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

  app.put('/:id', async (c) => {
    const id = idParam(c);
    const body = await parseBody(c, storefrontUpdateSchema);
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

  app.delete('/:id', async (c) => {
    const id = idParam(c);
    if (!(await deleteStorefront(db, id))) throw notFound('Storefront', id);
    return c.body(null, 204);
  });

  return app;
}
