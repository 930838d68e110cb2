/**
 * The V8 settings every relay process (`relay start`, `relay worker`, …) runs with: the CLI sets
 * them first thing, so they hold wherever the relay runs (the Docker image, `node dist/cli.js`,
 * `pnpm relay`). Measured with the bench on the built host (`pnpm bench --only memory`: the API
 * ingesting, one worker delivering 40,000 Meta/TikTok deliveries in 500-delivery claims):
 *
 * - `--liftoff-only`: Prisma 7's query compiler is a 4.5 MB WebAssembly module, compiled at the
 *   first query. V8's optimising pass over it (TurboFan) kept about 80 MB resident in every
 *   process (an idle built API: 233 MB → 152 MB without it) and bought no CPU the bench could
 *   see (worker CPU for the run 12.3 s → 11.3 s, within noise): the relay's time is in
 *   JavaScript and in the database, not in planning queries.
 * - `--heap-growing-percent=60`: V8 let the old generation grow to several times what is live
 *   before a full collection: the worker holds about 50 MB live (heap snapshot) yet its heap
 *   reached 185 MB, mostly garbage. With the next limit 1.6 × the live heap its peak RSS fell
 *   from 318-331 MB to 208-215 MB, for about 0.5 s more full-collection pauses per 40,000
 *   deliveries (30 % gave 198-202 MB for 0.8 s).
 *
 * An operator's own value of either flag on node's command line wins (`node --heap-growing-percent=50
 * dist/cli.js start`; NODE_OPTIONS does not take V8 flags), and RELAY_V8_FLAGS, when set, replaces
 * the list (space-separated; empty: none).
 */
import { setFlagsFromString } from 'node:v8';

export const RELAY_V8_FLAGS: readonly string[] = ['--liftoff-only', '--heap-growing-percent=60'];

/** A flag's name without dashes' spelling differences (`--heap_growing_percent=5` → `heap-growing-percent`). */
const flagName = (flag: string) =>
  flag
    .replace(/^--(no-)?/, '')
    .split('=')[0]!
    .replaceAll('_', '-');

/**
 * The flags to set: RELAY_V8_FLAGS' (`configured`) when set, else the relay's, less those the
 * operator gave node (`given`: node's own arguments).
 */
export function relayV8Flags(given: readonly string[], configured?: string): string[] {
  if (configured !== undefined) return configured.split(/\s+/).filter((flag) => flag !== '');
  const set = new Set(given.filter((arg) => arg.startsWith('--')).map(flagName));
  return RELAY_V8_FLAGS.filter((flag) => !set.has(flagName(flag)));
}

/** Set the relay's V8 flags on this process (before any query compiles Prisma's WebAssembly). */
export function applyRelayV8Flags(env: NodeJS.ProcessEnv = process.env): void {
  for (const flag of relayV8Flags(process.execArgv, env.RELAY_V8_FLAGS)) setFlagsFromString(flag);
}
