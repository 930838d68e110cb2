import { setTimeout as sleep } from 'node:timers/promises';
import mariadb from 'mariadb';
import { ConfigError } from '@relay/core';
import type { Logger } from '../log';
import { parseDatabaseUrl } from './url';

/** Driver, Prisma and server codes meaning "the database is unreachable or did not answer in time". */
const UNAVAILABLE_CODES = new Set<unknown>([
  'P1001', // can't reach database server
  'P1002', // server reached but timed out
  'P1017', // server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'P2028', // transaction API error: the transaction timed out or was closed
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ER_GET_CONNECTION_TIMEOUT',
  'ER_SOCKET_TIMEOUT',
  'ER_CONNECTION_TIMEOUT',
  'ER_CONNECTION_ALREADY_CLOSED',
  'ER_CLOSING_POOL',
  'PROTOCOL_CONNECTION_LOST',
  45001, // connection closed
  45009, // connection timeout
  45012, // connection timeout
  45026, // socket timeout
  45028, // pool timeout
  1040, // too many connections
  1969, // max_statement_time exceeded
  2002,
  2003,
  2006, // server has gone away
  2013, // lost connection during query
]);
const UNAVAILABLE_TEXT =
  /pool timeout|socket timeout|connect ETIMEDOUT|ECONNREFUSED|Connection lost|closed the connection|Transaction already closed|Transaction API error|max_statement_time|server has gone away|Too many connections/i;

/** True when `error` (however Prisma and the driver adapter wrap it) says the database is down or too slow. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const e = current as Record<string, unknown>;
    const cause = (e.meta as { driverAdapterError?: { cause?: Record<string, unknown> } } | undefined)
      ?.driverAdapterError?.cause;
    if (
      UNAVAILABLE_CODES.has(e.code) ||
      UNAVAILABLE_CODES.has(e.errno) ||
      UNAVAILABLE_CODES.has(cause?.code) ||
      (typeof e.message === 'string' &&
        UNAVAILABLE_TEXT.test(e.message) &&
        !/Unique constraint/.test(e.message))
    ) {
      return true;
    }
    current = e.cause ?? cause;
  }
  return false;
}

/**
 * After a request found the database unavailable, answer the next ones 503 at once for
 * `openMs` instead of letting each wait for the pool's timeout; the first request after that
 * tries the database again.
 */
export class OutageGate {
  #openUntil = 0;
  constructor(private readonly openMs = 2_000) {}
  trip(now = Date.now()): void {
    this.#openUntil = now + this.openMs;
  }
  isOpen(now = Date.now()): boolean {
    return now < this.#openUntil;
  }
}

/**
 * Wait until the database server accepts a connection, retrying with backoff (1 s doubling to
 * 10 s) and saying so, for at most `maxWaitMs`; then a ConfigError naming DATABASE_URL.
 */
export async function waitForDatabase(
  databaseUrl: string,
  logger: Logger,
  maxWaitMs: number,
  connect: () => Promise<void> = () => ping(databaseUrl),
): Promise<void> {
  const started = Date.now();
  for (let attempt = 1, delay = 1000; ; attempt++, delay = Math.min(delay * 2, 10_000)) {
    try {
      await connect();
      if (attempt > 1)
        logger.info('database reachable', { attempts: attempt, waitedMs: Date.now() - started });
      return;
    } catch (error) {
      const waited = Date.now() - started;
      const reason = error instanceof Error ? error.message : String(error);
      if (waited + delay > maxWaitMs) {
        throw new ConfigError(
          `The database at DATABASE_URL is unreachable (${reason}); gave up after ${Math.round(waited / 1000)} s (DB_BOOT_WAIT)`,
          { field: 'DATABASE_URL', cause: error },
        );
      }
      logger.warn('database unreachable at boot; retrying', {
        attempt,
        retryInMs: delay,
        waitedMs: waited,
        maxWaitMs,
        reason,
      });
      await sleep(delay);
    }
  }
}

async function ping(databaseUrl: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  const conn = await mariadb.createConnection({ ...target, database: undefined, connectTimeout: 3000 });
  await conn.end();
}
