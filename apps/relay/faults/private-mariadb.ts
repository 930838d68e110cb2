/**
 * A private MariaDB server for the fault suite, in a temporary data directory on a free port, so
 * the suite can really kill it (stopped), start it again on the same data, and SIGSTOP/SIGCONT it
 * (frozen). The shared server at 3306 is never touched.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mariadb from 'mariadb';
import { freePort, waitFor } from '../bench/process-tools';

const run = promisify(execFile);

export interface PrivateMariaDb {
  port: number;
  /** `mysql://root@127.0.0.1:<port>/<database>` */
  urlFor(database: string): string;
  /** One statement outside any database. */
  query(sql: string, database?: string): Promise<unknown>;
  /** SIGKILL the server (a crash: nothing is flushed beyond what InnoDB already made durable). */
  kill(): Promise<void>;
  /** Start the server again on the same data directory (InnoDB crash recovery runs). */
  restart(): Promise<void>;
  /** SIGSTOP: the server keeps its sockets open but answers nothing. */
  freeze(): void;
  /** SIGCONT after `freeze()`. */
  thaw(): void;
  /** Stop the server and remove its data directory. */
  destroy(): Promise<void>;
}

const MARIADBD = process.env.FAULTS_MARIADBD ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.FAULTS_MARIADB_INSTALL_DB ?? 'mariadb-install-db';

export async function startPrivateMariaDb(): Promise<PrivateMariaDb> {
  const dir = await mkdtemp(join(tmpdir(), 'relay-faults-db-'));
  const datadir = join(dir, 'data');
  await run(INSTALL_DB, [
    '--no-defaults',
    `--datadir=${datadir}`,
    '--user=root',
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const port = await freePort();
  let server: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const query = async (sql: string, database?: string) => {
    const conn = await mariadb.createConnection({
      host: '127.0.0.1',
      port,
      user: 'root',
      connectTimeout: 2000,
      ...(database && { database }),
    });
    try {
      return await conn.query(sql);
    } finally {
      await conn.end();
    }
  };

  const start = async () => {
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(dir, 'sock')}`,
        `--pid-file=${join(dir, 'mariadbd.pid')}`,
        `--log-error=${join(dir, 'error.log')}`,
        '--user=root',
        '--skip-name-resolve',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=128M',
        '--max-connections=300',
      ],
      { stdio: 'ignore' },
    );
    server = child;
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    await waitFor('private MariaDB to accept connections', 30_000, async () => {
      if (child.exitCode !== null)
        throw new Error(`mariadbd exited with ${child.exitCode} (see ${dir}/error.log)`);
      await query('SELECT 1');
      return true;
    });
  };

  const kill = async () => {
    const child = server;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGCONT'); // a frozen server must be able to die
    child.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    port,
    urlFor: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
    query,
    kill,
    restart: start,
    freeze: () => void server?.kill('SIGSTOP'),
    thaw: () => void server?.kill('SIGCONT'),
    async destroy() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
