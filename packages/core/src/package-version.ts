import { readFileSync } from 'node:fs';

/**
 * The `version` of the package.json one folder above a module: how a package's `VERSION` is
 * found when it runs from source (tests, tsx). Built packages never call it: tsup inlines
 * `__PACKAGE_VERSION__` from package.json, so `changeset version` needs no source edit.
 */
export function sourcePackageVersion(moduleUrl: string): string {
  const file = new URL('../package.json', moduleUrl);
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string') throw new Error(`${file.pathname} has no "version"`);
  return version;
}
