import type { Context } from 'hono';
import { z } from 'zod';
import { HttpProblem, RequestValidationError } from './problems';

/** Deepest nesting a JSON body may have (MariaDB refuses JSON documents nested over 32 levels). */
export const MAX_JSON_DEPTH = 20;

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;.*)?$/i;

/**
 * JSON bodies are read only with a JSON content type or none (as the replaced FastAPI service
 * did): anything else (`text/plain`, a form) is a 422 naming the body. This also stops a browser
 * page from posting a "simple" cross-site request with cached Basic credentials.
 */
export function requireJsonContentType(c: Context): void {
  const type = c.req.header('content-type');
  if (type === undefined || type.trim() === '' || JSON_TYPE.test(type)) return;
  throw new RequestValidationError([
    {
      loc: ['body'],
      msg: `Input should be a valid dictionary or object to extract fields from (Content-Type ${type.slice(0, 100)} is not JSON)`,
      type: 'model_attributes_type',
    },
  ]);
}

/** An integer literal beyond 2^53 under a key ending in `id` (`order_id`, `event_id`…), captured as written. */
const STRING_OR_BIG_ID =
  /"(?:[^"\\]|\\.)*"(?=\s*:\s*-?\d{16,}\s*[,}\]])\s*:\s*(-?\d{16,})|"(?:[^"\\]|\\.)*"/g;
const ID_KEY = /(?:^"|_)id"$/i;
/** Every place STRING_OR_BIG_ID could rewrite (a colon, then 16+ digits), and more (inside strings too). */
const LONG_INTEGER_AFTER_COLON = /:\s*-?(\d{16,})/g;

/**
 * `JSON.parse`, except that an identifier written as a number too big for a double
 * (`"order_id": 12345678901234567890`) is kept as the digits written, as a string, instead of
 * being rounded into a different order.
 */
export function parseJsonText(text: string): unknown {
  // Rewriting walks every string of the body; most bodies hold no unsafe integer at all.
  return JSON.parse(holdsUnsafeInteger(text) ? bigIdsAsStrings(text) : text);
}

function holdsUnsafeInteger(text: string): boolean {
  for (const [, digits] of text.matchAll(LONG_INTEGER_AFTER_COLON)) {
    if (!Number.isSafeInteger(Number(digits))) return true;
  }
  return false;
}

/** The JSON text with each unsafe integer under an `…id` key quoted. */
export function bigIdsAsStrings(text: string): string {
  return text.replace(STRING_OR_BIG_ID, (match, digits: string | undefined) => {
    if (digits === undefined || Number.isSafeInteger(Number(digits))) return match;
    const key = match.slice(0, match.lastIndexOf(':')).trimEnd();
    return ID_KEY.test(key) ? `${match.slice(0, match.length - digits.length)}"${digits}"` : match;
  });
}

/** Which checks `checkJsonValue` makes (ingestion checks each record itself: ingest/storable-json.ts). */
export interface JsonChecks {
  surrogates: boolean;
  depth: boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * 422 naming the first place where a parsed body nests deeper than MAX_JSON_DEPTH or, with
 * `text`, holds a lone UTF-16 surrogate (`"\ud800"`: the database would store it as `?`).
 */
export function checkJsonValue(value: unknown, options: JsonChecks): void {
  const walk = (v: unknown, loc: Array<string | number>, depth: number): void => {
    if (typeof v === 'string') {
      if (options.surrogates && LONE_SURROGATE.test(v)) {
        throw new RequestValidationError([
          {
            loc,
            msg: 'String contains a lone UTF-16 surrogate (not valid Unicode text)',
            type: 'string_unicode',
          },
        ]);
      }
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    if (options.depth && depth >= MAX_JSON_DEPTH) {
      throw new RequestValidationError([
        { loc, msg: `Value nested deeper than ${MAX_JSON_DEPTH} levels`, type: 'too_deep' },
      ]);
    }
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, [...loc, i], depth + 1);
      return;
    }
    for (const [key, item] of Object.entries(v)) {
      if (options.surrogates && LONE_SURROGATE.test(key)) {
        throw new RequestValidationError([
          { loc: [...loc, key], msg: 'Key contains a lone UTF-16 surrogate', type: 'string_unicode' },
        ]);
      }
      walk(item, [...loc, key], depth + 1);
    }
  };
  walk(value, ['body'], 0);
}

/** The request's JSON body: content type checked, read within the body limit, parsed, depth checked. */
export async function readJsonBody(c: Context, options: JsonChecks): Promise<unknown> {
  requireJsonContentType(c);
  const text = await c.req.text();
  let body: unknown;
  try {
    body = parseJsonText(text);
  } catch {
    throw new RequestValidationError([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }]);
  }
  if (options.surrogates || options.depth) checkJsonValue(body, options);
  return body;
}

/** Parse the JSON body with `schema`; 422 naming the field when it does not fit. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await readJsonBody(c, { surrogates: true, depth: true });
  } catch (error) {
    if (error instanceof HttpProblem || error instanceof RequestValidationError) throw error;
    throw new RequestValidationError([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }]);
  }
  return validateBody(schema, body);
}

/** Validate an already read JSON body with `schema`; 422 naming the field when it does not fit. */
export function validateBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw RequestValidationError.fromZod(result.error, 'body');
  return result.data;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw RequestValidationError.fromZod(result.error, 'query');
  return result.data;
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

/** UTF-8 length of a string (TEXT columns hold 65,535 bytes, not characters). */
export const utf8Bytes = (value: string) => Buffer.byteLength(value, 'utf8');

/** A string that fits a TEXT column (65,535 bytes) or `max` bytes. */
export const textColumn = (max = 65_535) =>
  z.string().refine((v) => utf8Bytes(v) <= max, { message: `Text should have at most ${max} bytes (UTF-8)` });

/** An http(s) URL that fits a VARCHAR(2048) column. */
export const httpUrlColumn = (message?: string) =>
  z
    .url({ protocol: /^https?$/, ...(message && { error: message }) })
    .max(2048, 'URL should have at most 2048 characters');

/** How deep a JSON value nests (a scalar is 0), counted no further than `cap` + 1. */
export function jsonDepth(value: unknown, cap = MAX_JSON_DEPTH): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (cap < 0) return 1;
  let deepest = 0;
  for (const item of Object.values(value)) {
    deepest = Math.max(deepest, jsonDepth(item, cap - 1));
    if (deepest > cap) break;
  }
  return deepest + 1;
}

/** A JSON value stored in a JSON column or encrypted into a TEXT column: at most `maxBytes` serialized. */
export const jsonSize = (maxBytes: number) => (value: unknown) =>
  utf8Bytes(JSON.stringify(value) ?? '') <= maxBytes;
