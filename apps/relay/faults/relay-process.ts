/**
 * The relay as real child processes: `relay start` (the API, WORKER_ENABLED=false) and
 * `relay worker`, run from source with tsx exactly as `pnpm --filter @relay/host relay` does,
 * each with its own log file. Readiness is `/health/ready` answering 200 (a worker serves it
 * on METRICS_PORT).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, waitFor } from './process-tools';

const HOST_DIR = resolve(import.meta.dirname, '..');

export type RelayRole = 'api' | 'worker';

export interface RelayProcess {
  name: string;
  role: RelayRole;
  pid: number;
  /** Where `/health/ready` answers (the API's base URL for an `api`). */
  url: string;
  logFile: string;
  /** Exit code or signal once the process has ended, else undefined. */
  exit(): string | undefined;
  /** Send a signal (SIGKILL for a crash) and wait until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface RelayProcessOptions {
  name: string;
  role: RelayRole;
  /** Environment on top of the harness's (DATABASE_URL, ENCRYPTION_KEY, timeouts…). */
  env: Record<string, string>;
  logDir: string;
  readyTimeoutMs?: number;
}

export async function startRelayProcess(options: RelayProcessOptions): Promise<RelayProcess> {
  const port = await freePort();
  const logFile = join(options.logDir, `${options.name}.log`);
  const fd = openSync(logFile, 'a');
  const command = options.role === 'api' ? 'start' : 'worker';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@relay/source', 'src/cli.ts', command],
    {
      cwd: HOST_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        ...options.env,
        ...(options.role === 'api'
          ? { PORT: String(port), WORKER_ENABLED: 'false' }
          : { METRICS_PORT: String(port), WORKER_ID: options.name }),
      },
      stdio: ['ignore', fd, fd],
    },
  );
  closeSync(fd);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const exit = () =>
    child.exitCode !== null
      ? `code ${child.exitCode}`
      : child.signalCode
        ? `signal ${child.signalCode}`
        : undefined;
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `${options.name} to be ready (log: ${logFile})`,
    options.readyTimeoutMs ?? 90_000,
    async () => {
      if (exit()) throw new Error(`${options.name} exited (${exit()})`);
      return (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) })).status === 200;
    },
    250,
  ).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return {
    name: options.name,
    role: options.role,
    pid: child.pid!,
    url,
    logFile,
    exit,
    async kill(signal) {
      if (exit()) return;
      child.kill(signal);
      await exited;
    },
  };
}
