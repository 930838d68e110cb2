import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const ADAPTERS_DIR = join(ROOT, 'packages/adapters');

export interface AdapterPackage {
  /** Folder name, e.g. `meta-capi`. */
  dir: string;
  /** Absolute path of the package folder. */
  path: string;
  /** npm name, e.g. `@relay/adapter-meta-capi`. */
  name: string;
  version: string;
  // biome-ignore lint/suspicious/noExplicitAny: package.json is free-form
  pkg: Record<string, any>;
}

/** Every adapter package under packages/adapters, sorted by folder name. */
export function adapterPackages(): AdapterPackage[] {
  if (!existsSync(ADAPTERS_DIR)) return [];
  return readdirSync(ADAPTERS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ADAPTERS_DIR, d.name, 'package.json')))
    .map((d) => {
      const path = join(ADAPTERS_DIR, d.name);
      const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
      return { dir: d.name, path, name: pkg.name, version: pkg.version, pkg };
    })
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Every publishable package (core, testing, adapters). */
export function publishablePackages(): Array<{ path: string; name: string }> {
  const roots = ['packages/core', 'packages/testing'].map((p) => join(ROOT, p)).filter((p) => existsSync(p));
  return [
    ...roots.map((path) => ({
      path,
      name: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).name,
    })),
    ...adapterPackages().map((a) => ({ path: a.path, name: a.name })),
  ];
}
