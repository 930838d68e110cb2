import type { MultiFernet } from '@relay/core';
import type { Db } from '../db/client';
import { credentialSecrets, replaceCredentialSecret } from '../db/credentials';
import { replaceSgtmSecrets, sgtmSecrets } from '../db/sgtm-configs';
import { replaceStorefrontPseudonymKey, storefrontPseudonymKeys } from '../db/storefronts';

export interface RotateResult {
  credentials: number;
  sgtmSecrets: number;
  /** Storefront pseudonymisation keys re-sealed (the keys themselves never change: no pseudonym moves). */
  pseudonymKeys: number;
}

/**
 * Re-encrypt every stored secret with the first key of `ENCRYPTION_KEY` (keeping each token's
 * timestamp, as Python's MultiFernet.rotate does). Run after putting a new key first; remove the
 * old key once this finished. Each row is updated in its own statement, guarded by its old value.
 */
export async function rotateKeys(db: Db, cipher: MultiFernet): Promise<RotateResult> {
  const result: RotateResult = { credentials: 0, sgtmSecrets: 0, pseudonymKeys: 0 };
  for (const row of await credentialSecrets(db)) {
    const rotated = cipher.rotate(row.credentialsEncrypted);
    if (await replaceCredentialSecret(db, row.id, row.credentialsEncrypted, rotated)) result.credentials += 1;
  }
  for (const row of await sgtmSecrets(db)) {
    const rotated = {
      ...(row.apiSecretEncrypted && { apiSecretEncrypted: cipher.rotate(row.apiSecretEncrypted) }),
      ...(row.customHeadersEncrypted && {
        customHeadersEncrypted: cipher.rotate(row.customHeadersEncrypted),
      }),
    };
    if (await replaceSgtmSecrets(db, row.id, row, rotated)) result.sgtmSecrets += 1;
  }
  for (const row of await storefrontPseudonymKeys(db)) {
    const sealed = row.pseudonymKeyEncrypted!;
    if (await replaceStorefrontPseudonymKey(db, row.id, sealed, cipher.rotate(sealed)))
      result.pseudonymKeys += 1;
  }
  return result;
}
