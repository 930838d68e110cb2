import { ConfigError } from '@relay/core';
import { describe, expect, it } from 'vitest';
import { workerId } from '../../src/worker/worker-id';

describe('workerId', () => {
  it('is host:pid:random by default', () => {
    expect(workerId(undefined, 'relay-7d9f', 4242, 'a1b2c3')).toBe('relay-7d9f:4242:a1b2c3');
  });

  it('shortens a long container host name so the id fits lease_owner (64)', () => {
    const host = `relay-worker-${'x'.repeat(50)}`; // 63 characters, a Kubernetes pod name at its limit
    const id = workerId(undefined, host, 4242, 'a1b2c3');
    expect(id).toBe(`${host.slice(0, 52)}:4242:a1b2c3`);
    expect(id).toHaveLength(64);
  });

  it('keeps a configured WORKER_ID and refuses one that does not fit, naming the variable', () => {
    expect(workerId('worker-a', 'host', 1, 'ffffff')).toBe('worker-a');
    let error: unknown;
    try {
      workerId('w'.repeat(65), 'host', 1, 'ffffff');
    } catch (e) {
      error = e;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).field).toBe('WORKER_ID');
    expect((error as ConfigError).message).toBe('WORKER_ID must be 1 to 64 characters');
  });
});
