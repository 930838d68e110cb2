import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { type Context, Hono } from 'hono';
import { CONSOLE_BUILD_DIR } from '../build-layout';

/** Where `vite build` puts the console (apps/console/dist); `RELAY_CONSOLE_DIR` overrides it. */
export const CONSOLE_DIR = process.env.RELAY_CONSOLE_DIR ?? CONSOLE_BUILD_DIR;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The console talks only to this origin; it must not be framed (its buttons flip kill switches). */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

async function fileIn(dir: string, relative: string): Promise<Buffer | undefined> {
  const path = normalize(join(dir, relative));
  if (!path.startsWith(normalize(dir.endsWith(sep) ? dir : dir + sep))) return undefined;
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * The operator console, a built single-page app, at `/console`: hashed assets cached for a
 * year, every other path answers index.html (the app routes on the client). No auth here: the
 * page holds no data, and every API call it makes signs in.
 */
export function consoleRoutes(dir: string = CONSOLE_DIR) {
  const app = new Hono();
  const index = async (c: Context) => {
    const html = await fileIn(dir, 'index.html');
    if (!html) {
      return c.text(
        'The console is not built: run `pnpm --filter @relay/console build` (pnpm build does it too).',
        404,
      );
    }
    return c.body(new Uint8Array(html), 200, {
      'content-type': TYPES['.html']!,
      'cache-control': 'no-cache',
      ...SECURITY_HEADERS,
    });
  };
  app.get('/', async (c) => {
    if (!c.req.path.endsWith('/')) return c.redirect('/console/', 301);
    return index(c);
  });
  app.get('/*', async (c) => {
    const relative = decodeURIComponent(c.req.path.replace(/^\/console\/?/, ''));
    if (relative.startsWith('assets/')) {
      const file = await fileIn(dir, relative);
      if (!file) return c.text('Not Found', 404);
      return c.body(new Uint8Array(file), 200, {
        'content-type': TYPES[extname(relative)] ?? 'application/octet-stream',
        'cache-control': 'public, max-age=31536000, immutable',
        ...SECURITY_HEADERS,
      });
    }
    return index(c);
  });
  return app;
}
