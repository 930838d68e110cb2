import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type EventFailure,
  type PartialFailure,
  type Reply,
  type SimulatedRequestView,
  TOKEN_PATH,
  TOKEN_REPLY,
  behaviourOf,
  eventsOf,
} from './platforms';

/** A request as the simulator received it. */
export interface SimulatorRequest {
  /** Platform code: the first path segment (`meta_capi` in `/meta_capi/v25.0/1/events`). */
  platform: string;
  method: string;
  /** Path after the platform prefix, with a leading `/`. */
  path: string;
  /** Full request target as received (prefix, path and query). */
  url: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Raw body text. */
  body: string;
  /** Body parsed as JSON, or form fields for `application/x-www-form-urlencoded`; else `undefined`. */
  json: unknown;
  receivedAt: Date;
  /** What the simulator answered: an HTTP status, or `reset` when it destroyed the connection. */
  answered?: number | 'reset';
}

/**
 * One scripted answer: a status (answered in the platform's own shape: its success body for
 * 2xx, its error body otherwise, `Retry-After: 1` on 429), `'reset'` to destroy the connection,
 * or an object for full control.
 */
export type ScriptedResponse =
  | number
  | 'reset'
  | {
      status?: number;
      /** Replaces the platform's body (objects are sent as JSON). */
      body?: unknown;
      headers?: Record<string, string>;
      /** Message inside the platform's error shape (default "Simulated <status>"). */
      message?: string;
      /** `Retry-After` header value in seconds (429 and 503). */
      retryAfter?: number | string;
      /** Wait this long before answering. */
      delayMs?: number;
      /** Destroy the socket instead of answering (after `delayMs`). */
      reset?: boolean;
      /** Answer 2xx in the platform's partial-failure shape, with these event indexes failed. */
      partial?: PartialFailure;
    };

/** Which requests a script applies to. */
export type RequestMatcher = string | ((request: SimulatorRequest) => boolean);

export interface ScriptOptions {
  /** Keep answering with the last response once the list is used up (default: back to normal). */
  repeatLast?: boolean;
}

export interface Scenario extends ScriptOptions {
  match: RequestMatcher;
  responses: ScriptedResponse[];
}

export interface SimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Scripts installed at start (and again after `reset()`). */
  scenarios?: Scenario[];
  /** Called after each request is answered (the CLI logs with it). */
  onRequest?: (request: SimulatorRequest) => void;
}

export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:43123`; point a destination at `${url}/<platform code>`. */
  url: string;
  port: number;
  /** Every request received, in order. */
  received: SimulatorRequest[];
  /** The requests received for one platform code. */
  receivedBy(platform: string): SimulatorRequest[];
  /**
   * Script the next answers for matching requests. `match` is a platform code (`meta_capi`),
   * a path prefix including the platform (`meta_capi/v25.0/123/events`), or a predicate.
   * Scripts are consumed in the order they were added.
   */
  script(match: RequestMatcher, responses: ScriptedResponse[], options?: ScriptOptions): void;
  /**
   * All-or-nothing mode: a request to `platform` whose events include one that breaks `rule`
   * (which returns the platform's message for a bad event, else `undefined`) is refused as a
   * whole, in the platform's own shape (`refuseAll`); nothing in it counts as received.
   * Requests whose events all pass are answered as usual.
   */
  refuseWholeRequests(platform: string, rule: (event: unknown, index: number) => string | undefined): void;
  /** Events the simulator accepted per platform (requests answered 2xx), in order. */
  acceptedEvents(platform: string): unknown[];
  /** Forget received requests and scripts (the start-up scenarios are installed again). */
  reset(): void;
  stop(): Promise<void>;
}

interface ActiveScript extends Scenario {
  used: number;
}

function matches(match: RequestMatcher, request: SimulatorRequest): boolean {
  if (typeof match === 'function') return match(request);
  const target = match.replace(/^\/+/, '');
  if (!target.includes('/')) return request.platform === target;
  return `${request.platform}${request.path}`.startsWith(target);
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The platform's normal answer to a request: a route's success, a token, or a 404 in its shape. */
function normalReply(request: SimulatorRequest, view: SimulatedRequestView): Reply {
  if (request.method === 'POST' && TOKEN_PATH.test(request.path)) return TOKEN_REPLY;
  const behaviour = behaviourOf(request.platform);
  const route = behaviour.routes.find(
    (r) => (r.method === '*' || r.method === request.method) && r.pattern.test(request.path),
  );
  if (route) return route.success(view);
  return behaviour.error(
    404,
    `Simulator: ${behaviour.name} has no route for ${request.method} ${request.path}`,
    view,
  );
}

/** The reply for a scripted status or object, in the platform's own shapes. */
function scriptedReply(
  scripted: Exclude<ScriptedResponse, 'reset'>,
  request: SimulatorRequest,
  view: SimulatedRequestView,
): Reply {
  const spec = typeof scripted === 'number' ? { status: scripted } : scripted;
  const behaviour = behaviourOf(request.platform);
  const status = spec.status ?? (spec.partial ? 200 : normalReply(request, view).status);
  let reply: Reply;
  if (spec.partial && behaviour.partial) reply = behaviour.partial(view, spec.partial);
  else if (status >= 200 && status < 300) reply = { ...normalReply(request, view), status };
  else reply = behaviour.error(status, spec.message ?? `Simulated ${status}`, view);
  if (spec.body !== undefined) reply = { ...reply, body: spec.body };
  const headers = { ...reply.headers, ...spec.headers };
  const retryAfter = spec.retryAfter ?? (status === 429 ? 1 : undefined);
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return { ...reply, headers };
}

function write(res: ServerResponse, reply: Reply): void {
  const noBody = reply.status === 204 || reply.status === 304 || reply.body === undefined;
  const text = noBody ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  const headers: Record<string, string> = { ...reply.headers };
  if (!noBody && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/json';
  if (!noBody) headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers);
  res.end(noBody ? undefined : text);
}

/**
 * Start a local HTTP server that answers like the ad and analytics platforms. The first path
 * segment names the platform, the rest is matched against that platform's routes, so an
 * adapter whose default base URL is `https://graph.facebook.com` works unchanged with
 * `baseUrl: \`${sim.url}/meta_capi\``. Unknown platform codes get a generic 200.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const received: SimulatorRequest[] = [];
  let scripts: ActiveScript[] = [];
  const rules = new Map<string, (event: unknown, index: number) => string | undefined>();

  /** The platform's whole-request refusal when some event breaks its rule, else `undefined`. */
  const refusal = (request: SimulatorRequest, view: SimulatedRequestView): Reply | undefined => {
    const rule = rules.get(request.platform);
    if (!rule || TOKEN_PATH.test(request.path)) return undefined;
    const failures: EventFailure[] = (eventsOf(request.json) ?? []).flatMap((event, index) => {
      const message = rule(event, index);
      return message === undefined ? [] : [{ index, message }];
    });
    if (failures.length === 0) return undefined;
    const behaviour = behaviourOf(request.platform);
    return behaviour.refuseAll?.(view, failures) ?? behaviour.error(400, failures[0]!.message, view);
  };
  const install = (scenario: Scenario) => scripts.push({ ...scenario, used: 0 });
  for (const scenario of options.scenarios ?? []) install(scenario);

  const nextScripted = (request: SimulatorRequest): ScriptedResponse | undefined => {
    for (const script of scripts) {
      if (!matches(script.match, request)) continue;
      if (script.used < script.responses.length) return script.responses[script.used++];
      if (script.repeatLast && script.responses.length > 0) return script.responses.at(-1);
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? '/', 'http://simulator');
    const [, platform = '', ...rest] = target.pathname.split('/');
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const body = await readBody(req);
    const request: SimulatorRequest = {
      platform: decodeURIComponent(platform),
      method: (req.method ?? 'GET').toUpperCase(),
      path: `/${rest.join('/')}`,
      url: req.url ?? '/',
      query: Object.fromEntries(target.searchParams),
      headers,
      body,
      json: parseBody(body, headers['content-type']),
      receivedAt: new Date(),
    };
    received.push(request);
    const view: SimulatedRequestView = {
      method: request.method,
      path: request.path,
      query: request.query,
      headers,
      json: request.json,
      seq: received.length,
    };
    const refused = refusal(request, view);
    if (refused) {
      request.answered = refused.status;
      write(res, refused);
      options.onRequest?.(request);
      return;
    }
    const scripted = nextScripted(request);
    const spec = typeof scripted === 'object' ? scripted : undefined;
    if (spec?.delayMs) await sleep(spec.delayMs);
    if (scripted === 'reset' || spec?.reset) {
      request.answered = 'reset';
      req.socket.destroy();
    } else {
      const reply =
        scripted === undefined ? normalReply(request, view) : scriptedReply(scripted, request, view);
      request.answered = reply.status;
      write(res, reply);
    }
    options.onRequest?.(request);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) write(res, { status: 500, body: { error: 'simulator failure' } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    port,
    received,
    receivedBy: (platform) => received.filter((r) => r.platform === platform),
    script: (match, responses, scriptOptions = {}) => install({ match, responses, ...scriptOptions }),
    refuseWholeRequests: (platform, rule) => void rules.set(platform, rule),
    acceptedEvents: (platform) =>
      received
        .filter((r) => r.platform === platform && typeof r.answered === 'number' && r.answered < 300)
        .flatMap((r) => (TOKEN_PATH.test(r.path) ? [] : (eventsOf(r.json) ?? []))),
    reset: () => {
      received.length = 0;
      rules.clear();
      scripts = [];
      for (const scenario of options.scenarios ?? []) install(scenario);
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
