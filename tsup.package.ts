import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Options, defineConfig } from 'tsup';

/**
 * The tsup build every published package shares: ESM + CJS + .d.ts for Node 20. The package's
 * version is read from its package.json at build time and inlined as `__PACKAGE_VERSION__`
 * (see `src/version.ts`), so `changeset version` bumps package.json and nothing else.
 * `RELAY_BUILD_NO_DTS=1` skips the .d.ts (the host image needs only the JavaScript).
 * `minifySyntax` folds the source-mode fallback (and its `import.meta`, empty in CJS) away.
 */
export function packageBuild(overrides: Options = {}) {
  const { version } = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: !process.env.RELAY_BUILD_NO_DTS,
    clean: true,
    sourcemap: true,
    target: 'node20',
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    esbuildOptions(options) {
      options.minifySyntax = true;
      options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' };
    },
    ...overrides,
  });
}
