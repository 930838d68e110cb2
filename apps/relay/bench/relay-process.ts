/**
 * The relay as it runs in production: `relay start` (API only, WORKER_ENABLED=false) and
 * `relay worker`, each its own process started through the CLI with tsx, so CPU and memory are
 * read per process from /proc. Each loads statement-counter.ts to count its statements.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Memory, memory } from './proc-stats';
import type { StatementCounts } from './statement-counts';

const HOST_DIR = resolve(import.meta.dirname, '..');
const CLI = join(HOST_DIR, 'src/cli.ts');
const COUNTER = join(import.meta.dirname, 'statement-counter.ts');

export interface RelayProcess {
  readonly role: 'api' | 'worker';
  readonly pid: number;
  /** `http://127.0.0.1:<port>` of the API (or of the worker's metrics endpoint). */
  readonly url: string;
  /** The statements counted since the last call (or since the process started); counting starts afresh. */
  takeCounts(): Promise<StatementCounts>;
  memory(): Memory | null;
  /** SIGTERM, wait for the exit; resolves with the statements counted since the last `takeCounts()`. */
  stop(): Promise<StatementCounts>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitReady(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`relay process exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`relay process at ${url} not ready within ${timeoutMs / 1000} s`);
}

/**
 * Start `relay start` (role api, worker off) or `relay worker` against `databaseUrl` and wait
 * for /health/ready. `env` adds to the relay's configuration (WORKER_BATCH_SIZE, LOG_LEVEL...).
 * Its log lines go to this process's stderr.
 */
export async function startRelayProcess(
  role: 'api' | 'worker',
  databaseUrl: string,
  env: Record<string, string>,
): Promise<RelayProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const countsFile = join(dir, 'statements.json');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@relay/source',
      '--import',
      COUNTER,
      CLI,
      role === 'api' ? 'start' : 'worker',
    ],
    {
      cwd: HOST_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...env,
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        ...(role === 'api'
          ? { PORT: String(port), WORKER_ENABLED: 'false' }
          : { METRICS_PORT: String(port) }),
        RELAY_BENCH_STATEMENTS_FILE: countsFile,
      },
    },
  );
  child.stdout!.pipe(process.stderr, { end: false });
  child.stderr!.pipe(process.stderr, { end: false });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const pid = child.pid!;
  return {
    role,
    pid,
    url,
    async takeCounts() {
      rmSync(countsFile, { force: true });
      child.kill('SIGUSR2');
      const deadline = Date.now() + 10_000;
      while (!existsSync(countsFile)) {
        if (Date.now() > deadline) throw new Error(`relay ${role} did not write its statement counts`);
        await sleep(5);
      }
      return JSON.parse(readFileSync(countsFile, 'utf8')) as StatementCounts;
    },
    memory: () => memory(pid),
    async stop() {
      rmSync(countsFile, { force: true });
      child.kill('SIGTERM');
      await exited;
      try {
        if (!existsSync(countsFile))
          throw new Error(`relay ${role} exited without writing its statement counts`);
        return JSON.parse(readFileSync(countsFile, 'utf8')) as StatementCounts;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
