import type { MultiFernet } from '@relay/core';
import type { Db } from '../db/client';

export interface RotateResult {
  credentials: number;
  sgtmSecrets: number;
}

/**
 * Re-encrypt every stored secret with the first key of `ENCRYPTION_KEY` (keeping each token's
 * timestamp, as Python's MultiFernet.rotate does). Run after putting a new key first; remove the
 * old key once this finished. Each row is updated in its own statement, guarded by its old value.
 */
export async function rotateKeys(db: Db, cipher: MultiFernet): Promise<RotateResult> {
  const result: RotateResult = { credentials: 0, sgtmSecrets: 0 };
  for (const row of await db.credential.findMany({ select: { id: true, credentialsEncrypted: true } })) {
    const rotated = cipher.rotate(row.credentialsEncrypted);
    const { count } = await db.credential.updateMany({
      where: { id: row.id, credentialsEncrypted: row.credentialsEncrypted },
      data: { credentialsEncrypted: rotated },
    });
    result.credentials += count;
  }
  for (const row of await db.sgtmConfig.findMany()) {
    const data = {
      ...(row.apiSecretEncrypted && { apiSecretEncrypted: cipher.rotate(row.apiSecretEncrypted) }),
      ...(row.customHeadersEncrypted && {
        customHeadersEncrypted: cipher.rotate(row.customHeadersEncrypted),
      }),
    };
    if (Object.keys(data).length === 0) continue;
    const { count } = await db.sgtmConfig.updateMany({
      where: {
        id: row.id,
        apiSecretEncrypted: row.apiSecretEncrypted,
        customHeadersEncrypted: row.customHeadersEncrypted,
      },
      data,
    });
    result.sgtmSecrets += count;
  }
  return result;
}
