/**
 * CI: fail when a publishable package's source changed without a pending changeset naming it.
 * "Changed" means since CHANGESET_BASE (default: the newest `release-*` tag, else the first
 * commit). Test files and fixtures do not need a changeset.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, publishablePackages } from './workspace';

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

function base(): string {
  if (process.env.CHANGESET_BASE) return process.env.CHANGESET_BASE;
  const tag = git('tag', '--list', 'release-*', '--sort=-creatordate').split('\n')[0];
  if (tag) return tag;
  return git('rev-list', '--max-parents=0', 'HEAD').split('\n').pop()!;
}

const from = base();
const changed = [
  ...git('diff', '--name-only', from, '--').split('\n'),
  ...git('ls-files', '--others', '--exclude-standard').split('\n'),
].filter(Boolean);

const isSource = (file: string) =>
  !/\.test\.ts$|__fixtures__|\/test\/|CHANGELOG\.md$|vitest\.config\.ts$/.test(file);

const pending = new Set<string>();
const malformed: string[] = [];
const dir = join(ROOT, '.changeset');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
  // The same frontmatter `changeset version` parses: one `"name": bump` per line between `---` lines.
  const front = /^---\n([\s\S]*?)\n---(\n|$)/.exec(readFileSync(join(dir, file), 'utf8'));
  const lines = front?.[1]?.split('\n').filter((l) => l.trim()) ?? [];
  const bad = lines.filter((l) => !/^['"]?@relay\/[\w-]+['"]?\s*:\s*(major|minor|patch)\s*$/.test(l));
  if (!front || lines.length === 0 || bad.length > 0) {
    malformed.push(file);
    continue;
  }
  for (const line of lines) pending.add(/@relay\/[\w-]+/.exec(line)![0]);
}

const missing = publishablePackages().filter((pkg) => {
  const prefix = `${relative(ROOT, pkg.path)}/`;
  return changed.some((f) => f.startsWith(prefix) && isSource(f)) && !pending.has(pkg.name);
});

if (malformed.length > 0) {
  console.error(
    'Changesets `changeset version` cannot parse (start with ---, one "@relay/x": patch|minor|major per line, ---):',
  );
  for (const file of malformed) console.error(`  .changeset/${file}`);
  process.exit(1);
}
if (missing.length > 0) {
  console.error(`Package source changed since ${from} without a changeset:`);
  for (const pkg of missing) console.error(`  ${pkg.name}  (run \`pnpm changeset\`)`);
  process.exit(1);
}
console.log(`changesets: ok (${pending.size} pending, base ${from.slice(0, 12)})`);
