/**
 * Preloaded into the relay processes the bench starts (`--import <this>`; bundled to JavaScript
 * for the built host, see counted-relay.ts): counts every statement the MariaDB driver sends (one
 * round trip each: the relay uses the text protocol and awaits every statement) by its first
 * keyword, and the rows each INSERT/UPDATE/DELETE changed (the driver's `affectedRows`, or the
 * rows a `… RETURNING` sent back) by table. Nothing in the relay changes: it wraps
 * `Connection.prototype.query` of the driver copy `@prisma/adapter-mariadb` loads (the pool
 * db/client.ts's driverPool hands out is that same driver's).
 *
 * On SIGUSR2 it writes the counts since the last SIGUSR2 (or since it started) to
 * `RELAY_BENCH_STATEMENTS_FILE` and starts counting afresh; at exit it writes them once more.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type StatementCounts, emptyCounts, recordStatement, rowsChanged } from './statement-counts';

const file = process.env.RELAY_BENCH_STATEMENTS_FILE;
if (file) {
  const require = createRequire(import.meta.url);
  const adapter = require.resolve('@prisma/adapter-mariadb');
  const driver = dirname(createRequire(adapter).resolve('mariadb/package.json'));
  const Connection = require(join(driver, 'lib/connection.js')) as {
    prototype: { query(cmd: { sql?: string }, resolve: (r: unknown) => void, reject: unknown): void };
  };
  let counts: StatementCounts = emptyCounts();
  const query = Connection.prototype.query;
  Connection.prototype.query = function (cmd, resolve, reject) {
    const sql = cmd?.sql ?? '';
    return query.call(
      this,
      cmd,
      (result: unknown) => {
        recordStatement(counts, sql, rowsChanged(result));
        resolve(result);
      },
      reject,
    );
  };
  const save = () => {
    // Written whole, then renamed: the bench never reads half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(counts));
    renameSync(`${file}.tmp`, file);
  };
  process.on('SIGUSR2', () => {
    save();
    counts = emptyCounts();
  });
  process.on('exit', save);
}
