/**
 * Proves every published package works for someone outside the monorepo:
 * build (tsup: ESM + CJS + d.ts), publint, `pnpm publish --dry-run` (what `changeset publish`
 * runs, minus the upload), `pnpm pack`, install the tarballs into a fresh temporary project with
 * npm, then `import` (ESM) and `require` (CJS) each one and check the `adapter` export and that
 * the built `VERSION` is the package.json version. Usage: `pnpm check:publish` (run by CI).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, publishablePackages } from './workspace';

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const versionOf = (path: string): string =>
  JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).version;
const packages = publishablePackages().filter((p) => p.name !== '@relay/testing');
const work = mkdtempSync(join(tmpdir(), 'relay-publish-'));
const tarballs = join(work, 'tarballs');
const failures: string[] = [];

try {
  for (const pkg of publishablePackages()) {
    run('pnpm', ['run', 'build'], pkg.path);
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
      if (!existsSync(join(pkg.path, file))) failures.push(`${pkg.name}: ${file} was not built`);
    }
    try {
      run('pnpm', ['exec', 'publint', '--strict', pkg.path], ROOT);
    } catch {
      failures.push(`${pkg.name}: publint found problems`);
    }
    try {
      run('pnpm', ['publish', '--dry-run', '--no-git-checks'], pkg.path);
    } catch {
      failures.push(`${pkg.name}: pnpm publish --dry-run failed`);
    }
    run('pnpm', ['pack', '--pack-destination', tarballs], pkg.path);
  }

  const project = join(work, 'consumer');
  run('mkdir', ['-p', project], work);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  const files = readdirSync(tarballs)
    .filter((f) => !f.startsWith('relay-testing-'))
    .map((f) => join(tarballs, f));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...files], project);

  for (const pkg of packages) {
    const isAdapter = pkg.name.startsWith('@relay/adapter-');
    const check = isAdapter
      ? `if (!m.adapter || m.adapter.specVersion !== 'v1' || m.default !== m.adapter) throw new Error('bad adapter export');
if (m.VERSION !== ${JSON.stringify(versionOf(pkg.path))}) throw new Error('VERSION ' + m.VERSION + ' is not the package.json version');`
      : `if (typeof m.deliver !== 'function' || typeof m.defineAdapter !== 'function') throw new Error('bad core export');`;
    writeFileSync(join(project, 'esm.mjs'), `import * as ns from '${pkg.name}';\nconst m = ns;\n${check}\n`);
    writeFileSync(join(project, 'cjs.cjs'), `const m = require('${pkg.name}');\n${check}\n`);
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      try {
        run(process.execPath, [file], project);
      } catch {
        failures.push(`${pkg.name}: ${file === 'esm.mjs' ? 'ESM import' : 'CJS require'} failed`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`publish check: ${packages.length} packages build, pass publint, and import as ESM and CJS`);
// The host's production build on top of the packages just built (what the Dockerfile ships).
execFileSync('pnpm', ['check:host-build'], { cwd: ROOT, stdio: 'inherit' });
