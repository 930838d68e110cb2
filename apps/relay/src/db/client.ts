import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import type { Pool } from 'mariadb';
import { PrismaClient } from '../generated/prisma/client';
import { parseDatabaseUrl } from './url';

export type Db = PrismaClient;

export interface DbOptions {
  /** Connections in the pool (default 10). */
  connectionLimit?: number;
  /** Longest wait for a pooled connection (default 10 s; `relay start` uses DB_ACQUIRE_TIMEOUT). */
  acquireTimeoutMs?: number;
  /**
   * Close a connection whose server stays silent this long (default: never; `relay start` uses
   * DB_QUERY_TIMEOUT), so a frozen database fails requests instead of hanging them; the server
   * rolls back the open transaction of a closed connection.
   */
  socketTimeoutMs?: number;
}

/**
 * The driver pool under each client's adapter, as of its last connect. Prisma creates the pool
 * when it connects the adapter and ends it on `$disconnect` (a later query connects a new one).
 */
const driverPools = new WeakMap<Db, { current?: Pool }>();

/**
 * The MariaDB driver pool Prisma's adapter runs on (same connections, limits and timeouts), for
 * the few hot statements where Prisma's own per-parameter work costs more than the database's:
 * ingestion's 4,500-parameter insert (db/events.ts). Connects the client if it is not yet.
 */
export async function driverPool(db: Db): Promise<Pool> {
  const holder = driverPools.get(db);
  if (!holder) throw new Error('driverPool: this client was not made by createDb');
  if (!holder.current) await db.$connect();
  if (!holder.current) throw new Error('driverPool: Prisma connected without its adapter');
  return holder.current;
}

/** A Prisma client over the MariaDB driver adapter (no Rust engine). */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const url = parseDatabaseUrl(databaseUrl);
  const factory = new PrismaMariaDb(
    {
      host: url.host,
      port: url.port,
      user: url.user,
      password: url.password,
      database: url.database,
      connectionLimit: options.connectionLimit ?? 10,
      ...(options.acquireTimeoutMs !== undefined && { acquireTimeout: options.acquireTimeoutMs }),
      ...(options.socketTimeoutMs !== undefined && { socketTimeout: options.socketTimeoutMs }),
      // DATETIME columns hold UTC.
      timezone: 'Z',
    },
    // One round trip per statement. The binary protocol prepares and closes every statement
    // (the adapter turns the driver's prepare cache off), and the worker's batch statements
    // differ in length each time, so preparing never pays off.
    { useTextProtocol: true },
  );
  const pool: { current?: Pool } = {};
  // The factory, wrapped only to keep the pool each connect creates (see driverPool).
  const adapter = {
    provider: 'mysql' as const,
    adapterName: factory.adapterName,
    async connect() {
      const connected = await factory.connect();
      pool.current = connected.underlyingDriver() as unknown as Pool;
      const dispose = connected.dispose.bind(connected);
      connected.dispose = async () => {
        pool.current = undefined;
        await dispose();
      };
      return connected;
    },
  };
  const db = new PrismaClient({ adapter });
  driverPools.set(db, pool);
  return db;
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function isDatabaseHealthy(db: Db, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRawUnsafe('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
