/** A request as the mock fetch saw it: URL, method, lower-cased headers, and the body parsed when JSON. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  json: unknown;
}

export interface MockReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type MockHandler = (
  request: RecordedRequest,
  callIndex: number,
) => MockReply | Error | Promise<MockReply | Error>;

export interface MockFetch {
  fetch: typeof fetch;
  calls: RecordedRequest[];
}

/**
 * A `fetch` that records every request and answers with `handler` (default: 200 `{}`).
 * Returning an `Error` makes the call reject with it (socket errors: give it a `code`).
 */
export function mockFetch(handler: MockHandler = () => ({ status: 200, body: {} })): MockFetch {
  const calls: RecordedRequest[] = [];
  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const body = typeof init.body === 'string' ? init.body : init.body == null ? '' : String(init.body);
    let json: unknown;
    try {
      json = body === '' ? undefined : JSON.parse(body);
    } catch {
      json = undefined;
    }
    const recorded: RecordedRequest = { url, method: init.method ?? 'GET', headers, body, json };
    calls.push(recorded);
    const reply = await handler(recorded, calls.length - 1);
    if (reply instanceof Error) throw reply;
    const text =
      reply.body === undefined
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body);
    const status = reply.status ?? 200;
    // 204/205/304 responses cannot carry a body.
    return new Response(status === 204 || status === 205 || status === 304 ? null : text, {
      status,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

/** A socket error as undici reports it (`TypeError: fetch failed` with a coded cause). */
export function socketError(code = 'ECONNRESET'): Error {
  const cause = Object.assign(new Error(`socket ${code}`), { code });
  return new TypeError('fetch failed', { cause });
}

/** Answer each call with the next reply of `replies`, then keep answering with the last one. */
export function scripted(...replies: Array<MockReply | Error>): MockHandler {
  return (_request, index) => replies[Math.min(index, replies.length - 1)]!;
}
