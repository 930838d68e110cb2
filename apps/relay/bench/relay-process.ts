/**
 * The relay as a real child process, the one starter the bench (`bench/`), the crash re-send
 * measurement and the fault suite (`faults/`) share: `relay start` (role api, WORKER_ENABLED=false)
 * or `relay worker`, run either as production runs it (`node dist/cli.js`, see host-build.ts)
 * or from source through tsx (`--conditions=@relay/source src/cli.ts`, as `pnpm relay` does).
 * Ready when `/health/ready` answers 200 (a worker serves it on METRICS_PORT). CPU and memory
 * are read per process from /proc (proc-stats.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { HOST_DIR, type HostMode } from './host-build';
import { type Memory, cpuSeconds, memory } from './proc-stats';
import { freePort, waitFor } from './process-tools';

export type RelayRole = 'api' | 'worker';

export interface RelayProcessOptions {
  role: RelayRole;
  /** A worker's WORKER_ID (a restarted worker gets a new one, as a new pod would); names the process in errors. */
  name?: string;
  /**
   * The process's whole environment besides what the starter sets (DATABASE_URL and the rest of
   * the relay's configuration; pass `process.env` in it to inherit this process's, e.g. NODE_OPTIONS).
   */
  env: Record<string, string | undefined>;
  /** `built` runs dist/cli.js with plain node (build it first: host-build.ts); `source` runs src/cli.ts through tsx. */
  host: HostMode;
  /** Modules loaded before the relay (`--import`), JavaScript when `host` is `built`. */
  preload?: readonly string[];
  /** Where its stdout and stderr go: a file (appended), this process's stderr, or nowhere. */
  output: { logFile: string } | 'stderr' | 'ignore';
  readyTimeoutMs?: number;
}

export interface RelayProcess {
  readonly name: string;
  readonly role: RelayRole;
  readonly pid: number;
  /** `http://127.0.0.1:<port>` of the API (or of the worker's metrics and health endpoint). */
  readonly url: string;
  /** Exit code or signal once the process has ended, else undefined. */
  exit(): string | undefined;
  /** Send `signal` (SIGTERM to stop, SIGKILL for a crash) and wait until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Resident memory now and at its peak (null once it is gone). */
  memory(): Memory | null;
  /** CPU seconds it has used so far (null once it is gone). */
  cpuSeconds(): number | null;
}

/** node's arguments for the relay's CLI `command`. */
export function relayArgs(host: HostMode, command: string, preload: readonly string[] = []): string[] {
  const imports = preload.flatMap((module) => ['--import', module]);
  return host === 'built'
    ? [...imports, 'dist/cli.js', command]
    : ['--import', 'tsx', '--conditions=@relay/source', ...imports, 'src/cli.ts', command];
}

export async function startRelayProcess(options: RelayProcessOptions): Promise<RelayProcess> {
  const port = await freePort();
  const name = options.name ?? options.role;
  const out = typeof options.output === 'object' ? openSync(options.output.logFile, 'a') : undefined;
  const child: ChildProcess = spawn(
    process.execPath,
    relayArgs(options.host, options.role === 'api' ? 'start' : 'worker', options.preload),
    {
      cwd: HOST_DIR,
      env: {
        ...options.env,
        HOST: '127.0.0.1',
        ...(options.role === 'api'
          ? { PORT: String(port), WORKER_ENABLED: 'false' }
          : { METRICS_PORT: String(port), ...(options.name && { WORKER_ID: options.name }) }),
      },
      stdio:
        out !== undefined
          ? ['ignore', out, out]
          : options.output === 'stderr'
            ? ['ignore', 'pipe', 'pipe']
            : 'ignore',
    },
  );
  if (out !== undefined) closeSync(out);
  child.stdout?.pipe(process.stderr, { end: false });
  child.stderr?.pipe(process.stderr, { end: false });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const exit = () =>
    child.exitCode !== null
      ? `code ${child.exitCode}`
      : child.signalCode
        ? `signal ${child.signalCode}`
        : undefined;
  const url = `http://127.0.0.1:${port}`;
  const where = typeof options.output === 'object' ? ` (log: ${options.output.logFile})` : '';
  try {
    // A process that exited ends the wait at once (rather than at the timeout).
    await waitFor(
      `relay ${name} to be ready${where}`,
      options.readyTimeoutMs ?? 120_000,
      async () =>
        exit() !== undefined ||
        (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) })).status === 200,
      100,
    );
    if (exit()) throw new Error(`relay ${name} exited (${exit()}) before it was ready${where}`);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  const pid = child.pid!;
  return {
    name,
    role: options.role,
    pid,
    url,
    exit,
    async kill(signal) {
      if (exit()) return;
      child.kill(signal);
      await exited;
    },
    memory: () => memory(pid),
    cpuSeconds: () => cpuSeconds(pid),
  };
}
