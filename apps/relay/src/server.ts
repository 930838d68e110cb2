import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** Listen on `port`; resolves once the socket is bound. */
export function listen(app: Hono, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server));
  });
}

/** Stop accepting connections and wait for open requests to finish. */
export function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
