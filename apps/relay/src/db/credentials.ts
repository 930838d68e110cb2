import type { Credential } from '../generated/prisma/client';
import type { Db } from './client';
import type { Page } from './storefronts';

/** The `credentials` table (configuration): the only module that writes it. */

export type { Credential };

export type DestinationType = 'sgtm' | 'direct';

export interface CredentialInput {
  storefrontId: number;
  platformId: number;
  /** The Fernet token of the credentials JSON. */
  credentialsEncrypted: string;
  destinationType: DestinationType;
  pixelId: string | null;
  accountId: string | null;
  baseUrl: string | null;
  /** The OAuth token endpoint; null means the adapter's own (`baseUrl` never moves it). */
  tokenUrl: string | null;
  options: object | null;
  isActive: boolean;
  /** The destination's privacy lists (docs/privacy.md); absent keeps the stored value. */
  privacy?: object;
}

/** A partial update: fields left undefined are not touched (`options: null` neither, as before). */
export type CredentialChanges = Partial<CredentialInput>;

export async function listCredentials(
  db: Db,
  filter: { isActive?: boolean; storefrontId?: number; platformId?: number },
  page: Page,
): Promise<{ items: Credential[]; total: number }> {
  const where = {
    ...(filter.isActive !== undefined && { isActive: filter.isActive }),
    ...(filter.storefrontId !== undefined && { storefrontId: filter.storefrontId }),
    ...(filter.platformId !== undefined && { platformId: filter.platformId }),
  };
  const [items, total] = await Promise.all([
    db.credential.findMany({ where, skip: page.skip, take: page.limit, orderBy: { id: 'asc' } }),
    db.credential.count({ where }),
  ]);
  return { items, total };
}

export const findCredential = (db: Db, id: number) => db.credential.findUnique({ where: { id } });

/** A storefront's credential for a platform (at most one). */
export const findCredentialFor = (db: Db, storefrontId: number, platformId: number) =>
  db.credential.findUnique({ where: { storefrontId_platformId: { storefrontId, platformId } } });

export function createCredential(db: Db, input: CredentialInput) {
  const { options, ...rest } = input;
  return db.credential.create({ data: { ...rest, ...(options !== null && { options }) } });
}

/** Any update clears a pause: the operator has looked at the credential (the caller resumes its deliveries). */
export function updateCredential(db: Db, id: number, changes: CredentialChanges) {
  const { options, ...rest } = changes;
  return db.credential.update({
    where: { id },
    data: { ...rest, ...(options != null && { options }), pausedAt: null, pauseReason: null },
  });
}

/**
 * Pause a credential the platform refused, unless it was edited since the worker read it
 * (`seenUpdatedAt`): a fix that raced the refusal wins. `updated_at` is left as it is. Returns
 * whether the credential is now paused (by this call or an earlier one).
 */
export async function pauseCredential(
  db: Db,
  id: number,
  seenUpdatedAt: Date,
  reason: string,
): Promise<boolean> {
  await db.$executeRaw`UPDATE credentials SET paused_at = COALESCE(paused_at, NOW(3)),
      pause_reason = COALESCE(pause_reason, ${reason.slice(0, 2000)}), updated_at = updated_at
    WHERE id = ${id} AND updated_at = ${seenUpdatedAt}`;
  const row = await db.credential.findUnique({ where: { id }, select: { pausedAt: true } });
  return row?.pausedAt != null;
}

/** The paused credentials with their platform code (the `/metrics` gauge). */
export const pausedCredentials = (db: Db) =>
  db.credential.findMany({
    where: { pausedAt: { not: null } },
    select: { id: true, pausedAt: true, platform: { select: { code: true } } },
  });

export async function deleteCredential(db: Db, id: number): Promise<boolean> {
  return (await db.credential.deleteMany({ where: { id } })).count > 0;
}

/** Credentials with their platform, for sending. */
export const credentialsWithPlatform = (db: Db, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.credential.findMany({ where: { id: { in: [...ids] } }, include: { platform: true } });

/**
 * The credentials of some storefronts as the worker sends with them (one read per claim): the
 * kill-switch columns and what sending needs (secrets, options, URLs, privacy, pause state).
 */
export const credentialsForSending = (db: Db, storefrontIds: readonly number[]) =>
  storefrontIds.length === 0
    ? Promise.resolve([])
    : db.credential.findMany({
        where: { storefrontId: { in: [...storefrontIds] } },
        select: {
          id: true,
          storefrontId: true,
          platformId: true,
          isActive: true,
          destinationType: true,
          credentialsEncrypted: true,
          options: true,
          baseUrl: true,
          tokenUrl: true,
          privacy: true,
          updatedAt: true,
          pausedAt: true,
          pauseReason: true,
        },
      });

/** The kill-switch view of the credentials of some storefronts (routing). */
export const credentialSwitches = (db: Db, storefrontIds: readonly number[]) =>
  storefrontIds.length === 0
    ? Promise.resolve([])
    : db.credential.findMany({
        where: { storefrontId: { in: [...storefrontIds] } },
        select: { id: true, storefrontId: true, platformId: true, isActive: true, destinationType: true },
      });

/** Every credential's encrypted column (key rotation). */
export const credentialSecrets = (db: Db) =>
  db.credential.findMany({ select: { id: true, credentialsEncrypted: true } });

/**
 * Replace a credential's token, guarded by its old value (a concurrent edit wins). Returns
 * whether the row was updated.
 */
export async function replaceCredentialSecret(
  db: Db,
  id: number,
  from: string,
  to: string,
): Promise<boolean> {
  const { count } = await db.credential.updateMany({
    where: { id, credentialsEncrypted: from },
    data: { credentialsEncrypted: to },
  });
  return count > 0;
}
