import { describe, expect, it } from 'vitest';
import { RELAY_UUID_NAMESPACE, uuidV5 } from './uuid-v5';

describe('uuidV5', () => {
  it("matches RFC 9562's example (www.example.com in the DNS namespace)", () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is stable per dedup key in the Relay namespace, version 5 and RFC variant', () => {
    const id = uuidV5('bosley:purchase_completed:2025020100003333');
    expect(id).toBe(uuidV5('bosley:purchase_completed:2025020100003333', RELAY_UUID_NAMESPACE));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5('bosley:purchase_completed:2025020100003334')).not.toBe(id);
  });
});
