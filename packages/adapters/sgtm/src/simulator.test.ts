import { deliver } from '@relay/core';
import { type Simulator, seedEvents, startSimulator } from '@relay/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapter } from './index';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.stop());

describe('sgtm through the platform simulator', () => {
  it('delivers the seed batch once each over real HTTP, retrying a 500', async () => {
    sim.script('sgtm', [500]);
    const { results } = await deliver(adapter, seedEvents(), {
      credentials: adapter.credentialsExample,
      baseUrl: `${sim.url}/sgtm`,
      retries: 1,
      minRetryDelayMs: 1,
      now: () => new Date('2026-01-15T12:00:00Z'),
    });
    expect(results.map((r) => r.outcome)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
    const received = sim.receivedBy('sgtm');
    expect(received.map((r) => [r.path, r.answered])).toEqual([
      ['/mp/collect', 500],
      ['/mp/collect', 204],
      ['/mp/collect', 204],
      ['/mp/collect', 204],
    ]);
    expect(received[3]!.query).toEqual({
      measurement_id: 'G-TEST123456',
      api_secret: 'example-api-secret-123456',
    });
    expect(
      received.slice(1).map((r) => (r.json as { events: Array<{ name: string }> }).events.map((e) => e.name)),
    ).toEqual([
      ['campaign_details', 'consult_started'],
      ['campaign_details', 'rx_issued'],
      ['campaign_details', 'purchase'],
    ]);
  });
});
