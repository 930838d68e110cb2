/**
 * Decrypts sealed secrets (Fernet tokens) once per token rather than once per claim: a worker
 * claims many times a second for the same few credentials. A token's plaintext never changes
 * (editing or re-keying a secret writes a new token), so a cached value is never stale; the
 * cache is emptied when it holds `max` tokens. Failures are not cached.
 */
export function unsealOnce(decrypt: (sealed: string) => string, max = 1000): (sealed: string) => string {
  const opened = new Map<string, string>();
  return (sealed) => {
    let plain = opened.get(sealed);
    if (plain === undefined) {
      plain = decrypt(sealed);
      if (opened.size >= max) opened.clear();
      opened.set(sealed, plain);
    }
    return plain;
  };
}
