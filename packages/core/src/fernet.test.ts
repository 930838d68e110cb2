import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CryptoError } from './errors';
import { Fernet, MultiFernet, generateFernetKey } from './fernet';

const vectors = <T>(name: string): T[] =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/fernet/${name}.json`, import.meta.url), 'utf8'));
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

interface Vector {
  token: string;
  now: string;
  secret: string;
  src?: string;
  iv?: number[];
  ttl_sec?: number;
  desc?: string;
}

describe('Fernet spec vectors', () => {
  it.each(vectors<Vector>('generate'))('generate: encrypts to the exact token', (v) => {
    const fernet = new Fernet(v.secret);
    expect(fernet.encrypt(v.src!, { at: seconds(v.now), iv: Uint8Array.from(v.iv!) })).toBe(v.token);
  });

  it.each(vectors<Vector>('verify'))('verify: decrypts with TTL at the given time', (v) => {
    const fernet = new Fernet(v.secret, { now: () => seconds(v.now) });
    expect(fernet.decrypt(v.token, { ttlSeconds: v.ttl_sec! })).toBe(v.src);
  });

  it.each(vectors<Vector>('invalid'))('invalid: rejects "$desc"', (v) => {
    const fernet = new Fernet(v.secret, { now: () => seconds(v.now) });
    expect(() => fernet.decrypt(v.token, { ttlSeconds: v.ttl_sec! })).toThrow(CryptoError);
  });
});

describe('Fernet', () => {
  const key = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';

  it('round-trips text and honours the TTL', () => {
    let now = 1_000_000;
    const fernet = new Fernet(key, { now: () => now });
    const token = fernet.encrypt('{"access_token":"secret"}');
    expect(token).toMatch(/^gAAAAA[A-Za-z0-9_-]+=*$/);
    expect(fernet.decrypt(token, { ttlSeconds: 60 })).toBe('{"access_token":"secret"}');
    now += 61;
    expect(() => fernet.decrypt(token, { ttlSeconds: 60 })).toThrow('expired');
    expect(fernet.decrypt(token)).toBe('{"access_token":"secret"}');
  });

  it('refuses bad keys with a CryptoError', () => {
    expect(() => new Fernet('short')).toThrow(CryptoError);
    expect(() => new Fernet('!!!')).toThrow('not base64url');
  });

  it('generates 32-byte url-safe keys with padding, as Fernet.generate_key does', () => {
    const generated = generateFernetKey();
    expect(generated).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(Buffer.from(generated, 'base64url')).toHaveLength(32);
    expect(() => new Fernet(generated)).not.toThrow();
  });
});

describe('MultiFernet', () => {
  const oldKey = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';
  const newKey = generateFernetKey();

  it('encrypts with the first key and decrypts with any', () => {
    const before = new MultiFernet(oldKey).encrypt('secret');
    const rotated = new MultiFernet(`${newKey}, ${oldKey}`);
    expect(rotated.decrypt(before)).toBe('secret');
    const after = rotated.encrypt('secret');
    expect(new Fernet(newKey).decrypt(after)).toBe('secret');
    expect(() => new Fernet(oldKey).decrypt(after)).toThrow(CryptoError);
  });

  it('rotate re-encrypts with the first key and keeps the timestamp', () => {
    const old = new Fernet(oldKey);
    const token = old.encrypt('secret', { at: 1_700_000_000 });
    const multi = new MultiFernet([newKey, oldKey]);
    const rotated = multi.rotate(token);
    expect(new Fernet(newKey).extractTimestamp(rotated)).toBe(1_700_000_000);
    expect(new Fernet(newKey).decrypt(rotated)).toBe('secret');
    const stranger = new Fernet(generateFernetKey()).encrypt('x');
    expect(() => multi.rotate(stranger)).toThrow(CryptoError);
  });

  it('needs at least one key', () => {
    expect(() => new MultiFernet(' , ')).toThrow('at least one key');
  });
});
