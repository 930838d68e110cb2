import type { BuildContext, CheckContext, HttpRequest, MappedEvent, Refusal } from '@relay/core';
import type { Dv360Credentials, Dv360Options } from './schemas';
import { userIdentifiersOf } from './user-identifiers';
import { CM360_API_VERSION } from './version';

type Ctx = BuildContext<Dv360Credentials, Dv360Options>;

const PLATFORM = 'Campaign Manager 360';

/** The Floodlight activity id for a mapped event name, or `undefined` when none is configured. */
export function activityIdOf(
  name: string,
  ctx: CheckContext<Dv360Credentials, Dv360Options>,
): string | undefined {
  if (/^\d+$/.test(name)) return name;
  const configured = ctx.options.activities[name];
  if (configured) return configured;
  return name === 'purchase' ? ctx.credentials.floodlight_activity_id : undefined;
}

/** The conversion's one required user id: `gclid`, else (when enabled) `matchId` = external id. */
function clickOrMatchIdOf(
  mapped: MappedEvent,
  ctx: CheckContext<Dv360Credentials, Dv360Options>,
): Record<string, string> | undefined {
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
  ctx: CheckContext<Dv360Credentials, Dv360Options>,
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
 * Events CM360 cannot take, refused before sending: no Floodlight activity for the event
 * (skipped), no gclid or match id to attribute it (rejected).
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<Dv360Credentials, Dv360Options>,
): Refusal | undefined {
  if (!activityIdOf(mapped.name, ctx)) {
    return {
      status: 'skipped',
      reason: `no Floodlight activity configured for '${mapped.name}' (set options.activities.${mapped.name})`,
    };
  }
  if (!clickOrMatchIdOf(mapped, ctx)) {
    return {
      status: 'rejected',
      code: 'missing_click_id',
      reason: `${PLATFORM} needs a gclid (or a match id) to attribute the conversion; this event has none`,
    };
  }
  return undefined;
}

/**
 * Pure: one `POST /dfareporting/v5/userprofiles/{profileId}/conversions/batchinsert` for the
 * chunk (≤ 1000 conversions); every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const conversions = events.map((mapped) =>
    conversionOf(mapped, activityIdOf(mapped.name, ctx) ?? '', clickOrMatchIdOf(mapped, ctx) ?? {}, ctx),
  );
  const profile = encodeURIComponent(ctx.credentials.profile_id);
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/dfareporting/${CM360_API_VERSION}/userprofiles/${profile}/conversions/batchinsert`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.accessToken ?? ''}` },
      body: { kind: 'dfareporting#conversionsBatchInsertRequest', conversions },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
