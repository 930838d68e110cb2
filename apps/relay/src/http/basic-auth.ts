import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export interface BasicAuthOptions {
  username: string;
  password: string;
  realm?: string;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * HTTP Basic auth compared in constant time: both sides are hashed once to fixed-length
 * digests (synchronously; the expected digest is computed once) and compared with
 * `timingSafeEqual`. Missing or wrong credentials → 401 with `WWW-Authenticate`.
 */
export function basicAuth(options: BasicAuthOptions): MiddlewareHandler {
  const expected = digest(`${options.username}:${options.password}`);
  const challenge = `Basic realm="${options.realm ?? 'relay'}", charset="UTF-8"`;
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
    const given = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
    if (!match || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', challenge);
      return c.json({ detail: 'Invalid authentication credentials' }, 401);
    }
    await next();
  };
}
