import { type AnyAdapter, type BuildContext, type MappedEvent, toBuildResult } from '../adapter';
import { ageRefusal } from '../deliver/refuse';
import type { AttemptRecord, DeliverOptions, DeliveryReport, EventResult } from '../deliver/run';
import { resolveEventName } from '../event-map';
import type { RelayEvent } from '../relay-event';
import { parseWith } from '../validate';
import { type PrivacyResult, type StorefrontPolicy, applyPrivacyPolicy } from './apply-policy';
import type { RestrictedProcessing } from './restricted-processing';
import type { DestinationPrivacy } from './schema';

/** The privacy policy `deliver()` applies as its first stage: one storefront, one destination. */
export interface DeliveryPolicy {
  destination: DestinationPrivacy;
  storefront: StorefrontPolicy;
}

/** What the policy did to one event, reported with its result and recorded with its attempts. */
export interface PrivacyRecord {
  policyHash: string;
  removedFields: string[];
  replacedFields: string[];
  restrictedProcessing?: RestrictedProcessing;
}

type Inner = (
  adapter: AnyAdapter,
  events: ReadonlyArray<RelayEvent>,
  opts: DeliverOptions,
) => Promise<DeliveryReport>;

function recordOf(result: PrivacyResult): PrivacyRecord {
  const record: PrivacyRecord = {
    policyHash: result.policyHash,
    removedFields: result.removedFields,
    replacedFields: result.replacedFields,
  };
  if (result.restrictedProcessing) record.restrictedProcessing = result.restrictedProcessing;
  return record;
}

/**
 * Whether the adapter would refuse `event` before sending (age window, event map, its own
 * per-event check or build refusal). Pure: builds, never sends.
 */
function refusedBeforeSending(adapter: AnyAdapter, event: RelayEvent, opts: DeliverOptions): boolean {
  const now = (opts.now ?? (() => new Date()))();
  if (ageRefusal(adapter, event.occurredAt, now)) return true;
  const credentials = parseWith(adapter.credentials, opts.credentials, `${adapter.name} credentials`);
  const options = parseWith(adapter.options, opts.options ?? {}, `${adapter.name} options`) as {
    eventMap?: Record<string, string | null>;
  };
  const name = resolveEventName(adapter.events, event.eventName, options.eventMap, adapter.name);
  if (!name.send) return true;
  const mapped: MappedEvent = { event, name: name.name, custom: name.custom };
  const ctx: BuildContext<unknown, typeof options> = {
    credentials,
    options,
    baseUrl: (opts.baseUrl ?? adapter.baseUrl).replace(/\/+$/, ''),
    now,
    defaultCountry: opts.defaultCountry ?? 'US',
    nonce: () => 'privacy-check',
  };
  if (adapter.check?.(mapped, ctx)) return true;
  try {
    const built = toBuildResult(adapter.buildRequests([mapped], ctx));
    return (built.outcomes ?? []).some((o) => o.index === 0 && o.outcome.status !== 'delivered');
  } catch {
    return false;
  }
}

/**
 * `deliver()` with a privacy policy: the policy runs first, on every event; events it suppresses
 * never reach the adapter; the others go on rewritten (what the adapter builds from is exactly
 * what the results report), in one inner delivery per restricted-processing option set (a denied
 * ad-personalisation consent turns on e.g. Meta's `limited_data_use` for that event only). An
 * event the adapter then refuses before sending, which it would have accepted without the
 * policy's removals, is `suppressed` with a `privacy:` reason: a policy decision, not a failure.
 */
export async function deliverWithPolicy(
  adapter: AnyAdapter,
  events: ReadonlyArray<RelayEvent>,
  opts: DeliverOptions & { policy: DeliveryPolicy },
  inner: Inner,
): Promise<DeliveryReport> {
  const { policy, ...rest } = opts;
  const applied = events.map((event) =>
    applyPrivacyPolicy(event, policy.destination, policy.storefront, adapter),
  );
  const results: EventResult[] = events.map((event) => ({
    event,
    outcome: { status: 'skipped', reason: 'not processed' },
    attempts: 0,
  }));
  const attempts: AttemptRecord[] = [];
  let isolationRequests = 0;
  const groups = new Map<
    string,
    { patch: Readonly<Record<string, unknown>> | undefined; indexes: number[] }
  >();
  applied.forEach((result, index) => {
    const target = results[index]!;
    target.privacy = recordOf(result);
    if (result.decision.action === 'suppress') {
      target.outcome = { status: 'suppressed', reason: result.decision.reason };
      return;
    }
    target.event = result.event;
    const patch =
      result.restrictedProcessing?.via === 'options' ? result.restrictedProcessing.options : undefined;
    const key = patch === undefined ? '' : JSON.stringify(patch);
    const group = groups.get(key) ?? { patch, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  });

  for (const { patch, indexes } of groups.values()) {
    const toOriginal = (attempt: AttemptRecord): AttemptRecord => ({
      ...attempt,
      eventIndexes: attempt.eventIndexes.map((k) => indexes[k]!),
    });
    const groupOpts: DeliverOptions = { ...rest };
    if (patch !== undefined)
      groupOpts.options = { ...((rest.options as object | undefined) ?? {}), ...patch };
    if (rest.onAttempt) {
      const onAttempt = rest.onAttempt;
      groupOpts.onAttempt = (attempt) => onAttempt(toOriginal(attempt));
    }
    const report = await inner(
      adapter,
      indexes.map((i) => applied[i]!.event),
      groupOpts,
    );
    report.results.forEach((result, k) => {
      const index = indexes[k]!;
      results[index] = { ...result, privacy: results[index]!.privacy! };
    });
    attempts.push(...report.attempts.map(toOriginal));
    isolationRequests += report.isolationRequests;
  }

  // Not enough left: the adapter refused, before sending, what it would have taken unstripped.
  results.forEach((result, index) => {
    const { outcome, privacy } = result;
    if (result.attempts > 0 || privacy === undefined || privacy.removedFields.length === 0) return;
    if (outcome.status !== 'rejected' && outcome.status !== 'skipped') return;
    const unstripped = { ...events[index]!, eventName: result.event.eventName };
    if (refusedBeforeSending(adapter, unstripped, rest)) return;
    const removed = privacy.removedFields.join(', ');
    result.outcome = {
      status: 'suppressed',
      reason: `privacy: ${adapter.name} needs what this destination's policy removed (${removed}): ${outcome.reason}`,
    };
  });
  return { results, attempts, isolationRequests };
}
