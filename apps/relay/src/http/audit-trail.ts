import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/client';
import type { Logger } from '../log';
import { type AuditResource, maskSecrets, snapshotResource, writeAuditEntry } from '../db/audit-log';

/** Admin collections whose rows the audit log snapshots before and after a change. */
const RESOURCES: Record<string, AuditResource> = {
  storefronts: 'storefront',
  'sgtm-configs': 'sgtm_config',
  platforms: 'platform',
  credentials: 'credential',
};

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Target {
  type: AuditResource;
  /** Row id when the path names one; a create learns it from the response. */
  id: number | undefined;
  action: string;
  snapshots: boolean;
}

/** What a mutation under /admin/v1 changes, from its method and path. */
export function auditTarget(method: string, path: string): Target {
  const parts = path
    .replace(/^\/admin\/v1\/?/, '')
    .split('/')
    .filter(Boolean);
  const [collection = '', rawId, verb] = parts;
  const id = rawId !== undefined && /^\d{1,10}$/.test(rawId) ? Number(rawId) : undefined;
  const type = RESOURCES[collection];
  if (type) {
    const action =
      method === 'POST' && id === undefined ? 'create' : method === 'DELETE' ? 'delete' : 'update';
    return { type, id, action, snapshots: verb === undefined };
  }
  if (collection === 'events' && verb === 'replay')
    return { type: 'event', id, action: 'replay', snapshots: false };
  if (verb === 'replay' || rawId === 'replay')
    return { type: 'deliveries', id: undefined, action: 'replay', snapshots: false };
  return {
    type: collection.replace(/-/g, '_'),
    id,
    action: method === 'DELETE' ? 'delete' : method === 'POST' && id === undefined ? 'create' : 'update',
    snapshots: false,
  };
}

/**
 * The account that made the request: the name the auth middleware put on the context when
 * it did (`account`), else the Basic username.
 */
export function actorOf(c: Context): string {
  const account = (c.get as (key: string) => unknown)('account') as { name?: unknown } | string | undefined;
  if (typeof account === 'string') return account;
  if (account && typeof account.name === 'string') return account.name;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec((c.req.header('authorization') ?? '').trim());
  if (!match) return 'unknown';
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? decoded : decoded.slice(0, colon);
}

async function jsonOf(res: Response | Request): Promise<unknown> {
  if (!(res.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    return await res.clone().json();
  } catch {
    return undefined;
  }
}

/**
 * Writes one audit_log row for every admin mutation that succeeded (2xx): who, when, what,
 * and the resource before → after with secrets masked. Replays record their filter and how
 * many deliveries they reset. A failed request changes nothing and is not logged.
 */
export function auditTrail(db: Db, logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    // A preview (POST …/preview) changes nothing and its records may carry personal data: not logged.
    if (!MUTATIONS.has(c.req.method) || c.req.path.endsWith('/preview')) return next();
    const target = auditTarget(c.req.method, c.req.path);
    const before =
      target.snapshots && target.id !== undefined
        ? await snapshotResource(db, target.type, target.id)
        : undefined;
    const requestBody = target.snapshots ? undefined : await jsonOf(c.req.raw);
    await next();
    if (c.res.status < 200 || c.res.status >= 300) return;
    const response = await jsonOf(c.res);
    const id =
      target.id ??
      (response && typeof response === 'object' && typeof (response as { id?: unknown }).id === 'number'
        ? (response as { id: number }).id
        : undefined);
    let after: unknown;
    if (target.snapshots) {
      after =
        target.action === 'delete' || id === undefined
          ? undefined
          : await snapshotResource(db, target.type, id);
    } else {
      after = maskSecrets({ request: requestBody ?? null, response: response ?? null });
    }
    const entry = {
      actor: actorOf(c),
      action: target.action,
      resource_type: target.type,
      resource_id: id === undefined ? null : String(id),
      method: c.req.method,
      path: c.req.path,
      request_id: c.res.headers.get('x-request-id'),
      before: before ?? null,
      after: after ?? null,
    };
    try {
      await writeAuditEntry(db, entry);
    } catch (error) {
      // The change is made: answering 500 now would tell the client it was not.
      logger.error('audit log write failed', {
        ...entry,
        before: undefined,
        after: undefined,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
}
