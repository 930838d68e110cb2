import type { Db } from './client';

/** What the audit log says was changed: a resource of the admin API, or a set of deliveries. */
export type AuditResource =
  | 'storefront'
  | 'sgtm_config'
  | 'platform'
  | 'credential'
  | 'event'
  | 'deliveries'
  | string;

export interface AuditEntry {
  actor: string;
  action: string;
  resource_type: AuditResource;
  resource_id: string | null;
  method: string;
  path: string;
  request_id: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: string;
}

/** Shown in place of a secret. */
export const MASK = '••••••';

const SECRET_KEY = /secret|password|passwd|token|api[_-]?key|private|credentials?$|authorization|headers/i;

/** A copy of `value` with every secret-looking key's value replaced by the mask (any depth). */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) && v !== null && v !== undefined && v !== false ? MASK : maskSecrets(v),
      ]),
    );
  }
  return value;
}

export async function writeAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actor: entry.actor.slice(0, 255),
      action: entry.action.slice(0, 32),
      resourceType: entry.resource_type.slice(0, 32),
      resourceId: entry.resource_id?.slice(0, 64) ?? null,
      method: entry.method.slice(0, 8),
      path: entry.path.slice(0, 2048),
      requestId: entry.request_id?.slice(0, 64) ?? null,
      ...(entry.before !== undefined && entry.before !== null && { before: entry.before as object }),
      ...(entry.after !== undefined && entry.after !== null && { after: entry.after as object }),
    },
  });
}

export interface AuditQuery {
  actor?: string;
  resource_type?: string;
  resource_id?: string;
  before_id?: bigint;
  limit: number;
}

/** Newest first, keyset-paginated on the id. */
export async function listAuditEntries(
  db: Db,
  q: AuditQuery,
): Promise<{ items: AuditRow[]; next_cursor: string | null }> {
  const rows = await db.auditLog.findMany({
    where: {
      ...(q.actor !== undefined && { actor: q.actor }),
      ...(q.resource_type !== undefined && { resourceType: q.resource_type }),
      ...(q.resource_id !== undefined && { resourceId: q.resource_id }),
      ...(q.before_id !== undefined && { id: { lt: q.before_id } }),
    },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      resource_type: r.resourceType,
      resource_id: r.resourceId,
      method: r.method,
      path: r.path,
      request_id: r.requestId,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    next_cursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/**
 * The stored state of one admin resource, secrets masked: a credential's encrypted blob shows
 * as the mask plus a fingerprint of the ciphertext, so before → after tells whether the secret
 * was replaced without revealing it. `undefined` when the row does not exist.
 */
export async function snapshotResource(db: Db, type: AuditResource, id: number): Promise<unknown> {
  switch (type) {
    case 'storefront': {
      const s = await db.storefront.findUnique({ where: { id } });
      return (
        s && {
          storefront_id: s.code,
          name: s.name,
          domain: s.domain,
          description: s.description,
          is_active: s.isActive,
        }
      );
    }
    case 'platform': {
      const p = await db.platform.findUnique({ where: { id } });
      return (
        p && {
          platform_code: p.code,
          name: p.name,
          category: p.category,
          tier: p.tier,
          auth_type: p.authType,
          api_base_url: p.apiBaseUrl,
          is_active: p.isActive,
        }
      );
    }
    case 'credential': {
      const c = await db.credential.findUnique({ where: { id } });
      return (
        c && {
          storefront_id: c.storefrontId,
          platform_id: c.platformId,
          destination_type: c.destinationType,
          pixel_id: c.pixelId,
          account_id: c.accountId,
          base_url: c.baseUrl,
          token_url: c.tokenUrl,
          options: maskSecrets(c.options ?? null),
          is_active: c.isActive,
          credentials: secretMark(c.credentialsEncrypted),
        }
      );
    }
    case 'sgtm_config': {
      const g = await db.sgtmConfig.findUnique({ where: { id } });
      return (
        g && {
          storefront_id: g.storefrontId,
          sgtm_url: g.sgtmUrl,
          client_type: g.clientType,
          container_id: g.containerId,
          measurement_id: g.measurementId,
          custom_endpoint_path: g.customEndpointPath,
          api_secret: secretMark(g.apiSecretEncrypted),
          custom_headers: secretMark(g.customHeadersEncrypted),
          is_active: g.isActive,
        }
      );
    }
    default:
      return undefined;
  }
}

/** The mask and the last 6 characters of the Fernet token: changes whenever the secret is re-written. */
function secretMark(ciphertext: string | null): string | null {
  return ciphertext === null ? null : `${MASK} (version …${ciphertext.slice(-6)})`;
}
