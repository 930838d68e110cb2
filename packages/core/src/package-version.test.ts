import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourcePackageVersion } from './package-version';

describe('sourcePackageVersion', () => {
  it('reads the version of the package.json above the module', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(sourcePackageVersion(import.meta.url)).toBe(version);
  });

  it('fails naming the package.json it could not read', () => {
    expect(() => sourcePackageVersion(new URL('../../../apps/x/src/y.ts', import.meta.url).href)).toThrow(
      /package\.json/,
    );
  });
});
