import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import { RequestValidationError } from './problems';
import { parseBody, parseQuery, validateBody } from './validate';

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;
type Request<R extends RouteConfig> = NonNullable<R['request']>;
type JsonSchemaOf<R extends RouteConfig> =
  Request<R> extends {
    body?: { content: { 'application/json': { schema: infer S } } };
  }
    ? S
    : undefined;

/** What a handler receives: the request's parts, already validated by the route's own schemas. */
export interface RouteInput<R extends RouteConfig> {
  params: Output<Request<R>['params']>;
  query: Output<Request<R>['query']>;
  body: Output<JsonSchemaOf<R>>;
}

export type RouteHandler<R extends RouteConfig> = (
  c: Context,
  input: RouteInput<R>,
) => Response | Promise<Response>;

export interface RouteOptions {
  /**
   * Reads the raw JSON body in place of `parseBody`'s reader (content type, surrogate and depth
   * checks); the route's body schema still validates what it returns. For a route whose contract
   * reads the body its own way: `POST /v1/events` answers 413 for too many records before any
   * field is checked, and checks each record's stored JSON itself.
   */
  readBody?: (c: Context) => Promise<unknown>;
}

/** A router whose routes are described in the OpenAPI document (`app.route()` merges them into the parent's). */
export const openApiRouter = () => new OpenAPIHono();

/**
 * Serve `route` and describe it in the OpenAPI document from the same definition: the params, query and
 * JSON body schemas declared in `route.request` are the ones the request is validated with, in that order,
 * and a request that does not fit gets the 422 `{detail: [{loc, msg, type}]}` naming the field
 * (src/http/validate.ts), exactly like a hand-validated route.
 */
export function defineRoute<R extends RouteConfig>(
  app: OpenAPIHono,
  route: R,
  handler: RouteHandler<R>,
  options: RouteOptions = {},
): void {
  app.openAPIRegistry.registerPath(route);
  const request = route.request;
  const bodySchema = (request?.body?.content?.['application/json'] as { schema?: unknown } | undefined)
    ?.schema;
  app.on(route.method.toUpperCase(), route.path.replaceAll(/\{(.+?)\}/g, ':$1'), async (c) => {
    const params = request?.params ? parsePath(c, request.params as z.ZodType) : undefined;
    const query = request?.query ? parseQuery(c, request.query as z.ZodType) : undefined;
    const body = bodySchema ? await bodyOf(c, bodySchema as z.ZodType, options) : undefined;
    return handler(c, { params, query, body } as RouteInput<R>);
  });
}

async function bodyOf(c: Context, schema: z.ZodType, { readBody }: RouteOptions): Promise<unknown> {
  return readBody ? validateBody(schema, await readBody(c)) : parseBody(c, schema);
}

/** Path parameters are integer ids: any that does not fit is reported as FastAPI's `int_parsing`. */
function parsePath<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.param());
  if (!result.success) {
    throw new RequestValidationError(
      result.error.issues.map((issue) => ({
        loc: ['path', ...issue.path.map(String)],
        msg: 'Input should be a valid integer',
        type: 'int_parsing',
      })),
    );
  }
  return result.data;
}
