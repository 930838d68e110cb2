import { type ServerType, serve } from '@hono/node-server';

/** Anything with Hono's `fetch` (a `Hono` or an `OpenAPIHono`). */
export interface FetchApp {
  fetch(request: Request, env?: object): Response | Promise<Response>;
}

/** Listen on `port`; resolves once the socket is bound. */
export function listen(app: FetchApp, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: (request, env) => app.fetch(request, env), port, hostname }, () =>
      resolve(server),
    );
  });
}

/** Stop accepting connections and wait for open requests to finish. */
export function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
