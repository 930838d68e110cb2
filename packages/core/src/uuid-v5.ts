import { createHash } from 'node:crypto';

/** Namespace of the name-based (v5) UUIDs Relay derives from dedup keys. Never change it: ids would change on replay. */
export const RELAY_UUID_NAMESPACE = '3c1f0b8e-6f4a-4d2b-9a57-2f0e5c1d7b64';

/**
 * RFC 9562 name-based UUID (version 5, SHA-1) of `name` in `namespace`. For platforms whose
 * dedup id must be a UUID: `uuidV5(event.dedupKey)` is the same on every retry and replay.
 */
export function uuidV5(name: string, namespace: string = RELAY_UUID_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
