import type { Outcome } from '../adapter';
import type { DeliveryRun, SendableEvent } from './run';

/**
 * A platform without a token flow (static API key or token) cannot refresh anything: its 401
 * asks a person to replace the credential.
 */
export function noRefreshFlow(outcome: Outcome): Outcome {
  if (outcome.status !== 'auth' || outcome.kind !== 'refresh') return outcome;
  return {
    status: 'auth',
    kind: 'needs-attention',
    reason: `${outcome.reason} (this credential has no refresh flow: replace it)`,
  };
}

/**
 * Stage "refresh": the events of a first pass that came back `auth/refresh`, to be sent once
 * more with a new token (never the delivered ones). Empty for adapters without `auth` and on
 * the second pass.
 */
export function needsRefresh(
  run: DeliveryRun,
  items: SendableEvent[],
  outcomes: Outcome[],
  secondPass: boolean,
): SendableEvent[] {
  if (!run.adapter.auth || secondPass) return [];
  return items.filter((_, k) => {
    const o = outcomes[k]!;
    return o.status === 'auth' && o.kind === 'refresh';
  });
}
