import { z } from 'zod';

/** Schemas and responses every route definition shares (docs/api.md § Adding a route). */

/** The `{id}` path parameter: digits only; anything else is a 422 `int_parsing` on `["path", "id"]`. */
export const idParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .meta({ param: { name: 'id', in: 'path' }, description: 'Numeric id', example: '1' }),
});

export const validationErrorSchema = z
  .object({
    detail: z.array(
      z.object({
        loc: z.array(z.union([z.string(), z.number()])),
        msg: z.string(),
        type: z.string(),
      }),
    ),
  })
  .meta({
    id: 'ValidationError',
    example: { detail: [{ loc: ['body', 'name'], msg: 'Field required', type: 'missing' }] },
  });

export const problemSchema = z
  .object({
    error_code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
    detail: z.string(),
  })
  .meta({
    id: 'Problem',
    example: {
      error_code: 'NOT_FOUND',
      message: 'Platform with id 9 not found',
      details: { resource: 'Platform', id: 9 },
      detail: 'Platform with id 9 not found',
    },
  });

/** `{items, total, skip, limit, has_more}` of `item` (src/http/validate.ts `page()`). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    skip: z.number().int(),
    limit: z.number().int(),
    has_more: z.boolean(),
  });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A JSON request body validated with `schema`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const invalid = {
  422: json(
    validationErrorSchema,
    'The request does not fit: `{detail: [{loc, msg, type}]}` naming the field',
  ),
} as const;
export const notFoundResponse = {
  404: json(problemSchema, 'Unknown id: `{error_code: "NOT_FOUND", message, details, detail}`'),
} as const;
export const conflictResponse = {
  409: json(
    problemSchema,
    'Conflict with an existing record: `{error_code: "CONFLICT", message, details, detail}`',
  ),
} as const;

/** Routes whose body names other records (`storefront_id`, `platform_id`): either may be unknown. */
export const unknownIdOrReference = {
  404: json(
    problemSchema,
    'Unknown id, or a `storefront_id` / `platform_id` in the body that does not exist: `{error_code: "NOT_FOUND", message, details, detail}`',
  ),
} as const;

/** A secret field of a response: present only with `?decrypt=true`, which needs the admin role. */
export const decryptedSecret = <T extends z.ZodType>(schema: T) =>
  schema.optional().meta({ description: 'Only with `?decrypt=true` (admin role); absent otherwise' });

/** `{items, next_cursor}` of `item`: newest first; `next_cursor` is the `cursor` of the next page, `null` on the last. */
export const cursorPageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null on the last' }),
  });

/** The answer of every replay: how many deliveries were queued again. */
export const replayedSchema = z
  .strictObject({ replayed: z.number().int().meta({ description: 'Deliveries queued again' }) })
  .meta({ id: 'Replayed', example: { replayed: 3 } });

export const payloadTooLargeResponse = {
  413: json(problemSchema, 'Body too large: `{error_code: "PAYLOAD_TOO_LARGE", message, details, detail}`'),
} as const;
export const databaseUnavailableResponse = {
  503: json(
    problemSchema,
    'The database is unavailable, nothing was stored: `{error_code: "DATABASE_UNAVAILABLE", …}` with `Retry-After`',
  ),
} as const;
