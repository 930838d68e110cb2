import type { HttpRequest, HttpResponse } from '../adapter';
import { excerpt, safeJson } from '../outcomes';
import type { AttemptRecord, DeliveryRun } from './run';

const CONTENT_TYPES = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  raw: 'text/plain',
} as const;

/** The request's headers, with a Content-Type matching its encoding unless the adapter set one. */
export function withContentType(request: HttpRequest): Record<string, string> {
  if (request.body === undefined) return request.headers;
  const has = Object.keys(request.headers).some((h) => h.toLowerCase() === 'content-type');
  return has
    ? request.headers
    : { ...request.headers, 'content-type': CONTENT_TYPES[request.encoding ?? 'json'] };
}

/** Serialize a request body as it goes on the wire. */
export function serialize(request: HttpRequest): string | undefined {
  if (request.body === undefined) return undefined;
  switch (request.encoding ?? 'json') {
    case 'raw':
      return String(request.body);
    case 'form':
      return new URLSearchParams(
        Object.entries(request.body as Record<string, unknown>).map(([k, v]): [string, string] => [
          k,
          typeof v === 'string' ? v : JSON.stringify(v),
        ]),
      ).toString();
    default:
      return JSON.stringify(request.body);
  }
}

/**
 * The credential an adapter puts in `Authorization` (`Basic <base64 user:secret>`, `Bearer …`)
 * is a secret whatever its encoding: a platform echoing it back must not put it in an audit.
 */
function rememberAuthorization(run: DeliveryRun, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'authorization') continue;
    const token = value.trim().split(/\s+/).at(-1);
    if (token && token.length >= 8 && !run.secrets.includes(token)) run.secrets.push(token);
  }
}

/**
 * Stage "send": one HTTP attempt with the run's timeout, recorded (secrets removed) in the
 * report and through `onAttempt`. `eventIndexes` are positions in the `deliver()` input.
 * Throws the fetch error (network failure, timeout) after recording it.
 */
export async function sendOnce(
  run: DeliveryRun,
  request: HttpRequest,
  eventIndexes: number[],
): Promise<HttpResponse> {
  if (run.isolating > 0) run.isolationRequests += 1;
  rememberAuthorization(run, request.headers);
  const startedAt = run.now();
  const started = performance.now();
  const body = serialize(request);
  const record = (status: number | undefined, response: string) => {
    const attempt: AttemptRecord = {
      method: request.method,
      url: run.redact(request.url),
      eventIndexes,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      response: run.redact(excerpt(response, 2000)),
      requestBody: run.redact(excerpt(body ?? '', 2000)),
    };
    if (status !== undefined) attempt.status = status;
    run.attempts.push(attempt);
    run.opts.onAttempt?.(attempt);
  };
  try {
    const res = await run.fetch(request.url, {
      method: request.method,
      headers: withContentType(request),
      body,
      signal: AbortSignal.timeout(run.opts.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    record(res.status, text);
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k.toLowerCase()] = v;
    });
    return { status: res.status, headers, body: text, json: safeJson(text) };
  } catch (error) {
    record(undefined, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    throw error;
  }
}
