import { randomBytes } from 'node:crypto';
import mariadb from 'mariadb';
import { type Db, createDb } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { parseDatabaseUrl, withDatabase } from '../../src/db/url';

/** The server tests run against (override with TEST_DATABASE_URL). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/relay_test';

export interface TestDatabase {
  url: string;
  name: string;
  db: Db;
  drop(): Promise<void>;
}

/** A fresh, uniquely named, migrated database; `drop()` removes it. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `relay_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(TEST_SERVER_URL, name);
  if (options.migrate === false) {
    await rawQuery(`CREATE DATABASE \`${name}\``);
  } else {
    await migrate(url);
  }
  const db = createDb(url, { connectionLimit: 5 });
  return {
    url,
    name,
    db,
    async drop() {
      await db.$disconnect();
      await rawQuery(`DROP DATABASE IF EXISTS \`${name}\``);
    },
  };
}

/** Run one statement on the test server, outside any database. */
export async function rawQuery(sql: string, params: unknown[] = []): Promise<unknown> {
  const target = parseDatabaseUrl(TEST_SERVER_URL);
  const conn = await mariadb.createConnection({ ...target, database: undefined });
  try {
    return await conn.query(sql, params);
  } finally {
    await conn.end();
  }
}
