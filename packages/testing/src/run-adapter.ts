import {
  type AnyAdapter,
  type DeliverOptions,
  type DeliveryReport,
  type RelayEvent,
  deliver,
} from '@relay/core';
import { FIXED_NOW } from './fixtures';
import { type MockHandler, type RecordedRequest, mockFetch } from './mock-fetch';

export interface RunAdapterOptions extends Partial<Omit<DeliverOptions, 'fetch'>> {
  /** How the fake platform answers (default: 200 `{}`). */
  respond?: MockHandler;
}

export interface RunAdapterResult extends DeliveryReport {
  /** Every HTTP request the adapter made, auth requests included, in order. */
  requests: RecordedRequest[];
}

/**
 * Deliver `events` through `adapter` against a fake platform: fixed clock, no retries,
 * deterministic nonces, a fresh token cache. The credentials default to the adapter's
 * documented example.
 */
export async function runAdapter(
  adapter: AnyAdapter,
  events: RelayEvent[],
  options: RunAdapterOptions = {},
): Promise<RunAdapterResult> {
  const { respond, ...rest } = options;
  const fake = mockFetch(respond);
  let nonce = 0;
  const tokens = new Map();
  const report = await deliver(adapter, events, {
    credentials: adapter.credentialsExample,
    retries: 0,
    now: () => FIXED_NOW,
    nonce: () => `nonce${++nonce}`,
    sleep: async () => {},
    tokenCache: {
      get: (k) => tokens.get(k),
      set: (k, t) => void tokens.set(k, t),
      delete: (k) => void tokens.delete(k),
    },
    ...rest,
    fetch: fake.fetch,
  });
  return { ...report, requests: fake.calls };
}
