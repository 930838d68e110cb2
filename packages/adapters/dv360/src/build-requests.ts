import type { BuildContext, BuildResult, MappedEvent, Outcome } from '@relay/core';
import type { Dv360Credentials, Dv360Options } from './schemas';
import { userIdentifiersOf } from './user-identifiers';
import { CM360_API_VERSION } from './version';

type Ctx = BuildContext<Dv360Credentials, Dv360Options>;

const PLATFORM = 'Campaign Manager 360';

/** The Floodlight activity id for a mapped event name, or `undefined` when none is configured. */
export function activityIdOf(name: string, ctx: Ctx): string | undefined {
  if (/^\d+$/.test(name)) return name;
  const configured = ctx.options.activities[name];
  if (configured) return configured;
  return name === 'purchase' ? ctx.credentials.floodlight_activity_id : undefined;
}

/** The conversion's one required user id: `gclid`, else (when enabled) `matchId` = external id. */
function clickOrMatchIdOf(mapped: MappedEvent, ctx: Ctx): Record<string, string> | undefined {
  const { clickIds, user } = mapped.event;
  if (clickIds.gclid) return { gclid: clickIds.gclid };
  if (ctx.options.match_id_from_external_id && user.externalId) return { matchId: user.externalId };
  return undefined;
}

const CONSENT = { granted: 'GRANTED', denied: 'DENIED' } as const;

/** One `Conversion` of the batch. */
export function conversionOf(
  mapped: MappedEvent,
  activityId: string,
  id: Record<string, string>,
  ctx: Ctx,
): Record<string, unknown> {
  const { event } = mapped;
  const quantity = event.items.reduce((sum, item) => sum + (item.quantity ?? 1), 0) || 1;
  const conversion: Record<string, unknown> = {
    kind: 'dfareporting#conversion',
    floodlightConfigurationId: ctx.credentials.floodlight_configuration_id,
    floodlightActivityId: activityId,
    ...id,
    timestampMicros: `${event.occurredAt.getTime()}000`,
    ordinal: event.dedupKey,
    value: event.value ?? 0,
    quantity: String(quantity),
  };
  const identifiers = userIdentifiersOf(event, ctx.defaultCountry);
  if (identifiers.length > 0) conversion['userIdentifiers'] = identifiers;
  const consent = event.consent.adUserData;
  if (consent) conversion['adUserDataConsent'] = CONSENT[consent];
  if (ctx.options.limit_ad_tracking) conversion['limitAdTracking'] = true;
  return conversion;
}

/**
 * Pure: one `POST /dfareporting/v5/userprofiles/{profileId}/conversions/batchinsert` for the
 * chunk (≤ 1000 conversions). Events without a Floodlight activity are skipped; events without a
 * gclid (or match id) are rejected before sending, since CM360 needs one of them.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const outcomes: Array<{ index: number; outcome: Outcome }> = [];
  const conversions: Array<Record<string, unknown>> = [];
  const eventIndexes: number[] = [];
  events.forEach((mapped, index) => {
    const activityId = activityIdOf(mapped.name, ctx);
    if (!activityId) {
      outcomes.push({
        index,
        outcome: {
          status: 'skipped',
          reason: `no Floodlight activity configured for '${mapped.name}' (set options.activities.${mapped.name})`,
        },
      });
      return;
    }
    const id = clickOrMatchIdOf(mapped, ctx);
    if (!id) {
      outcomes.push({
        index,
        outcome: {
          status: 'rejected',
          code: 'missing_click_id',
          reason: `${PLATFORM} needs a gclid (or a match id) to attribute the conversion; this event has none`,
        },
      });
      return;
    }
    conversions.push(conversionOf(mapped, activityId, id, ctx));
    eventIndexes.push(index);
  });
  if (conversions.length === 0) return { requests: [], outcomes };
  const profile = encodeURIComponent(ctx.credentials.profile_id);
  return {
    requests: [
      {
        method: 'POST',
        url: `${ctx.baseUrl}/dfareporting/${CM360_API_VERSION}/userprofiles/${profile}/conversions/batchinsert`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.accessToken ?? ''}` },
        body: { kind: 'dfareporting#conversionsBatchInsertRequest', conversions },
        eventIndexes,
      },
    ],
    outcomes,
  };
}
