import { ConfigError } from '@relay/core';

/** Width of `deliveries.lease_owner` and `events.lease_owner`. */
export const LEASE_OWNER_MAX = 64;

/**
 * The lease owner id of a worker: the configured `WORKER_ID`, else `host:pid:random` with the
 * host name shortened so the id always fits the lease_owner column (container host names can
 * be 63 characters long).
 */
export function workerId(configured: string | undefined, host: string, pid: number, random: string): string {
  if (configured !== undefined) {
    if (configured.length === 0 || configured.length > LEASE_OWNER_MAX)
      throw new ConfigError(`WORKER_ID must be 1 to ${LEASE_OWNER_MAX} characters`, { field: 'WORKER_ID' });
    return configured;
  }
  const suffix = `:${pid}:${random}`;
  return `${host.slice(0, LEASE_OWNER_MAX - suffix.length)}${suffix}`;
}
