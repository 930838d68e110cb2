import type { MiddlewareHandler } from 'hono';
import { BodyTooLargeError } from './problems';

/**
 * Cut request bodies at `limitFor(path)` bytes while they stream in: a declared
 * Content-Length over the limit is refused before reading anything, and a chunked body is
 * counted chunk by chunk and stops being read at the first byte over the limit (the handler's
 * read then throws BodyTooLargeError → 413). Nothing over the limit is ever held in memory.
 */
export function bodyLimit(limitFor: (path: string) => number): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (raw.body === null || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limit = limitFor(c.req.path);
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > limit) throw new BodyTooLargeError(limit);
    const reader = raw.body.getReader();
    let seen = 0;
    const limited = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        seen += value.byteLength;
        if (seen > limit) {
          // Stop reading: the rest stays in the socket and is discarded when the 413 closes it.
          reader.releaseLock();
          controller.error(new BodyTooLargeError(limit));
          return;
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    c.req.raw = new Request(raw, { body: limited, duplex: 'half' } as RequestInit);
    await next();
    if (c.res.status === 413) c.header('Connection', 'close');
  };
}
