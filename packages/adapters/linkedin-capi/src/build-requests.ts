import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  type RelayEvent,
  hashEmail,
  normalizeCountry,
} from '@relay/core';
import type { LinkedinCapiCredentials, LinkedinCapiOptions } from './schemas';
import { LINKEDIN_VERSION } from './version';

type Ctx = BuildContext<LinkedinCapiCredentials, LinkedinCapiOptions>;

type UserId = { idType: 'SHA256_EMAIL' | 'LINKEDIN_FIRST_PARTY_ADS_TRACKING_UUID'; idValue: string };

/** `user`: hashed email and the Insight Tag's li_fat_id; names and country in clear (both names or none). */
export function linkedinUser(event: RelayEvent) {
  const userIds: UserId[] = [];
  const email = hashEmail(event.user.email);
  if (email) userIds.push({ idType: 'SHA256_EMAIL', idValue: email });
  if (event.clickIds.li_fat_id)
    userIds.push({ idType: 'LINKEDIN_FIRST_PARTY_ADS_TRACKING_UUID', idValue: event.clickIds.li_fat_id });
  const { firstName, lastName } = event.user;
  const country = normalizeCountry(event.user.country)?.toUpperCase();
  const userInfo =
    firstName && lastName
      ? { firstName: firstName.trim(), lastName: lastName.trim(), ...(country && { countryCode: country }) }
      : undefined;
  return { userIds, ...(userInfo && { userInfo }) };
}

function element(mapped: MappedEvent, ruleId: string) {
  const { event } = mapped;
  return {
    conversion: `urn:lla:llaPartnerConversion:${ruleId}`,
    conversionHappenedAt: event.occurredAt.getTime(),
    ...(event.value !== undefined && {
      conversionValue: { currencyCode: event.currency, amount: event.value.toFixed(2) },
    }),
    eventId: event.dedupKey,
    user: linkedinUser(event),
  };
}

const ruleIdOf = (mapped: MappedEvent, credentials: LinkedinCapiCredentials): string | undefined =>
  credentials.conversion_rule_ids[mapped.name as keyof LinkedinCapiCredentials['conversion_rule_ids']];

/**
 * Events LinkedIn cannot take, refused before sending (core keeps them out of the batch, which
 * LinkedIn would fail as a whole): no conversion rule for the kind → skipped; no user id (hashed
 * email or li_fat_id), which LinkedIn requires → rejected.
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<LinkedinCapiCredentials, LinkedinCapiOptions>,
): Refusal | undefined {
  if (!ruleIdOf(mapped, ctx.credentials)) {
    return {
      status: 'skipped',
      reason: `no LinkedIn conversion rule for '${mapped.name}'; add it to credentials.conversion_rule_ids.${mapped.name}`,
    };
  }
  if (linkedinUser(mapped.event).userIds.length === 0) {
    return {
      status: 'rejected',
      code: 'missing_user_id',
      reason:
        'LinkedIn needs a hashed email or the li_fat_id click id to match a conversion; this event has neither',
    };
  }
  return undefined;
}

/** Pure: one `BATCH_CREATE` request to `/rest/conversionEvents` with `{elements: [...]}` (events passed `check`). */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/rest/conversionEvents`,
      headers: {
        authorization: `Bearer ${ctx.accessToken ?? ''}`,
        'content-type': 'application/json',
        'LinkedIn-Version': ctx.options.linkedin_version ?? LINKEDIN_VERSION,
        'X-Restli-Protocol-Version': '2.0.0',
        'X-RestLi-Method': 'BATCH_CREATE',
      },
      body: { elements: events.map((mapped) => element(mapped, ruleIdOf(mapped, ctx.credentials) ?? '')) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
