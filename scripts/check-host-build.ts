/**
 * The production image's contents, checked without Docker: build the host with tsup, copy it
 * with its production dependencies only (`pnpm deploy --prod`, what the Dockerfile ships) into
 * a temporary folder, start it with plain `node dist/cli.js start` against a fresh database and
 * expect 200 from /health/ready and the metrics on /metrics, then SIGTERM.
 * Needs the workspace packages built (`pnpm build`; `pnpm check:publish` runs this after it).
 * Usage: `pnpm check:host-build`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawQuery, TEST_SERVER_URL } from '../apps/relay/test/support/database';
import { withDatabase } from '../apps/relay/src/db/url';
import { ROOT, publishablePackages } from './workspace';

const HOST = join(ROOT, 'apps/relay');
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const unbuilt = publishablePackages().filter((p) => !existsSync(join(p.path, 'dist/index.js')));
if (unbuilt.length > 0) {
  console.error(`build the packages first (pnpm build): ${unbuilt.map((p) => p.name).join(', ')}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'relay-image-'));
const app = join(work, 'app');
const database = `relay_t_image_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const port = 19_000 + Math.floor(Math.random() * 1000);
const problems: string[] = [];
let child: ChildProcess | undefined;
let output = '';

async function waitFor(url: string, ms: number): Promise<Response> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
      last = res.status;
    } catch (error) {
      last = error;
    }
    if (child?.exitCode !== null && child?.exitCode !== undefined) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 (last: ${String(last)})\n${output}`);
}

try {
  run('pnpm', ['build'], HOST);
  for (const file of ['dist/cli.js', 'dist/migrations']) {
    if (!existsSync(join(HOST, file))) problems.push(`apps/relay/${file} was not built`);
  }
  run('pnpm', ['--filter', '@relay/host', 'deploy', '--prod', '--prefer-offline', app], ROOT);

  // Only production dependencies and built files.
  for (const absent of [
    'src',
    'test',
    'node_modules/vitest',
    'node_modules/tsx',
    'node_modules/pino-pretty',
    'node_modules/prisma',
  ]) {
    if (existsSync(join(app, absent))) problems.push(`the production copy holds ${absent}`);
  }
  const pkg = JSON.parse(
    readFileSync(join(app, 'node_modules/@relay/adapter-meta-capi/package.json'), 'utf8'),
  );
  if (!existsSync(join(app, 'node_modules/@relay/adapter-meta-capi/dist/index.js')))
    problems.push(`${pkg.name} was copied without its dist`);

  child = spawn(process.execPath, ['dist/cli.js', 'start'], {
    cwd: app,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: withDatabase(TEST_SERVER_URL, database),
      PORT: String(port),
      HOST: '127.0.0.1',
      RELAY_ENV: 'production',
      ENCRYPTION_KEY: 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=',
      BASIC_AUTH_PASSWORD: 'image-check',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));

  const ready = await waitFor(`http://127.0.0.1:${port}/health/ready`, 60_000);
  const body = (await ready.json()) as { ready?: boolean };
  if (body.ready !== true) problems.push(`/health/ready answered ${JSON.stringify(body)}`);
  const metrics = await (await waitFor(`http://127.0.0.1:${port}/metrics`, 5_000)).text();
  for (const name of ['relay_oldest_due_delivery_age_seconds', 'process_resident_memory_bytes'])
    if (!metrics.includes(`# TYPE ${name} `)) problems.push(`/metrics lacks ${name}`);
  if (!output.split('\n').some((l) => l.startsWith('{') && JSON.parse(l).msg === 'relay listening'))
    problems.push(`no JSON "relay listening" log line:\n${output}`);

  const exited = new Promise<number | null>((r) => child!.on('exit', (code) => r(code)));
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) problems.push(`SIGTERM: exit code ${code}\n${output}`);
  const size = run('du', ['-sh', app], ROOT).split('\t')[0];
  console.log(`host image contents: ${size} (node dist/cli.js start answered /health/ready)`);
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  child?.kill('SIGKILL');
  await rawQuery(`DROP DATABASE IF EXISTS \`${database}\``);
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('host build: ok');
