/**
 * The fault suite's CI version: every scenario of `pnpm --filter @relay/host faults` with small
 * N and a 30 s soak, against real relay processes, a private MariaDB and the platform simulator.
 * No timing asserts: only what reached the platforms, what is left open, and memory growth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFlat } from '../../faults/memory';
import type { ScenarioResult } from '../../faults/scenarios';
import { FAULT_PLATFORMS } from '../../faults/stage';
import { CI_SIZE, problems, runFaultSuite } from '../../faults/suite';

let results: Map<string, ScenarioResult>;
beforeAll(async () => {
  const suite = await runFaultSuite(CI_SIZE, { onResult: (r) => console.log(JSON.stringify(r)) });
  results = new Map(suite.scenarios.map((r) => [r.scenario, r]));
}, 300_000);
afterAll(() => results.clear());

const result = (scenario: string) => {
  const r = results.get(scenario);
  if (!r) throw new Error(`scenario ${scenario} did not run`);
  return r;
};

describe.each(['platform', 'worker', 'database', 'soak'])('fault suite: %s', (scenario) => {
  it('every accepted event reached each platform, every delivery is final, no process died', () => {
    const r = result(scenario);
    expect(problems(r)).toEqual([]);
    expect(r.load.accepted).toBeGreaterThan(0);
    for (const platform of FAULT_PLATFORMS) {
      const counts = r.tally.platforms[platform]!;
      expect({ platform, received: counts.received, lost: counts.lost }).toEqual({
        platform,
        received: r.load.accepted,
        lost: 0,
      });
      expect(counts.deliveries).toEqual({ delivered: r.load.accepted });
    }
    expect(r.tally.nonFinal).toBe(0);
    expect(r.unexpectedExits).toEqual([]);
    expect(r.settledSeconds).not.toBeNull();
  });
});

describe('fault suite: the faults really happened', () => {
  it('platform: 5xx, 429 and resets were answered, and the timed-out requests made duplicates at Pinterest', () => {
    const { platforms } = result('platform').tally;
    // Two bursts of two failures per platform (CI_SIZE.burst).
    expect(platforms.meta_capi!.requests).toMatchObject({ 500: 2, 502: 2 });
    expect(platforms.tiktok_events!.requests).toMatchObject({ 429: 4 });
    expect(platforms.snapchat_capi!.requests).toMatchObject({ reset: 4 });
    // The simulator kept the events of a request the relay gave up on: the retry is a duplicate.
    expect(platforms.pinterest_capi!.duplicateEvents).toBeGreaterThan(0);
  });

  it('database: ingest answered 503 while the database was stopped and the load generator posted again', () => {
    const r = result('database');
    expect((r.notes!.answersWhileStopped as Record<string, number>)['503']).toBeGreaterThan(0);
    expect(r.notes!.probeWhileStopped).toMatchObject({ status: 503 });
    expect(r.notes!.probeWhileFrozen).toMatchObject({ status: 503 });
    expect(r.load.answers['202']).toBe(r.load.batches);
  });

  it('soak: each relay process stays within max(1.5 × after warm-up, +64 MB)', () => {
    const memory = result('soak').memory!;
    expect(Object.keys(memory).sort()).toEqual(['api', 'worker-a-restarted', 'worker-b']);
    for (const report of Object.values(memory)) {
      expect(report.samples).toBeGreaterThan(5);
      expect(memoryFlat(report)).toBe(true);
    }
  });
});
