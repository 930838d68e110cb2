/**
 * Per-platform lanes: each platform gets its own concurrency limit and token-bucket rate
 * limit, so one slow or throttled platform never delays the others.
 */

export interface LaneLimits {
  /** Requests in flight at once on this lane. */
  concurrency: number;
  /** Sustained requests per second (token bucket); unlimited when undefined. */
  requestsPerSecond?: number;
  /** Bucket size: requests allowed in a burst (default: one second's worth, at least 1). */
  burst?: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A token bucket: `take()` resolves when a token is available. */
export class TokenBucket {
  #tokens: number;
  #last: number;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.#tokens = capacity;
    this.#last = clock.now();
  }

  /** Wait for one token. Callers are served in order. */
  take(): Promise<void> {
    const next = this.#queue.then(async () => {
      this.#refill();
      if (this.#tokens < 1) {
        await this.clock.sleep(((1 - this.#tokens) / this.ratePerSecond) * 1000);
        this.#refill();
      }
      this.#tokens -= 1;
    });
    this.#queue = next.catch(() => {});
    return next;
  }

  #refill(): void {
    const now = this.clock.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((now - this.#last) / 1000) * this.ratePerSecond);
    this.#last = now;
  }
}

/** A concurrency limit with a FIFO wait queue. */
export class Semaphore {
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#active += 1;
    try {
      return await task();
    } finally {
      this.#active -= 1;
      this.#waiting.shift()?.();
    }
  }
}

/** One lane per key (platform code), created on first use with the limits `limitsFor` gives. */
export class Lanes {
  readonly #lanes = new Map<string, { semaphore: Semaphore; bucket?: TokenBucket }>();

  constructor(
    private readonly limitsFor: (key: string) => LaneLimits,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Run `task` on the lane of `key`, after its concurrency slot and rate token are granted. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const lane = this.#lane(key);
    return lane.semaphore.run(async () => {
      await lane.bucket?.take();
      return task();
    });
  }

  /** Work waiting or running per lane, for metrics and tests. */
  stats(): Record<string, { active: number; waiting: number }> {
    return Object.fromEntries(
      [...this.#lanes].map(([key, lane]) => [
        key,
        { active: lane.semaphore.active, waiting: lane.semaphore.waiting },
      ]),
    );
  }

  #lane(key: string) {
    let lane = this.#lanes.get(key);
    if (!lane) {
      const limits = this.limitsFor(key);
      const rps = limits.requestsPerSecond;
      lane = {
        semaphore: new Semaphore(Math.max(1, limits.concurrency)),
        ...(rps ? { bucket: new TokenBucket(rps, limits.burst ?? Math.max(1, rps), this.clock) } : {}),
      };
      this.#lanes.set(key, lane);
    }
    return lane;
  }
}
