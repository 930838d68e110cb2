import {
  type AnyAdapter,
  type DeliveryPolicy,
  type MultiFernet,
  type Outcome,
  type RelayEvent,
  type RetryPolicy,
  type TokenCache,
  chunkByCount,
  deliver,
  resolveDestinations,
} from '@relay/core';
import type { ExchangeRow, UnsentAttemptRow } from '../db/attempts';
import type { Db } from '../db/client';
import { pauseCredential } from '../db/credentials';
import {
  type ClaimedDelivery,
  type Completion,
  type NewDelivery,
  completeDeliveries,
  insertDeliveries,
} from '../db/deliveries';
import type { Logger } from '../log';
import type { AdapterRegistry } from '../platforms/registry';
import { type SendRecord, writeRecords } from './completion-writer';
import { deliveryFor, destinationKey } from './destinations';
import { relayEventOf } from './event-record';
import { completionFor, pausedCompletion } from './outcome-to-state';
import { deliveryPolicyOf } from './privacy-policy';
import { sgtmCredentialsOf } from './sgtm-credentials';
import { loadSendingState } from './routing-config';

export interface SendDeps {
  db: Db;
  cipher: MultiFernet;
  registry: AdapterRegistry;
  owner: string;
  policy: RetryPolicy;
  timeoutMs: number;
  defaultCurrency: string;
  defaultCountry: string;
  tokenCache: TokenCache;
  /** Decrypts a sealed secret (default: `cipher`, every time; the worker caches by token, unsealed.ts). */
  unseal?: (sealed: string) => string;
  logger?: Logger;
  now?: () => Date;
  fetch?: typeof fetch;
  /** Called once per delivery this worker finished (its lease still held): metrics and logs. */
  onOutcome?: (delivery: ClaimedDelivery, completion: Completion, outcome?: Outcome) => void;
  onAttempt?: (platform: string, durationMs: number) => void;
  /** Extra requests `deliver()` sent to isolate bad events of an all-or-nothing batch. */
  onIsolation?: (platform: string, requests: number) => void;
  /**
   * Record a send's attempts and completions; resolves with the ids whose lease was lost. The
   * worker groups these writes (completion-writer.ts); the default writes each one at once.
   */
  record?: (record: SendRecord) => Promise<bigint[]>;
}

/**
 * Report the completions whose lease was still held (`lost` ones belong to another worker now),
 * with the platform's outcome when there was one (`outcomes[i]` for `completions[i]`).
 */
function reportFinished(
  deps: SendDeps,
  deliveries: ClaimedDelivery[],
  completions: Completion[],
  lost: bigint[],
  outcomes: Outcome[] = [],
) {
  if (!deps.onOutcome) return;
  // By id, once: a group of a thousand deliveries must not be searched a thousand times.
  const byId = new Map(deliveries.map((d) => [d.id, d]));
  const lostIds = new Set(lost);
  completions.forEach((completion, i) => {
    if (lostIds.has(completion.id)) return;
    deps.onOutcome?.(byId.get(completion.id)!, completion, outcomes[i]);
  });
}

/**
 * Claimed deliveries to one destination, at most the adapter's `batch.maxEvents` (one request,
 * unless its body must be halved or bad events isolated), sent with one `deliver()` call.
 */
export interface SendGroup {
  platform: string;
  /** The leased deliveries the group sends. */
  ids: bigint[];
  /**
   * Send the group (the lane's slot is held only for this); resolves once the platform answered,
   * with `recorded`, which settles when the outcome is written (or rejects when writing failed).
   */
  send(): Promise<{ recorded: Promise<void> }>;
}

interface Destination {
  adapter: AnyAdapter | undefined;
  platform: string;
  credentials: unknown;
  options: unknown;
  baseUrl: string | null;
  /** The credential's OAuth token endpoint; null: the adapter's own. */
  tokenUrl: string | null;
  cacheKey: string;
  /** The storefront's privacy mode and this destination's lists (docs/privacy.md). */
  policy: DeliveryPolicy;
  /** The stored credential (absent for sGTM): what a refusal pauses. */
  credential?: { id: number; updatedAt: Date; pauseReason: string | null; paused: boolean };
}

/**
 * Check the kill switches right before sending and group what may still go by destination.
 * Deliveries whose destination was switched off since routing finish as `suppressed` here.
 */
export async function prepareGroups(deps: SendDeps, claimed: ClaimedDelivery[]): Promise<SendGroup[]> {
  const { db, registry } = deps;
  const now = deps.now ?? (() => new Date());
  const unseal = deps.unseal ?? ((sealed: string) => deps.cipher.decrypt(sealed));
  const state = await loadSendingState(
    db,
    registry,
    claimed.flatMap((c) => (c.storefront_id === null ? [] : [c.storefront_id])),
  );
  const suppressed: Completion[] = [];
  const sendable: ClaimedDelivery[] = [];
  const reroute: NewDelivery[] = [];
  // Resolved once per storefront: every delivery of a claim sees the same switches.
  const resolved = new Map<string, ReturnType<typeof resolveDestinations>>();
  const destinationsOf = (c: ClaimedDelivery) => {
    const key = `${c.storefront_id}\u0000${c.storefront_code}`;
    let destinations = resolved.get(key);
    if (!destinations) {
      destinations = resolveDestinations(
        state.configFor(c.storefront_id ?? -1),
        c.storefront_code ?? undefined,
      );
      resolved.set(key, destinations);
    }
    return destinations;
  };
  for (const c of claimed) {
    const destinations = destinationsOf(c);
    const live = destinations.find((d) => d.kind !== 'stopped' && destinationKey(d) === c.destination_key);
    if (live) {
      sendable.push(c);
      continue;
    }
    const stop = destinations.find(
      (d) => d.kind === 'stopped' && (d.level === 'storefront' || destinationKey(d) === c.destination_key),
    );
    if (c.destination_key.startsWith('sgtm:') && !stop) {
      // The sGTM config was switched off since routing: its credentials go direct instead.
      for (const d of destinations) if (d.kind === 'direct') reroute.push(deliveryFor(c.event_id, d));
      suppressed.push({
        id: c.id,
        status: 'suppressed',
        reason: 'sgtm switch: sGTM config disabled since routing; sent direct instead',
      });
      continue;
    }
    const reason =
      stop && stop.kind === 'stopped'
        ? `${stop.level} switch: ${stop.reason}`
        : 'destination no longer configured';
    suppressed.push({ id: c.id, status: 'suppressed', reason });
  }
  await insertDeliveries(db, reroute);
  if (suppressed.length > 0) {
    reportFinished(deps, claimed, suppressed, await completeDeliveries(db, deps.owner, suppressed));
  }

  const policyOf = (storefrontId: number, privacy: unknown): DeliveryPolicy =>
    deliveryPolicyOf(state.storefront(storefrontId), privacy, unseal);
  const openSecret = (sealed: string) => JSON.parse(unseal(sealed)) as unknown;

  const destinationOf = (c: ClaimedDelivery): Destination | string => {
    if (c.sgtm_config_id !== null) {
      const s = state.sgtmConfig(c.sgtm_config_id);
      if (!s) return 'sGTM config was deleted';
      return {
        adapter: registry.get('sgtm'),
        platform: 'sgtm',
        credentials: sgtmCredentialsOf(s, openSecret),
        options: {},
        baseUrl: null,
        tokenUrl: null,
        cacheKey: `sgtm:${s.id}:${s.updatedAt.getTime()}`,
        policy: policyOf(s.storefrontId, s.privacy),
      };
    }
    const cred = c.credential_id === null ? undefined : state.credential(c.credential_id);
    if (!cred) return 'credential was deleted';
    return {
      adapter: registry.get(cred.platformCode),
      platform: cred.platformCode,
      credentials: openSecret(cred.credentialsEncrypted),
      options: cred.options ?? {},
      baseUrl: cred.baseUrl,
      tokenUrl: cred.tokenUrl,
      cacheKey: `credential:${cred.id}:${cred.updatedAt.getTime()}`,
      policy: policyOf(cred.storefrontId, cred.privacy),
      credential: {
        id: cred.id,
        updatedAt: cred.updatedAt,
        pauseReason: cred.pauseReason,
        paused: cred.pausedAt !== null,
      },
    };
  };

  // One decrypt per destination and one RelayEvent per event, however many deliveries share them.
  const destinations = new Map<string, Destination | string>();
  const destinationFor = (c: ClaimedDelivery) => {
    let destination = destinations.get(c.destination_key);
    if (destination === undefined) {
      destination = destinationOf(c);
      destinations.set(c.destination_key, destination);
    }
    return destination;
  };
  const events = new Map<bigint, RelayEvent>();
  const eventFor = (c: ClaimedDelivery) => {
    let event = events.get(c.event_id);
    if (event === undefined) {
      const code = c.storefront_code ?? '';
      event = relayEventOf({ ...c, storefront_code: code }, code, deps.defaultCurrency);
      events.set(c.event_id, event);
    }
    return event;
  };

  const groups = new Map<string, { destination: Destination; items: ClaimedDelivery[] }>();
  const skipped: Completion[] = [];
  for (const c of sendable) {
    const destination = destinationFor(c);
    if (typeof destination === 'string') {
      skipped.push({ id: c.id, status: 'suppressed', reason: destination });
      continue;
    }
    if (!destination.adapter) {
      skipped.push({ id: c.id, status: 'skipped', reason: `no adapter for ${destination.platform}` });
      continue;
    }
    if (destination.credential?.paused) {
      // Claimed before the pause: it waits with the others, nothing sent, no attempt spent.
      const { maxEventAgeMs } = destination.adapter;
      const state = { id: c.id, occurredAt: new Date(c.event_time) };
      const reason = destination.credential.pauseReason ?? 'the platform refused the credential';
      skipped.push(
        pausedCompletion(maxEventAgeMs === undefined ? state : { ...state, maxEventAgeMs }, reason, now()),
      );
      continue;
    }
    try {
      eventFor(c);
    } catch (error) {
      // The router checks records, but a row edited since routing may no longer parse.
      const reason = `Stored record is not a valid OMS record: ${(error as Error).message}`;
      skipped.push({ id: c.id, status: 'failed', reason: reason.slice(0, 2000) });
      continue;
    }
    const group = groups.get(c.destination_key) ?? { destination, items: [] };
    group.items.push(c);
    groups.set(c.destination_key, group);
  }
  if (skipped.length > 0) {
    reportFinished(deps, claimed, skipped, await completeDeliveries(db, deps.owner, skipped));
  }

  // One group per request the platform takes: each is recorded as soon as it is answered.
  return [...groups.values()].flatMap(({ destination, items }) =>
    chunkByCount(items, destination.adapter!.batch.maxEvents).map((chunk) => ({
      platform: destination.platform,
      ids: chunk.map((c) => c.id),
      send: async () => {
        const sent = await sendGroup(
          deps,
          destination,
          chunk,
          chunk.map((c) => events.get(c.event_id)!),
          now,
        );
        return { recorded: recordSent(deps, chunk, sent) };
      },
    })),
  );
}

interface Sent {
  record: SendRecord;
  outcomes: Outcome[];
}

/** Write what a send decided, then report the deliveries whose lease was still held. */
async function recordSent(deps: SendDeps, items: ClaimedDelivery[], { record, outcomes }: Sent) {
  const write = deps.record ?? ((r: SendRecord) => writeRecords(deps.db, deps.owner)([r]));
  const lost = await write(record);
  reportFinished(deps, items, record.completions, lost, outcomes);
  if (lost.length > 0)
    deps.logger?.warn('lease lost before completion; result dropped', { deliveries: lost.map(String) });
}

async function sendGroup(
  deps: SendDeps,
  destination: Destination,
  items: ClaimedDelivery[],
  events: RelayEvent[],
  now: () => Date,
): Promise<Sent> {
  const adapter = destination.adapter!;
  let completions: Completion[];
  let outcomes: Outcome[] = [];
  const exchanges: ExchangeRow[] = [];
  const unsent: UnsentAttemptRow[] = [];
  try {
    const report = await deliver(adapter, events, {
      credentials: destination.credentials,
      options: destination.options,
      baseUrl: destination.baseUrl,
      // Never derived from baseUrl: a sandbox or regional API host must not receive refresh tokens.
      tokenUrl: destination.tokenUrl,
      retries: 0,
      timeoutMs: deps.timeoutMs,
      defaultCountry: deps.defaultCountry,
      tokenCache: deps.tokenCache,
      tokenCacheKey: destination.cacheKey,
      policy: destination.policy,
      now,
      ...(deps.fetch && { fetch: deps.fetch }),
    });
    deps.onIsolation?.(destination.platform, report.isolationRequests);
    const at = now();
    outcomes = report.results.map((result) => result.outcome);
    completions = report.results.map((result, i) => {
      const c = items[i]!;
      const state = {
        id: c.id,
        attempts: c.attempts,
        firstAttemptAt: new Date(c.first_attempt_at),
        occurredAt: result.event.occurredAt,
        pausable: destination.credential !== undefined,
      };
      return completionFor(
        result.outcome,
        adapter.maxEventAgeMs === undefined ? state : { ...state, maxEventAgeMs: adapter.maxEventAgeMs },
        deps.policy,
        at,
        result.platformEventName,
      );
    });
    for (const attempt of report.attempts) {
      deps.onAttempt?.(destination.platform, attempt.durationMs);
      exchanges.push({
        platformCode: destination.platform,
        method: attempt.method,
        url: attempt.url,
        startedAt: attempt.startedAt,
        durationMs: attempt.durationMs,
        statusCode: attempt.status ?? null,
        requestExcerpt: attempt.requestBody,
        responseExcerpt: attempt.response,
        attempts: attempt.eventIndexes.map((index) => {
          const { outcome, privacy } = report.results[index]!;
          return {
            deliveryId: items[index]!.id,
            attempt: items[index]!.attempts,
            outcome: outcome.status,
            reason: 'reason' in outcome ? outcome.reason.slice(0, 2000) : null,
            policyHash: privacy?.policyHash ?? null,
            removedFields: privacy?.removedFields ?? null,
          };
        }),
      });
    }
    const sent = new Set(report.attempts.flatMap((a) => a.eventIndexes));
    report.results.forEach(({ outcome, privacy }, index) => {
      if (sent.has(index)) return;
      unsent.push({
        deliveryId: items[index]!.id,
        attempt: items[index]!.attempts,
        startedAt: at,
        outcome: outcome.status,
        reason: 'reason' in outcome ? outcome.reason.slice(0, 2000) : null,
        policyHash: privacy?.policyHash ?? null,
        removedFields: privacy?.removedFields ?? null,
      });
    });
  } catch (error) {
    // Bad stored credentials or options: nothing was sent; an operator must fix the credential.
    const reason = `${adapter.name}: ${(error as Error).message}`.slice(0, 2000);
    completions = items.map((c) => ({ id: c.id, status: 'failed' as const, reason }));
    const at = now();
    for (const c of items)
      unsent.push({ deliveryId: c.id, attempt: c.attempts, startedAt: at, outcome: 'config_error', reason });
  }
  completions = await pauseIfRefused(deps, destination, completions, outcomes);
  return { record: { exchanges, unsent, completions }, outcomes };
}

/**
 * The platform refused the credential (needs attention): pause it, so its deliveries wait instead
 * of burning their attempts. When the credential was edited meanwhile (the pause did not take),
 * the paused completions become retries due now, to be sent with the new credential.
 */
async function pauseIfRefused(
  deps: SendDeps,
  destination: Destination,
  completions: Completion[],
  outcomes: Outcome[],
): Promise<Completion[]> {
  const credential = destination.credential;
  const refusal = outcomes.find(
    (o): o is Extract<Outcome, { status: 'auth' }> => o.status === 'auth' && o.kind === 'needs-attention',
  );
  if (!credential || !refusal || !completions.some((c) => c.status === 'paused')) return completions;
  const paused = await pauseCredential(deps.db, credential.id, credential.updatedAt, refusal.reason);
  if (paused) {
    deps.logger?.warn('credential paused: the platform refused it; its deliveries wait until it is updated', {
      platform: destination.platform,
      credential: credential.id,
      reason: refusal.reason,
    });
    return completions;
  }
  const now = (deps.now ?? (() => new Date()))();
  return completions.map((c) =>
    c.status === 'paused' ? { id: c.id, status: 'pending', reason: c.reason, nextAttemptAt: now } : c,
  );
}
