export interface LoginLimiterOptions {
  /** Failed logins allowed per (address, username) within `windowMs`. */
  maxFailures: number;
  /** Counting window, and how long a pair stays blocked once over the limit. */
  windowMs: number;
  /** Most pairs remembered (oldest forgotten first); bounds memory under a spray of usernames. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  failures: number;
  windowStart: number;
  blockedUntil: number;
}

/**
 * Failed-login counter per (client address, username), in this process's memory (each API
 * process counts on its own; a restart forgets). Only failures count: a client presenting valid
 * credentials is never slowed however often it calls, and a success clears its pair. Once a
 * pair reaches `maxFailures` it is answered 429 without checking the password until
 * `windowMs` has passed, so a guesser cannot go on guessing.
 */
export class LoginLimiter {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #max: number;

  constructor(readonly options: LoginLimiterOptions) {
    this.#now = options.now ?? Date.now;
    this.#max = options.maxEntries ?? 100_000;
  }

  static key(address: string, username: string): string {
    return `${address}\u0000${username.slice(0, 256)}`;
  }

  /** Seconds until this pair may try again, or 0 when it is not blocked. */
  retryAfter(address: string, username: string): number {
    const entry = this.#entries.get(LoginLimiter.key(address, username));
    const now = this.#now();
    if (!entry || entry.blockedUntil <= now) return 0;
    return Math.max(1, Math.ceil((entry.blockedUntil - now) / 1000));
  }

  /** Count a failure; returns the seconds the pair is now blocked for (0 while under the limit). */
  fail(address: string, username: string): number {
    const key = LoginLimiter.key(address, username);
    const now = this.#now();
    let entry = this.#entries.get(key);
    if (!entry || now - entry.windowStart >= this.options.windowMs) {
      entry = { failures: 0, windowStart: now, blockedUntil: 0 };
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    entry.failures += 1;
    if (entry.failures >= this.options.maxFailures) entry.blockedUntil = now + this.options.windowMs;
    this.#evict(now);
    return this.retryAfter(address, username);
  }

  succeed(address: string, username: string): void {
    this.#entries.delete(LoginLimiter.key(address, username));
  }

  get size(): number {
    return this.#entries.size;
  }

  #evict(now: number) {
    if (this.#entries.size <= this.#max) return;
    for (const [key, entry] of this.#entries) {
      if (now - entry.windowStart >= this.options.windowMs && entry.blockedUntil <= now)
        this.#entries.delete(key);
    }
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#max) break;
      this.#entries.delete(key);
    }
  }
}
