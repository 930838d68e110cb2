import type { AdapterCategory } from '../adapter';

/**
 * How a platform is told that a person denied ad personalisation
 * (`consent_ad_personalization: denied`):
 * - `event`: the adapter maps `event.consent.adPersonalization` itself (Google consent fields,
 *   Pinterest `opt_out`, Criteo refusing the event, sGTM's consent state);
 * - `options`: the platform's per-event restricted-processing flag is an adapter option, which
 *   `deliver()` turns on for that event only (Meta and Reddit LDU, TikTok and Amazon limited data use);
 * - `identifiers-removed`: the platform has no such signal, so Relay removes the person's
 *   identifiers instead (advertising and attribution platforms only; analytics, marketing and CDP
 *   destinations do not personalise ads).
 */
export type RestrictedProcessing =
  | { via: 'event'; signal: string }
  | { via: 'options'; signal: string; options: Readonly<Record<string, unknown>> }
  | { via: 'identifiers-removed'; signal: string }
  | { via: 'not-applicable'; signal: string };

const SIGNALS: Readonly<Record<string, RestrictedProcessing>> = {
  ga4: { via: 'event', signal: 'consent.ad_personalization: DENIED' },
  google_ads: { via: 'event', signal: 'consent.adPersonalization: DENIED' },
  sgtm: { via: 'event', signal: 'consent ad_personalization denied / non_personalized_ads' },
  pinterest_capi: { via: 'event', signal: 'opt_out: true' },
  criteo: { via: 'event', signal: 'event not sent (Criteo is a retargeting platform)' },
  meta_capi: {
    via: 'options',
    signal: "data_processing_options: ['LDU']",
    options: { limited_data_use: true },
  },
  tiktok_events: { via: 'options', signal: 'limited_data_use: true', options: { limited_data_use: true } },
  amazon_ads: {
    via: 'options',
    signal: "dataProcessingOptions: 'LIMITED_DATA_USE'",
    options: { limited_data_use: true },
  },
  reddit_capi: {
    via: 'options',
    signal: "user.data_processing_options.modes: ['LDU']",
    options: { limited_data_use: {} },
  },
};

const PERSONALISING: ReadonlySet<AdapterCategory> = new Set(['advertising', 'attribution', 'affiliate']);

/** The restricted-processing signal of a platform (see `RestrictedProcessing`). */
export function restrictedProcessingOf(adapter: {
  code: string;
  category: AdapterCategory;
}): RestrictedProcessing {
  const known = SIGNALS[adapter.code];
  if (known) return known;
  return PERSONALISING.has(adapter.category)
    ? { via: 'identifiers-removed', signal: 'no restricted-processing signal: identifiers removed' }
    : { via: 'not-applicable', signal: `a ${adapter.category} platform does not personalise ads` };
}
