import { PrismaMariaDb } from '@prisma/adapter-mariadb';
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

/** A Prisma client over the MariaDB driver adapter (no Rust engine). */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const url = parseDatabaseUrl(databaseUrl);
  const adapter = new PrismaMariaDb(
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
  return new PrismaClient({ adapter });
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
