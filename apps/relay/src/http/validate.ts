import type { Context } from 'hono';
import { z } from 'zod';
import { RequestValidationError } from './problems';

/** Parse the JSON body with `schema`; 422 naming the field when it does not fit. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new RequestValidationError([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }]);
  }
  const result = schema.safeParse(body);
  if (!result.success) throw RequestValidationError.fromZod(result.error, 'body');
  return result.data;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw RequestValidationError.fromZod(result.error, 'query');
  return result.data;
}

/** The integer `{id}` path parameter. */
export function idParam(c: Context, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^\d{1,10}$/.test(raw)) {
    throw new RequestValidationError([
      { loc: ['path', name], msg: 'Input should be a valid integer', type: 'int_parsing' },
    ]);
  }
  return Number(raw);
}

const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const paginationSchema = z.object({
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  is_active: queryBool.optional(),
});

export const decryptQuery = z.object({ decrypt: queryBool.optional() });

export function page<T>(items: T[], total: number, skip: number, limit: number) {
  return { items, total, skip, limit, has_more: skip + items.length < total };
}

export { queryBool };
