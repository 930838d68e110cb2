/**
 * The relay as production runs it: `node dist/cli.js` (the host's tsup build), importing the
 * adapters and @relay/core from their own built `dist` (what the Dockerfile ships). Before the
 * bench starts it, every one of those builds is checked against its sources and rebuilt when
 * missing or older (JavaScript only, `RELAY_BUILD_NO_DTS=1`, as the Dockerfile builds).
 * The statement counter the bench preloads is bundled to plain JavaScript for the same reason:
 * nothing in a built relay process runs through tsx.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const HOST_DIR = resolve(import.meta.dirname, '..');
const ROOT = resolve(HOST_DIR, '../..');

/** How the bench runs the relay: its production build (default) or its sources through tsx. */
export const HOST_MODES = ['built', 'source'] as const;
export type HostMode = (typeof HOST_MODES)[number];

export function hostModeOf(value: string | undefined): HostMode {
  const mode = value ?? 'built';
  if (!(HOST_MODES as readonly string[]).includes(mode))
    throw new Error(`--host: '${mode}' is not one of ${HOST_MODES.join(', ')}`);
  return mode as HostMode;
}

/** One build the built relay loads: its output and what it is built from. */
export interface BuildTarget {
  /** The package name (`pnpm --filter` takes it). */
  name: string;
  output: string;
  inputs: string[];
}

/** The newest modification time (ms) of a file or of any file under a folder; 0 when absent. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** The targets whose output is missing or older than one of their inputs. */
export function staleTargets(targets: readonly BuildTarget[], mtime = newestMtime): BuildTarget[] {
  return targets.filter((t) => {
    const built = mtime(t.output);
    return built === 0 || t.inputs.some((input) => mtime(input) > built);
  });
}

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
}

const packageJson = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;

/** The workspace packages `dir` depends on at run time (dependencies, not devDependencies), transitively. */
function workspaceDependencies(dir: string, seen = new Map<string, string>()): Map<string, string> {
  for (const [name, range] of Object.entries(packageJson(dir).dependencies ?? {})) {
    if (!range.startsWith('workspace:') || seen.has(name)) continue;
    const depDir = realpathSync(join(dir, 'node_modules', name));
    seen.set(name, depDir);
    workspaceDependencies(depDir, seen);
  }
  return seen;
}

/** The host's build and the builds of the workspace packages it loads at run time. */
export function hostBuildTargets(): BuildTarget[] {
  const shared = [join(ROOT, 'tsup.package.ts')];
  const packages = [...workspaceDependencies(HOST_DIR)].map(([name, dir]) => ({
    name,
    output: join(dir, 'dist/index.js'),
    inputs: [join(dir, 'src'), join(dir, 'package.json'), join(dir, 'tsup.config.ts'), ...shared],
  }));
  return [
    ...packages,
    {
      name: packageJson(HOST_DIR).name,
      output: join(HOST_DIR, 'dist/cli.js'),
      inputs: [
        join(HOST_DIR, 'src'),
        join(HOST_DIR, 'tsup.config.ts'),
        join(HOST_DIR, 'package.json'),
        join(ROOT, 'prisma/migrations'),
      ],
    },
  ];
}

/**
 * Build what is stale among the host's build and its packages' (the packages first: the host's
 * bundle imports them). `log` says what is rebuilt and why.
 */
export function ensureHostBuilt(log: (message: string) => void): void {
  const targets = hostBuildTargets();
  const stale = staleTargets(targets);
  if (stale.length === 0) return;
  const host = targets.at(-1)!;
  const packages = stale.filter((t) => t !== host);
  const env = { ...process.env, RELAY_BUILD_NO_DTS: '1' };
  const run = (args: string[]) =>
    execFileSync('pnpm', args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (packages.length > 0) {
    log(`building ${packages.length} stale package(s): ${packages.map((t) => t.name).join(', ')}`);
    run(['--workspace-concurrency=2', ...packages.flatMap((t) => ['--filter', t.name]), 'build']);
  }
  // The host's bundle is rebuilt whenever anything was: it is cheap (one esbuild pass).
  log(`building the host (${relative(ROOT, host.output)})`);
  run(['--filter', host.name, 'build']);
}
