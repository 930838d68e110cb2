/**
 * The bench's relay processes: `relay start` (API only) and `relay worker` started by the shared
 * starter (relay-process.ts) with statement-counter.ts preloaded, so each process's statements
 * and rows can be taken between phases. Their log lines go to this process's stderr.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { HOST_DIR, type HostMode } from './host-build';
import type { Memory } from './proc-stats';
import { sleep } from './process-tools';
import { type RelayRole, startRelayProcess } from './relay-process';
import type { StatementCounts } from './statement-counts';

const COUNTER_SOURCE = join(import.meta.dirname, 'statement-counter.ts');
/** Inside the host's node_modules, so the bundle resolves the relay's own driver copy from there. */
const COUNTER_BUNDLE_DIR = join(HOST_DIR, 'node_modules/.cache/relay-bench');

export interface BenchRelay {
  readonly role: RelayRole;
  readonly pid: number;
  /** `http://127.0.0.1:<port>` of the API (or of the worker's metrics endpoint). */
  readonly url: string;
  /** The statements counted since the last call (or since the process started); counting starts afresh. */
  takeCounts(): Promise<StatementCounts>;
  memory(): Memory | null;
  /** SIGTERM, wait for the exit; resolves with the statements counted since the last `takeCounts()`. */
  stop(): Promise<StatementCounts>;
}

/**
 * The statement counter as the relay process can load it: the TypeScript source when tsx runs
 * the relay, else bundled once per bench run to plain JavaScript (a built relay has no tsx).
 */
export async function counterModule(host: HostMode): Promise<string> {
  if (host === 'source') return COUNTER_SOURCE;
  await build({
    entry: { 'statement-counter': COUNTER_SOURCE },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    outDir: COUNTER_BUNDLE_DIR,
    outExtension: () => ({ js: '.mjs' }),
    config: false,
    silent: true,
    clean: false,
  });
  return join(COUNTER_BUNDLE_DIR, 'statement-counter.mjs');
}

/**
 * Start `relay start` (role api, worker off) or `relay worker` against `databaseUrl` with the
 * counter `counter` (see `counterModule`) preloaded, and wait for /health/ready. `env` adds to
 * the relay's configuration (WORKER_BATCH_SIZE, LOG_LEVEL...).
 */
export async function startBenchRelay(
  role: RelayRole,
  databaseUrl: string,
  env: Record<string, string>,
  run: { host: HostMode; counter: string },
): Promise<BenchRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const countsFile = join(dir, 'statements.json');
  const relay = await startRelayProcess({
    role,
    host: run.host,
    preload: [run.counter],
    output: 'stderr',
    env: {
      ...process.env,
      // As the production image runs it (Dockerfile).
      NODE_ENV: 'production',
      ...env,
      DATABASE_URL: databaseUrl,
      RELAY_BENCH_STATEMENTS_FILE: countsFile,
    },
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const readCounts = () => JSON.parse(readFileSync(countsFile, 'utf8')) as StatementCounts;
  return {
    role,
    pid: relay.pid,
    url: relay.url,
    async takeCounts() {
      rmSync(countsFile, { force: true });
      process.kill(relay.pid, 'SIGUSR2');
      const deadline = Date.now() + 10_000;
      while (!existsSync(countsFile)) {
        if (Date.now() > deadline) throw new Error(`relay ${role} did not write its statement counts`);
        await sleep(5);
      }
      return readCounts();
    },
    memory: () => relay.memory(),
    async stop() {
      rmSync(countsFile, { force: true });
      await relay.kill('SIGTERM');
      try {
        if (!existsSync(countsFile))
          throw new Error(`relay ${role} exited without writing its statement counts`);
        return readCounts();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
