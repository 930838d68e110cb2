import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DEFAULT_RETRY_POLICY, type TokenCache, memoryTokenCache } from '@relay/core';
import type { RelayMetrics } from '../metrics/registry';
import type { Runtime } from '../runtime';
import { claimDeliveries, extendLeases, reapExpiredLeases, resumePausedDeliveries } from '../db/deliveries';
import { CompletionWriter, writeRecords } from './completion-writer';
import { logFinishedDelivery } from './delivery-log';
import { LaneLoad, Lanes } from './lanes';
import { routeOnce } from './router';
import { type SendDeps, type SendGroup, prepareGroups } from './send-claimed';
import { unsealOnce } from './unsealed';
import { workerId } from './worker-id';

export interface WorkerOptions {
  /** Lease owner id (default host:pid:random). */
  id?: string;
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  metrics?: RelayMetrics;
  tokenCache?: TokenCache;
}

export interface Worker {
  readonly id: string;
  /** One router pass. */
  route(): Promise<number>;
  /** One claim of due deliveries, dispatched onto the lanes; resolves with how many were claimed once they finished. */
  deliverOnce(): Promise<number>;
  /** Route and deliver until nothing is due (tests, demo). */
  drain(maxPasses?: number): Promise<void>;
  reap(): Promise<number>;
  /** Background loops; `stop()` stops claiming, waits for in-flight work, then resolves. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * The delivery worker: a router loop, a delivery loop over per-platform lanes, and a reaper.
 * Stateless: any number of workers (inside `relay start` or alone as `relay worker`) can share
 * one database.
 */
export function createWorker(
  runtime: Pick<Runtime, 'db' | 'config' | 'cipher' | 'registry' | 'logger'>,
  options: WorkerOptions = {},
): Worker {
  const { db, config, registry, logger } = runtime;
  const id = workerId(
    options.id ?? config.WORKER_ID,
    hostname(),
    process.pid,
    randomBytes(3).toString('hex'),
  );
  const batchSize = options.batchSize ?? config.WORKER_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? config.LEASE_DURATION;
  const pollMs = options.pollMs ?? config.WORKER_POLL_INTERVAL;
  const concurrencyOf = (platform: string) =>
    registry.get(platform)?.rateLimit?.concurrency ?? config.PLATFORM_CONCURRENCY;
  const lanes = new Lanes((platform) => {
    const limit = registry.get(platform)?.rateLimit;
    return {
      concurrency: concurrencyOf(platform),
      ...(limit?.requestsPerSecond && { requestsPerSecond: limit.requestsPerSecond }),
    };
  });
  /**
   * What each lane holds (claimed, not yet sent) against what it can send soon: two rounds of
   * its concurrency, each request at most the adapter's batch (and never more than one claim).
   */
  const load = new LaneLoad((platform) => ({
    requests: 2 * concurrencyOf(platform),
    requestSize: Math.min(batchSize, registry.get(platform)?.batch.maxEvents ?? batchSize),
  }));
  /** Outcomes are written as each send is answered, grouped (completion-writer.ts). */
  const writer = new CompletionWriter(writeRecords(db, id));
  const sendDeps: SendDeps = {
    db,
    cipher: runtime.cipher,
    registry,
    owner: id,
    policy: {
      ...DEFAULT_RETRY_POLICY,
      maxAttempts: config.MAX_RETRY_ATTEMPTS,
      retryWindowMs: config.RETRY_WINDOW,
    },
    timeoutMs: config.HTTP_TIMEOUT,
    defaultCurrency: config.DEFAULT_CURRENCY,
    defaultCountry: config.DEFAULT_PHONE_COUNTRY,
    tokenCache: options.tokenCache ?? memoryTokenCache(),
    unseal: unsealOnce((sealed) => runtime.cipher.decrypt(sealed)),
    logger,
    ...(options.now && { now: options.now }),
    ...(options.fetch && { fetch: options.fetch }),
    onOutcome: (delivery, completion, outcome) => {
      options.metrics?.deliveryFinished(delivery.platform_code, delivery.destination_key, completion.status);
      if (outcome?.status === 'auth')
        options.metrics?.credentialNeedsAttention(delivery.platform_code, delivery.destination_key);
      logFinishedDelivery(logger, delivery, completion);
    },
    onAttempt: (platform, ms) => options.metrics?.attempt(platform, ms),
    onIsolation: (platform, requests) => options.metrics?.isolation(platform, requests),
    record: (record) => writer.add(record),
  };
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loops: Promise<void>[] = [];

  const route = async () =>
    (
      await routeOnce({
        db,
        registry,
        owner: id,
        batchSize,
        leaseMs,
        defaultCurrency: config.DEFAULT_CURRENCY,
        logger,
      })
    ).events;

  /**
   * Keep the leases of a claim alive while its groups wait in their lane, send, or wait for their
   * outcome to be written: a platform that answers slowly may take longer than one lease, and an
   * expired lease would let another worker send the same deliveries again. Only these are renewed
   * (a claim holds what the lanes can send soon); a crashed worker stops renewing, so its leases
   * still expire and are reaped.
   */
  const keepLeased = (ids: Set<bigint>) => {
    const timer = setInterval(
      () => {
        if (ids.size === 0) return;
        extendLeases(db, id, [...ids], leaseMs).catch((error: unknown) =>
          logger.error('lease renewal failed', { error: String(error) }),
        );
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    return () => clearInterval(timer);
  };

  /**
   * Claim due deliveries, at most what each lane can send soon, and start their groups on the
   * lanes; `claimed` counts suppressed ones too.
   */
  const dispatch = async (): Promise<{ claimed: number; started: Promise<void>[] }> => {
    const claimed = await claimDeliveries(db, id, batchSize, leaseMs, load.full(), (p) => load.room(p));
    if (claimed.length === 0) return { claimed: 0, started: [] };
    const leased = new Set(claimed.map((c) => c.id));
    const release = keepLeased(leased);
    let groups: SendGroup[];
    try {
      groups = await prepareGroups(sendDeps, claimed);
    } catch (error) {
      release();
      throw error;
    }
    const grouped = new Set(groups.flatMap((g) => g.ids));
    for (const c of claimed) if (!grouped.has(c.id)) leased.delete(c.id); // finished in prepareGroups
    const started = groups.map((g) => {
      const unload = load.hold(g.platform, g.ids.length);
      const p = lanes
        .run(g.platform, g.send)
        .finally(() => {
          unload();
          wakeDispatch();
        })
        .then(({ recorded }) => recorded)
        .catch((error: unknown) => {
          logger.error('delivery group failed; leases will expire and be retried', {
            platform: g.platform,
            error: String(error),
          });
        })
        .finally(() => {
          // Recorded (or failed, whose leases must now expire): stop renewing them.
          for (const deliveryId of g.ids) leased.delete(deliveryId);
        });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      return p;
    });
    void Promise.all(started).finally(release);
    return { claimed: claimed.length, started };
  };

  const deliverOnce = async () => {
    const { claimed, started } = await dispatch();
    await Promise.all(started);
    return claimed;
  };

  /** Idle waits end early when `stop()` is called, so shutdown never waits out a poll or reaper interval. */
  let wake = new AbortController();
  const sleep = (ms: number, signal = wake.signal) =>
    new Promise<void>((r) => {
      if (wake.signal.aborted || signal.aborted) return r();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake.signal.removeEventListener('abort', done);
        signal.removeEventListener('abort', done);
        r();
      }
      wake.signal.addEventListener('abort', done, { once: true });
      signal.addEventListener('abort', done, { once: true });
    });
  /** Ends the delivery loop's idle wait when a lane sent a group: there is room to claim for. */
  let laneFreed = new AbortController();
  function wakeDispatch() {
    laneFreed.abort();
    laneFreed = new AbortController();
  }
  /** With a lane full, the delivery loop waits until it has room (or the poll interval), not longer. */
  const idleDispatch = (ms: number) => (load.full().length > 0 ? sleep(ms, laneFreed.signal) : sleep(ms));

  const loop = async (step: () => Promise<number>, idleMs: number, idle = sleep) => {
    while (running) {
      try {
        const n = await step();
        if (n === 0) await idle(idleMs);
      } catch (error) {
        logger.error('worker loop error', { error: String(error) });
        await sleep(idleMs * 4);
      }
    }
  };

  return {
    id,
    route,
    deliverOnce,
    reap: () => reapExpiredLeases(db),
    async drain(maxPasses = 50) {
      for (let pass = 0; pass < maxPasses; pass++) {
        const routed = await route();
        const sent = await deliverOnce();
        if (routed === 0 && sent === 0) return;
      }
    },
    start() {
      if (running) return;
      running = true;
      wake = new AbortController();
      logger.info('worker started', { worker: id });
      loops = [
        loop(route, pollMs),
        loop(async () => (await dispatch()).claimed, pollMs, idleDispatch),
        loop(
          async () => {
            await reapExpiredLeases(db);
            await resumePausedDeliveries(db);
            return 0;
          },
          Math.max(1000, leaseMs / 4),
        ),
      ];
    },
    async stop() {
      running = false;
      wake.abort();
      await Promise.all(loops);
      await Promise.all([...inFlight]);
      // Every send's outcome is written before the process exits (a SIGTERM is no crash).
      await writer.flush();
      logger.info('worker stopped', { worker: id });
    },
  };
}

/** The CLI hook: start the worker inside `relay start` or alone as `relay worker`. */
export async function startWorker(runtime: Runtime): Promise<() => Promise<void>> {
  const worker = createWorker(runtime, { metrics: runtime.metrics });
  worker.start();
  return () => worker.stop();
}
