import { describe, expect, it } from 'vitest';
import { PLATFORMS_WITHOUT_ADAPTER } from './platforms-without-adapter';
import { adapterPackages } from './workspace';

describe('platforms without an adapter', () => {
  it('are named once each, with a reason and an https source', () => {
    const codes = PLATFORMS_WITHOUT_ADAPTER.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of PLATFORMS_WITHOUT_ADAPTER) {
      expect(p.code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(p.reason.length, p.code).toBeGreaterThan(20);
      expect(p.source, p.code).toMatch(/^https:\/\//);
    }
  });

  it('never name a platform that has an adapter package', () => {
    const packaged = new Set(adapterPackages().map((p) => p.dir.replace(/-/g, '_')));
    expect(PLATFORMS_WITHOUT_ADAPTER.filter((p) => packaged.has(p.code))).toEqual([]);
  });
});
