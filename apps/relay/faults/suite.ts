/** Run the fault scenarios in order on one stage and collect their counts. */
import { memoryFlat } from './memory';
import { SCENARIOS, type ScenarioName, type ScenarioResult, type SuiteSize } from './scenarios';
import { startStage } from './stage';

/** `pnpm --filter @relay/host faults`: the long version. */
export const FULL_SIZE: SuiteSize = {
  batchSize: 50,
  batches: 40,
  eventsPerSecond: 100,
  faultSeconds: 10,
  calmSeconds: 5,
  burst: 3,
  soakSeconds: 600,
  sampleSeconds: 5,
  settleSeconds: 240,
};

/** The CI version (test/faults/fault-suite.test.ts): small N and a 30 s soak. */
export const CI_SIZE: SuiteSize = {
  batchSize: 10,
  batches: 8,
  eventsPerSecond: 30,
  faultSeconds: 3,
  calmSeconds: 2,
  burst: 2,
  soakSeconds: 30,
  sampleSeconds: 2,
  settleSeconds: 90,
};

export interface SuiteResult {
  logDir: string;
  scenarios: ScenarioResult[];
}

export async function runFaultSuite(
  size: SuiteSize,
  options: { scenarios?: ScenarioName[]; onResult?: (result: ScenarioResult) => void; logDir?: string } = {},
): Promise<SuiteResult> {
  const stage = await startStage(options.logDir ? { logDir: options.logDir } : {});
  const scenarios: ScenarioResult[] = [];
  try {
    for (const name of options.scenarios ?? (Object.keys(SCENARIOS) as ScenarioName[])) {
      const started = performance.now();
      const counts = await SCENARIOS[name](stage, size);
      const result = { ...counts, seconds: Math.round((performance.now() - started) / 1000) };
      scenarios.push(result);
      options.onResult?.(result);
    }
  } finally {
    await stage.close();
  }
  return { logDir: stage.logDir, scenarios };
}

/** What is wrong with a scenario's counts, if anything. */
export function problems(result: ScenarioResult): string[] {
  return [
    result.tally.lost > 0 && `${result.tally.lost} accepted deliveries never reached their platform`,
    result.tally.nonFinal > 0 && `${result.tally.nonFinal} events or deliveries not final`,
    result.unexpectedExits.length > 0 && `processes died: ${result.unexpectedExits.join(', ')}`,
    ...Object.entries(result.memory ?? {})
      .filter(([, m]) => !memoryFlat(m))
      .map(([name, m]) => `${name} memory grew from ${m.afterWarmupMb} MB to ${m.lastMb} MB`),
  ].filter((p): p is string => typeof p === 'string');
}
