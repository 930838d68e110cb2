import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './workspace';

/**
 * The release flow on a copy of the working tree: `changeset version` bumps package.json files
 * and changelogs only, then lint and the build stay green and the built `VERSION` is the new one.
 */
const copy = mkdtempSync(join(tmpdir(), 'relay-release-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const git = (...args: string[]) =>
  run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args]);
const versionOf = (dir: string): string =>
  JSON.parse(readFileSync(join(copy, dir, 'package.json'), 'utf8')).version;

describe('pnpm ci:version, then lint and build', () => {
  it('bumps package.json only; lint passes and the built packages report their new version', () => {
    execFileSync(
      'sh',
      ['-c', `git ls-files -co --exclude-standard -z | tar -c --null -T - -f - | tar -x -C '${copy}'`],
      { cwd: ROOT },
    );
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'copy');
    run('pnpm', ['install', '--frozen-lockfile', '--offline']);
    writeFileSync(
      join(copy, '.changeset/zz-release-test.md'),
      "---\n'@relay/adapter-meta-capi': minor\n---\n\nrelease test\n",
    );
    const before = versionOf('packages/adapters/meta-capi');

    run('pnpm', ['changeset', 'version']);

    const meta = versionOf('packages/adapters/meta-capi');
    const core = versionOf('packages/core');
    expect(meta).not.toBe(before);
    const changed = git('status', '--porcelain', '--untracked-files=all')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    expect(
      changed.filter((f) => !/(^|\/)(package\.json|CHANGELOG\.md)$|^\.changeset\/.+\.md$/.test(f)),
    ).toEqual([]);
    expect(changed).toContain('packages/adapters/meta-capi/package.json');

    run('pnpm', ['lint']);
    run('pnpm', ['--filter', '@relay/core', '--filter', '@relay/adapter-meta-capi', 'build']);
    const built = run(process.execPath, [
      '--input-type=module',
      '-e',
      `const esm = await import('${copy}/packages/adapters/meta-capi/dist/index.js');
       const { createRequire } = await import('node:module');
       const cjs = createRequire(import.meta.url)('${copy}/packages/adapters/meta-capi/dist/index.cjs');
       console.log(JSON.stringify([esm.VERSION, cjs.VERSION]));`,
    ]);
    expect(JSON.parse(built)).toEqual([meta, meta]);
    expect(core).toMatch(/^\d+\.\d+\.\d+$/);
  }, 300_000);
});
