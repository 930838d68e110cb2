import { createHash, timingSafeEqual } from 'node:crypto';

export interface BasicCredentials {
  username: string;
  password: string;
}

/** The username and password of an `Authorization: Basic …` header, or null when there is none or it is garbled. */
export function parseBasicAuth(header: string | undefined): BasicCredentials | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec((header ?? '').trim());
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when `given` equals `expected`, compared in constant time: both are hashed to
 * fixed-length digests and compared with `timingSafeEqual`, so neither length nor content leaks.
 */
export function sameCredentials(given: BasicCredentials, expected: BasicCredentials): boolean {
  return timingSafeEqual(
    digest(`${given.username}\u0000${given.password}`),
    digest(`${expected.username}\u0000${expected.password}`),
  );
}

/** The Basic challenge sent with a 401 (not to the console, which shows its own login form). */
export const BASIC_CHALLENGE = 'Basic realm="relay", charset="UTF-8"';
