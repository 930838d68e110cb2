import type { Context, MiddlewareHandler } from 'hono';
import type { RelayConfig } from '../config';
import type { Db } from '../db/client';
import { BASIC_CHALLENGE, parseBasicAuth } from '../http/basic-auth';
import type { Logger } from '../log';
import { Authenticator } from './authenticator';
import { clientAddress, trustedProxies } from './client-address';
import { LoginLimiter } from './login-limiter';
import { type Role, isRole, requiredRole, roleAtLeast } from './roles';

/** Clients that draw their own login form send `X-Relay-Client: console` and get no Basic challenge. */
const wantsChallenge = (c: Context) => c.req.header('x-relay-client')?.trim().toLowerCase() !== 'console';

/** The socket's peer as @hono/node-server passes it (`undefined` under `app.request`). */
const peerOf = (c: Context): string | undefined =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;

function unauthorized(c: Context) {
  if (wantsChallenge(c)) c.header('WWW-Authenticate', BASIC_CHALLENGE);
  return c.json({ detail: 'Invalid authentication credentials' }, 401);
}

function throttled(c: Context, seconds: number) {
  c.header('Retry-After', String(seconds));
  return c.json(
    {
      error_code: 'TOO_MANY_FAILED_LOGINS',
      message: `Too many failed logins from this address for this username; retry in ${seconds} s`,
      details: { retry_after: seconds },
      detail: 'Too many failed logins',
    },
    429,
  );
}

export interface Security {
  /** 401 unless the request carries valid credentials for `/v1` (`ingest`) or `/admin` (`admin`); sets `c.get('account')`. */
  authenticate(kind: 'ingest' | 'admin'): MiddlewareHandler;
  /** 403 unless the account's role reaches the route's (roles.ts); redacts personal data for viewers. */
  authorize(): MiddlewareHandler;
  limiter: LoginLimiter;
}

export function createSecurity(config: RelayConfig, db: Db, logger: Logger): Security {
  const authenticator = new Authenticator(config, db, logger);
  const limiter = new LoginLimiter({ maxFailures: config.LOGIN_MAX_FAILURES, windowMs: config.LOGIN_WINDOW });
  const trusted = trustedProxies(config.TRUSTED_PROXIES);

  const authenticate =
    (kind: 'ingest' | 'admin'): MiddlewareHandler =>
    async (c, next) => {
      const given = parseBasicAuth(c.req.header('authorization'));
      if (!given) return unauthorized(c);
      const address = clientAddress(peerOf(c), c.req.header('x-forwarded-for'), trusted);
      const blocked = limiter.retryAfter(address, given.username);
      if (blocked > 0) return throttled(c, blocked);
      const account = kind === 'ingest' ? authenticator.ingest(given) : await authenticator.admin(given);
      if (!account) {
        const wait = limiter.fail(address, given.username);
        logger.warn('failed login', { address, username: given.username.slice(0, 64), area: kind });
        return wait > 0 ? throttled(c, wait) : unauthorized(c);
      }
      limiter.succeed(address, given.username);
      c.set('account', account);
      await next();
    };

  const authorize = (): MiddlewareHandler => async (c, next) => {
    const account = c.get('account');
    const role: Role | undefined = account && isRole(account.role) ? account.role : undefined;
    const decrypt = /^(true|1)$/.test(c.req.query('decrypt') ?? '');
    const body =
      c.req.method === 'PUT' && role === 'operator' ? await c.req.json().catch(() => undefined) : undefined;
    const needed = requiredRole({ method: c.req.method, path: c.req.path, decrypt, body });
    if (!role || !roleAtLeast(role, needed)) {
      return c.json(
        {
          error_code: 'FORBIDDEN',
          message: `${c.req.method} ${c.req.path}${decrypt ? '?decrypt=true' : ''} needs the ${needed} role; ${account?.name ?? 'this client'} is ${role ?? 'not an admin account'}`,
          details: { required_role: needed, role: role ?? null },
          detail: 'Forbidden',
        },
        403,
      );
    }
    await next();
    if (
      role === 'viewer' &&
      c.req.method === 'GET' &&
      /^\/admin\/v1\/events\/[^/]+$/.test(c.req.path) &&
      c.res.status === 200
    ) {
      c.res = c.json(redactEventForViewer((await c.res.json()) as Record<string, unknown>), 200);
    }
  };

  return { authenticate, authorize, limiter };
}

/** An event as a viewer sees it: no payload (customer data), no platform request/response excerpts. */
export function redactEventForViewer(event: Record<string, unknown>): Record<string, unknown> {
  const deliveries = Array.isArray(event.deliveries) ? event.deliveries : [];
  return {
    ...event,
    payload: null,
    redacted: true,
    deliveries: deliveries.map((d: Record<string, unknown>) => ({
      ...d,
      attempt_log: (Array.isArray(d.attempt_log) ? d.attempt_log : []).map((a: Record<string, unknown>) => ({
        ...a,
        url: null,
        request_excerpt: null,
        response_excerpt: null,
      })),
    })),
  };
}
