/**
 * The load generator: posts OMS batches to `POST /v1/events` over HTTP and behaves like a real
 * OMS. A batch answered 503 (database outage), another 5xx, or not answered at all (connection
 * refused or reset, no answer within the client timeout) is not accepted: it is posted again
 * after the Retry-After wait. Records of a re-posted batch that come back "Event already
 * exists" were stored by an earlier attempt whose answer was lost: they count as accepted.
 */
import { sleep } from '../bench/process-tools';

const AUTH = `Basic ${Buffer.from('admin:changeme').toString('base64')}`;
/** Longer than any answer the relay should take; a request still open then counts as hung. */
const CLIENT_TIMEOUT_MS = 30_000;

export interface LoadCounts {
  /** Batches posted until accepted (each counted once). */
  batches: number;
  /** Order ids the relay accepted (202 counts plus "already exists" after a lost answer). */
  accepted: number;
  /** Of those, accepted by an earlier attempt whose answer was lost. */
  acceptedOnRetry: number;
  /** Answers per status over every attempt (`error` = no answer: refused, reset). */
  answers: Record<string, number>;
  /** Attempts with no answer within 30 s. */
  hung: number;
  /** Slowest answer in ms (any status). */
  slowestMs: number;
}

export interface LoadGenerator {
  /** Order ids accepted so far. */
  readonly acceptedIds: Set<string>;
  /** Post one batch of `size` new purchases and retry it until accepted. */
  postBatch(size: number): Promise<void>;
  /**
   * Post one single-event batch once: its status (`error`: no answer) and time. One not accepted
   * is kept for `retryProbes()`: its answer says nothing of whether it was stored (a frozen
   * database may commit it after the relay gave up and answered 503).
   */
  probe(): Promise<{ status: number | 'error'; ms: number }>;
  /** Post the probes not accepted again until accepted, as an OMS would once the outage is over. */
  retryProbes(): Promise<void>;
  /** Post batches of `size` at `eventsPerSecond` until `stop()` or `seconds` pass. */
  run(eventsPerSecond: number, size: number, seconds?: number): Promise<void>;
  stop(): void;
  counts(): LoadCounts;
}

/** A purchase for storefront bosley with an email, an hour-fresh event time and a unique order id. */
export function purchase(orderId: string, i: number) {
  return {
    storefront_id: 'bosley',
    event_name: 'purchase_completed',
    event_time: new Date(Date.now() - 60_000).toISOString(),
    order_id: orderId,
    order_revenue: 80.79,
    currency: 'USD',
    email: `buyer${i}@example.com`,
    phone: '+15555550100',
    session_id: `sess_${i}`,
    utm_source: 'google',
  };
}

/** `prefix` makes every order id of this generator unique: `<prefix>-<n>`. */
export function loadGenerator(apiUrl: string, prefix: string): LoadGenerator {
  const acceptedIds = new Set<string>();
  const answers: Record<string, number> = {};
  let batches = 0;
  let acceptedOnRetry = 0;
  let hung = 0;
  let slowestMs = 0;
  let next = 0;
  let stopped = false;

  const attempt = async (
    body: string,
  ): Promise<{ status: number | 'error'; json?: unknown; retryAfterMs: number }> => {
    const started = performance.now();
    try {
      const res = await fetch(`${apiUrl}/v1/events`, {
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const json = await res.json().catch(() => undefined);
      const retryAfter = Number(res.headers.get('retry-after'));
      return { status: res.status, json, retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : 500 };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') hung += 1;
      return { status: 'error', retryAfterMs: 500 };
    } finally {
      slowestMs = Math.max(slowestMs, Math.round(performance.now() - started));
    }
  };

  const newBatch = (size: number) => {
    const ids = Array.from({ length: size }, () => `${prefix}-${String(next++).padStart(6, '0')}`);
    return JSON.stringify({ count: size, data: ids.map((id, i) => purchase(id, i)), error: '' });
  };

  /** Post `body` until it is accepted; `tries` attempts were made before (whose answers were lost). */
  const postUntilAccepted = async (body: string, triedBefore: number) => {
    for (let tries = triedBefore + 1; ; tries++) {
      const { status, json, retryAfterMs } = await attempt(body);
      answers[status] = (answers[status] ?? 0) + 1;
      if (status === 202) {
        const result = json as { event_ids: string[]; errors: Array<{ event_id: string; error: string }> };
        for (const id of result.event_ids) acceptedIds.add(id);
        for (const e of result.errors) {
          if (e.error !== 'Event already exists' || tries === 1)
            throw new Error(`the relay refused ${e.event_id}: ${e.error}`);
          acceptedIds.add(e.event_id);
          acceptedOnRetry += 1;
        }
        return;
      }
      if (status !== 'error' && status < 500)
        throw new Error(`ingest answered ${status}: ${JSON.stringify(json)}`);
      await sleep(retryAfterMs);
    }
  };

  const postBatch = async (size: number) => {
    batches += 1;
    await postUntilAccepted(newBatch(size), 0);
  };
  const unacceptedProbes: string[] = [];

  return {
    acceptedIds,
    postBatch,
    async probe() {
      const started = performance.now();
      const body = newBatch(1);
      batches += 1;
      const { status, json } = await attempt(body);
      answers[status] = (answers[status] ?? 0) + 1;
      if (status === 202) for (const id of (json as { event_ids: string[] }).event_ids) acceptedIds.add(id);
      else unacceptedProbes.push(body);
      return { status, ms: Math.round(performance.now() - started) };
    },
    async retryProbes() {
      for (const body of unacceptedProbes.splice(0)) await postUntilAccepted(body, 1);
    },
    async run(eventsPerSecond, size, seconds = Number.POSITIVE_INFINITY) {
      stopped = false;
      const started = Date.now();
      const everyMs = (1000 * size) / eventsPerSecond;
      for (let n = 0; !stopped && Date.now() - started < seconds * 1000; n++) {
        await postBatch(size);
        const due = started + (n + 1) * everyMs;
        if (due > Date.now()) await sleep(due - Date.now());
      }
    },
    stop: () => {
      stopped = true;
    },
    counts: () => ({
      batches,
      accepted: acceptedIds.size,
      acceptedOnRetry,
      answers: { ...answers },
      hung,
      slowestMs,
    }),
  };
}
