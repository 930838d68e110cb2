/** `pnpm bench`: ingestion then delivery throughput, each against its own throw-away database. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

for (const bench of ['ingest.ts', 'deliver.ts']) {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@relay/source', resolve(import.meta.dirname, bench)],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
}
