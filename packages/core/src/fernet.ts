import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CryptoError } from './errors';

/**
 * Fernet (https://github.com/fernet/spec), byte-compatible with Python's `cryptography`.
 * Token = base64url(0x80 ‖ u64 BE seconds ‖ IV(16) ‖ AES-128-CBC(PKCS7) ‖ HMAC-SHA256(all before)).
 */
const VERSION = 0x80;
const MAX_CLOCK_SKEW_SECONDS = 60;
const HEADER = 1 + 8 + 16;
const MAC = 32;

export interface FernetClock {
  /** Current time in seconds since the epoch; injectable for tests. */
  now?: () => number;
}

export interface EncryptOptions {
  /** Seconds since the epoch to stamp into the token (defaults to now). */
  at?: number;
  /** 16-byte IV (defaults to random); only tests should pass one. */
  iv?: Uint8Array;
}

export interface DecryptOptions {
  /** Reject tokens older than this many seconds. */
  ttlSeconds?: number;
}

function fromBase64Url(text: string, what: string): Buffer {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new CryptoError(`Invalid ${what}: not base64url`);
  return Buffer.from(text, 'base64url');
}

/** Generate a new random key (base64url of 32 bytes), as `Fernet.generate_key()` does. */
export function generateFernetKey(): string {
  return randomBytes(32).toString('base64url').replace(/$/, '=');
}

export class Fernet {
  readonly #signingKey: Buffer;
  readonly #encryptionKey: Buffer;
  readonly #now: () => number;

  constructor(key: string, clock: FernetClock = {}) {
    const raw = fromBase64Url(key.trim(), 'Fernet key');
    if (raw.length !== 32) throw new CryptoError('Fernet key must be 32 url-safe base64-encoded bytes');
    this.#signingKey = raw.subarray(0, 16);
    this.#encryptionKey = raw.subarray(16);
    this.#now = clock.now ?? (() => Math.floor(Date.now() / 1000));
  }

  encrypt(plaintext: string | Uint8Array, options: EncryptOptions = {}): string {
    const iv = Buffer.from(options.iv ?? randomBytes(16));
    if (iv.length !== 16) throw new CryptoError('Fernet IV must be 16 bytes');
    const at = options.at ?? this.#now();
    const cipher = createCipheriv('aes-128-cbc', this.#encryptionKey, iv);
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : Buffer.from(plaintext);
    const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
    const header = Buffer.alloc(9);
    header.writeUInt8(VERSION, 0);
    header.writeBigUInt64BE(BigInt(at), 1);
    const body = Buffer.concat([header, iv, ciphertext]);
    const mac = createHmac('sha256', this.#signingKey).update(body).digest();
    return Buffer.concat([body, mac])
      .toString('base64url')
      .replace(/=*$/, padding(body.length + MAC));
  }

  /** Decrypt to bytes; throws `CryptoError` with the reason when the token is not valid. */
  decryptBytes(token: string, options: DecryptOptions = {}): Buffer {
    const { body, timestamp } = this.#open(token, options);
    const iv = body.subarray(9, HEADER);
    const ciphertext = body.subarray(HEADER);
    if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
      throw new CryptoError('Invalid Fernet token: payload size is not a multiple of the block size');
    }
    try {
      const decipher = createDecipheriv('aes-128-cbc', this.#encryptionKey, iv);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch (cause) {
      void timestamp;
      throw new CryptoError('Invalid Fernet token: padding error', { cause });
    }
  }

  decrypt(token: string, options: DecryptOptions = {}): string {
    return this.decryptBytes(token, options).toString('utf8');
  }

  /** Seconds-since-epoch timestamp stored in a token whose MAC verifies. */
  extractTimestamp(token: string): number {
    return this.#open(token, {}).timestamp;
  }

  #open(token: string, options: DecryptOptions): { body: Buffer; timestamp: number } {
    const data = fromBase64Url(token, 'Fernet token');
    if (data.length < HEADER + MAC || data[0] !== VERSION) {
      throw new CryptoError('Invalid Fernet token: too short or wrong version');
    }
    const timestamp = Number(data.readBigUInt64BE(1));
    const now = this.#now();
    if (options.ttlSeconds !== undefined) {
      if (timestamp + options.ttlSeconds < now) throw new CryptoError('Invalid Fernet token: expired (TTL)');
      if (now + MAX_CLOCK_SKEW_SECONDS < timestamp) {
        throw new CryptoError('Invalid Fernet token: timestamp too far in the future');
      }
    }
    const body = data.subarray(0, data.length - MAC);
    const mac = data.subarray(data.length - MAC);
    const expected = createHmac('sha256', this.#signingKey).update(body).digest();
    if (!timingSafeEqual(mac, expected)) throw new CryptoError('Invalid Fernet token: signature mismatch');
    return { body, timestamp };
  }
}

function padding(length: number): string {
  const rest = length % 3;
  return rest === 0 ? '' : rest === 1 ? '==' : '=';
}

/**
 * Several keys: the first encrypts, every key decrypts (Python's `MultiFernet`).
 * Built from `ENCRYPTION_KEY`, a comma-separated list, newest first.
 */
export class MultiFernet {
  readonly #keys: Fernet[];

  constructor(keys: ReadonlyArray<string> | string, clock: FernetClock = {}) {
    const list = (typeof keys === 'string' ? keys.split(',') : [...keys])
      .map((k) => k.trim())
      .filter(Boolean);
    if (list.length === 0) throw new CryptoError('MultiFernet needs at least one key');
    this.#keys = list.map((k) => new Fernet(k, clock));
  }

  encrypt(plaintext: string | Uint8Array, options?: EncryptOptions): string {
    return this.#keys[0]!.encrypt(plaintext, options);
  }

  decrypt(token: string, options?: DecryptOptions): string {
    return this.decryptBytes(token, options).toString('utf8');
  }

  decryptBytes(token: string, options?: DecryptOptions): Buffer {
    let last: unknown;
    for (const key of this.#keys) {
      try {
        return key.decryptBytes(token, options);
      } catch (error) {
        last = error;
      }
    }
    throw last instanceof CryptoError ? last : new CryptoError('Invalid Fernet token', { cause: last });
  }

  /** Re-encrypt with the first key, keeping the token's original timestamp. */
  rotate(token: string): string {
    for (const key of this.#keys) {
      let timestamp: number;
      try {
        timestamp = key.extractTimestamp(token);
      } catch {
        continue;
      }
      return this.#keys[0]!.encrypt(key.decryptBytes(token), { at: timestamp });
    }
    throw new CryptoError('Invalid Fernet token: no key can decrypt it');
  }
}
