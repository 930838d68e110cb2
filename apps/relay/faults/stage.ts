/**
 * The stage every scenario runs on: a private MariaDB, the platform simulator (in this process),
 * the relay API and two workers as child processes, and one storefront with a credential per
 * platform pointed at the simulator.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Simulator, startSimulator } from '@relay/testing';
import { createRegistry } from '../src/platforms/registry';
import { type PrivateMariaDb, startPrivateMariaDb } from './private-mariadb';
import { type RelayProcess, type RelayRole, startRelayProcess } from '../bench/relay-process';

/** Platforms every event goes to: each gets its own kind of fault in the platform scenario. */
export const FAULT_PLATFORMS = ['meta_capi', 'tiktok_events', 'pinterest_capi', 'snapchat_capi'] as const;

const DATABASE = 'relay_faults';
const KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';
const AUTH = `Basic ${Buffer.from('admin:changeme').toString('base64')}`;

/**
 * What every relay process runs with: the adapter timeout short enough for simulator delays to
 * pass it, leases short enough that a killed worker's deliveries come back within seconds, and
 * database timeouts so an outage answers 503 instead of hanging.
 */
export const RELAY_FAULT_ENV = {
  ENCRYPTION_KEY: KEY,
  RELAY_ENV: 'test',
  LOG_LEVEL: 'warn',
  HTTP_TIMEOUT: '2s',
  LEASE_DURATION: '5s',
  WORKER_POLL_INTERVAL: '200',
  DB_ACQUIRE_TIMEOUT: '2s',
  DB_QUERY_TIMEOUT: '5s',
  DB_BOOT_WAIT: '60s',
};

export interface Stage {
  db: PrivateMariaDb;
  database: string;
  sim: Simulator;
  api: RelayProcess;
  workers: RelayProcess[];
  logDir: string;
  /** Start another worker (a restart gets a new WORKER_ID, as a new pod would). */
  startWorker(name: string): Promise<RelayProcess>;
  /** While true, every platform answers after `delayMs` (requests are in flight longer). */
  slowPlatforms(delayMs: number): { stop(): void };
  /** SIGKILL a relay process (an expected exit). */
  crash(process: RelayProcess): Promise<void>;
  /** Processes that ended without the suite killing them. */
  unexpectedExits(): string[];
  close(): Promise<void>;
}

async function admin(api: RelayProcess, method: string, path: string, body?: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Storefront `bosley` with one credential per fault platform, each pointed at the simulator. */
async function configure(api: RelayProcess, sim: Simulator): Promise<void> {
  const registry = createRegistry();
  const storefront = await admin(api, 'POST', '/admin/v1/storefronts', {
    storefront_id: 'bosley',
    name: 'Bosley',
  });
  const { items } = (await admin(api, 'GET', '/admin/v1/platforms?limit=1000')) as unknown as {
    items: Array<{ id: number; platform_code: string }>;
  };
  for (const code of FAULT_PLATFORMS) {
    const platform = items.find((p) => p.platform_code === code);
    if (!platform) throw new Error(`platform ${code} is not seeded`);
    await admin(api, 'POST', '/admin/v1/credentials', {
      storefront_id: storefront.id,
      platform_id: platform.id,
      credentials: registry.get(code)!.credentialsExample,
      base_url: `${sim.url}/${code}`,
    });
  }
}

export async function startStage(options: { logDir?: string } = {}): Promise<Stage> {
  const logDir = options.logDir ?? (await mkdtemp(join(tmpdir(), 'relay-faults-logs-')));
  const db = await startPrivateMariaDb();
  const sim = await startSimulator();
  const env = { PATH: process.env.PATH, ...RELAY_FAULT_ENV, DATABASE_URL: db.urlFor(DATABASE) };
  const started: RelayProcess[] = [];
  const killedBySuite = new Set<RelayProcess>();
  // From source, as `pnpm relay` runs it (no build needed); each process logs to its own file.
  const start = async (name: string, role: RelayRole) => {
    const relay = await startRelayProcess({
      name,
      role,
      env,
      host: 'source',
      output: { logFile: join(logDir, `${name}.log`) },
      readyTimeoutMs: 90_000,
    });
    started.push(relay);
    return relay;
  };
  const startWorker = (name: string) => start(name, 'worker');
  try {
    // The API migrates the fresh database and seeds the platforms before the workers start.
    const api = await start('api', 'api');
    await configure(api, sim);
    const workers = await Promise.all([startWorker('worker-a'), startWorker('worker-b')]);
    return {
      db,
      database: DATABASE,
      sim,
      api,
      workers,
      logDir,
      startWorker,
      slowPlatforms(delayMs) {
        let active = true;
        sim.script(() => active, [{ delayMs }], { repeatLast: true });
        return {
          stop: () => {
            active = false;
          },
        };
      },
      async crash(process) {
        killedBySuite.add(process);
        await process.kill('SIGKILL');
      },
      unexpectedExits: () =>
        started.filter((p) => p.exit() && !killedBySuite.has(p)).map((p) => `${p.name} (${p.exit()})`),
      async close() {
        for (const p of started) killedBySuite.add(p);
        await Promise.all(started.map((p) => p.kill('SIGTERM')));
        await sim.stop();
        await db.destroy();
      },
    };
  } catch (error) {
    await Promise.all(started.map((p) => p.kill('SIGKILL')));
    await sim.stop();
    await db.destroy();
    throw error;
  }
}
