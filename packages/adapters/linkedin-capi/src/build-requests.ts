import {
  type BuildContext,
  type BuildResult,
  type MappedEvent,
  type Outcome,
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

/**
 * Pure: one `BATCH_CREATE` request to `/rest/conversionEvents` with `{elements: [...]}`.
 * Events without a rule for their kind are skipped; events without a user id (hashed email or
 * li_fat_id) are rejected before sending, since LinkedIn requires one.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const outcomes: Array<{ index: number; outcome: Outcome }> = [];
  const sendable: Array<{ index: number; body: ReturnType<typeof element> }> = [];
  events.forEach((mapped, index) => {
    const ruleId =
      ctx.credentials.conversion_rule_ids[
        mapped.name as keyof LinkedinCapiCredentials['conversion_rule_ids']
      ];
    if (!ruleId) {
      outcomes.push({
        index,
        outcome: {
          status: 'skipped',
          reason: `no LinkedIn conversion rule for '${mapped.name}'; add it to credentials.conversion_rule_ids.${mapped.name}`,
        },
      });
      return;
    }
    const body = element(mapped, ruleId);
    if (body.user.userIds.length === 0) {
      outcomes.push({
        index,
        outcome: {
          status: 'rejected',
          code: 'missing_user_id',
          reason:
            'LinkedIn needs a hashed email or the li_fat_id click id to match a conversion; this event has neither',
        },
      });
      return;
    }
    sendable.push({ index, body });
  });
  if (sendable.length === 0) return { requests: [], outcomes };
  return {
    requests: [
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
        body: { elements: sendable.map((s) => s.body) },
        eventIndexes: sendable.map((s) => s.index),
      },
    ],
    outcomes,
  };
}
