/**
 * `pnpm --filter @relay/host faults`: every fault scenario end to end with real processes,
 * printing one JSON line of counts per scenario. SOAK_SECONDS (default 600), FAULT_SIZE=ci (the CI version's
 * sizes), FAULT_SCENARIOS
 * (comma-separated subset of platform,worker,database,soak) and FAULT_LOG_DIR override.
 * Exits 1 when an event was lost, a delivery is not final, a relay process died on its own, or
 * memory grew past the bound.
 */
import type { ScenarioName } from './scenarios';
import { CI_SIZE, FULL_SIZE, problems, runFaultSuite } from './suite';

const base = process.env.FAULT_SIZE === 'ci' ? CI_SIZE : FULL_SIZE;
const size = { ...base, soakSeconds: Number(process.env.SOAK_SECONDS ?? base.soakSeconds) };
const scenarios = process.env.FAULT_SCENARIOS?.split(',').map((s) => s.trim() as ScenarioName);

const suite = await runFaultSuite(size, {
  ...(scenarios && { scenarios }),
  ...(process.env.FAULT_LOG_DIR && { logDir: process.env.FAULT_LOG_DIR }),
  onResult: (result) => console.log(JSON.stringify({ ...result, problems: problems(result) })),
});
const failed = suite.scenarios.flatMap((r) => problems(r).map((p) => `${r.scenario}: ${p}`));
console.log(JSON.stringify({ logDir: suite.logDir, ok: failed.length === 0, failed }));
process.exitCode = failed.length === 0 ? 0 : 1;
