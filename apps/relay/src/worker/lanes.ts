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

/** What a lane can send soon: requests at once (in flight and queued) and events per request. */
export interface LaneNeed {
  requests: number;
  requestSize: number;
}

/**
 * What this worker holds per lane (claimed deliveries not yet sent, in groups of one request)
 * against what the lane needs to stay busy, so a claim takes only that much: deliveries a
 * killed worker held are re-sent after their lease, and a platform that takes one event per
 * request needs far fewer at hand than one that takes a thousand.
 */
export class LaneLoad {
  readonly #held = new Map<string, { requests: number; deliveries: number }>();

  constructor(private readonly needOf: (key: string) => LaneNeed) {}

  /** Count a group of `deliveries` on the lane of `key`; the returned function uncounts it (once). */
  hold(key: string, deliveries: number): () => void {
    const held = this.#held.get(key) ?? { requests: 0, deliveries: 0 };
    held.requests += 1;
    held.deliveries += deliveries;
    this.#held.set(key, held);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      held.requests -= 1;
      held.deliveries -= deliveries;
    };
  }

  /** Deliveries the lane of `key` can still take: 0 once it holds its requests or events. */
  room(key: string): number {
    const need = this.needOf(key);
    const held = this.#held.get(key) ?? { requests: 0, deliveries: 0 };
    if (held.requests >= need.requests) return 0;
    return Math.max(0, need.requests * Math.max(1, need.requestSize) - held.deliveries);
  }

  /** Lanes without room, to leave out of the next claim. */
  full(): string[] {
    return [...this.#held.keys()].filter((key) => this.room(key) === 0);
  }

  /** Requests and deliveries held per lane (tests, metrics). */
  stats(): Record<string, { requests: number; deliveries: number }> {
    return Object.fromEntries([...this.#held].map(([key, held]) => [key, { ...held }]));
  }
}
