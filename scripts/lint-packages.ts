/**
 * Repo lint: every adapter package has the agreed files and exports (docs/adding-a-platform.md). Prints every problem, exits 1 when there is one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyAdapter } from '../packages/core/src/index';
import { adapterPackages, publishablePackages } from './workspace';

const problems: string[] = [];
const REQUIRED_FILES = [
  'package.json',
  'README.md',
  'tsup.config.ts',
  'tsconfig.json',
  'vitest.config.ts',
  'src/index.ts',
  'src/adapter.ts',
  'src/schemas.ts',
  'src/event-map.ts',
  'src/build-requests.ts',
  'src/parse-response.ts',
  'src/error-map.ts',
  'src/version.ts',
];
const README_SECTIONS = ['## Credentials', '## Event mapping', '## Limits', '## Dedup', '## API version'];

for (const pkg of publishablePackages()) {
  const json = JSON.parse(readFileSync(join(pkg.path, 'package.json'), 'utf8'));
  const where = pkg.name;
  const root = json.exports?.['.'];
  if (root?.['@relay/source'] !== './src/index.ts')
    problems.push(`${where}: exports["."]["@relay/source"] must be ./src/index.ts`);
  for (const key of ['import', 'require']) {
    if (!root?.[key]?.types || !root?.[key]?.default) {
      problems.push(`${where}: exports["."].${key} needs "types" and "default"`);
    }
  }
  if (!json.files?.includes('dist')) problems.push(`${where}: "files" must include dist`);
  if (json.license !== 'MIT') problems.push(`${where}: license must be MIT`);
  if (!json.engines?.node) problems.push(`${where}: engines.node missing`);
  if (json.publishConfig?.access !== 'public') problems.push(`${where}: publishConfig.access must be public`);
  if (json.scripts?.build !== 'tsup') problems.push(`${where}: scripts.build must be tsup`);
  if (!existsSync(join(pkg.path, 'README.md'))) problems.push(`${where}: README.md missing`);
}

for (const pkg of adapterPackages()) {
  const where = `packages/adapters/${pkg.dir}`;
  if (pkg.name !== `@relay/adapter-${pkg.dir}`)
    problems.push(`${where}: package name must be @relay/adapter-${pkg.dir}`);
  for (const file of REQUIRED_FILES)
    if (!existsSync(join(pkg.path, file))) problems.push(`${where}: ${file} missing`);
  const tests = readdirSync(join(pkg.path, 'src')).filter((f) => f.endsWith('.test.ts'));
  if (tests.length === 0) problems.push(`${where}: no src/*.test.ts`);
  const testText = tests.map((f) => readFileSync(join(pkg.path, 'src', f), 'utf8')).join('\n');
  if (!testText.includes('testAdapterConformance('))
    problems.push(`${where}: tests do not call testAdapterConformance`);
  const readme = existsSync(join(pkg.path, 'README.md'))
    ? readFileSync(join(pkg.path, 'README.md'), 'utf8')
    : '';
  for (const section of README_SECTIONS)
    if (!readme.includes(section)) problems.push(`${where}: README lacks "${section}"`);
  if (!pkg.pkg.dependencies?.['@relay/core']) problems.push(`${where}: must depend on @relay/core`);

  const mod = (await import(pathToFileURL(join(pkg.path, 'src/index.ts')).href)) as {
    adapter?: AnyAdapter;
    default?: AnyAdapter;
    VERSION?: string;
  };
  if (!mod.adapter) problems.push(`${where}: src/index.ts must export \`adapter\``);
  else {
    if (mod.default !== mod.adapter) problems.push(`${where}: default export must be the adapter`);
    if (mod.adapter.specVersion !== 'v1')
      problems.push(`${where}: adapter must come from defineAdapter (specVersion v1)`);
    if (mod.adapter.code.replace(/_/g, '-') !== pkg.dir)
      problems.push(`${where}: adapter code ${mod.adapter.code} does not match the folder`);
  }
  if (typeof mod.VERSION !== 'string') problems.push(`${where}: src/index.ts must export VERSION`);
  // The version is inlined from package.json by tsup (tsup.package.ts), never written by hand:
  // `changeset version` bumps package.json only.
  const versionFile = join(pkg.path, 'src/version.ts');
  if (existsSync(versionFile) && !readFileSync(versionFile, 'utf8').includes('__PACKAGE_VERSION__'))
    problems.push(
      `${where}: src/version.ts must take VERSION from __PACKAGE_VERSION__ (see the adapter template)`,
    );
  const tsupFile = join(pkg.path, 'tsup.config.ts');
  if (existsSync(tsupFile) && !readFileSync(tsupFile, 'utf8').includes('packageBuild('))
    problems.push(`${where}: tsup.config.ts must use packageBuild() from tsup.package.ts`);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `packages: ok (${publishablePackages().length} publishable, ${adapterPackages().length} adapters)`,
);
