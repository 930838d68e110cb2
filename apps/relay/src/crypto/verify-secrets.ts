import { ConfigError, type MultiFernet } from '@relay/core';
import type { Db } from '../db/client';
import { credentialSecrets } from '../db/credentials';
import { sgtmSecrets } from '../db/sgtm-configs';

/**
 * Try to decrypt every stored secret (credentials, sGTM API secrets and headers) with the
 * configured keys. Refuses to start when any does not decrypt: the process would otherwise run
 * and fail every delivery that needs them. Reads only; no SQL here writes.
 */
export async function verifyStoredSecrets(db: Db, cipher: MultiFernet): Promise<{ checked: number }> {
  const failed: string[] = [];
  let checked = 0;
  const check = (label: string, token: string | null) => {
    if (token === null) return;
    checked += 1;
    try {
      cipher.decrypt(token);
    } catch {
      failed.push(label);
    }
  };
  for (const row of await credentialSecrets(db)) {
    check(`credentials ${row.id}`, row.credentialsEncrypted);
  }
  for (const row of await sgtmSecrets(db)) {
    check(`sgtm_configs ${row.id} api_secret`, row.apiSecretEncrypted);
    check(`sgtm_configs ${row.id} custom_headers`, row.customHeadersEncrypted);
  }
  if (failed.length > 0) {
    const shown =
      failed.slice(0, 5).join(', ') + (failed.length > 5 ? `, and ${failed.length - 5} more` : '');
    throw new ConfigError(
      `${failed.length} of ${checked} stored secrets do not decrypt with ENCRYPTION_KEY (${shown}). ` +
        'Set ENCRYPTION_KEY to the key that encrypted them (several keys may be given, comma-separated, newest first), ' +
        'then run `relay rotate-keys` to re-encrypt them with the first key. If that key is lost, delete and ' +
        're-enter those credentials (docs/security.md, "Key rotation").',
      { field: 'ENCRYPTION_KEY' },
    );
  }
  return { checked };
}
