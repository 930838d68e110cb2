import { runAdapter, sampleEvent } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';

/**
 * TikTok's list of supported standard events (ads.tiktok.com/help/article/supported-standard-events,
 * last updated September 2025), the names optimisation works on; anything else is a custom event
 * (reporting and audiences only). Page views and form leads must go out under names on it.
 */
const TIKTOK_STANDARD_EVENTS = [
  'AddPaymentInfo',
  'AddToCart',
  'AddToWishlist',
  'ApplicationApproval',
  'CompleteRegistration',
  'Contact',
  'CustomizeProduct',
  'Download',
  'FindLocation',
  'InitiateCheckout',
  'Purchase',
  'Schedule',
  'Search',
  'StartTrial',
  'SubmitApplication',
  'SubmitForm',
  'Subscribe',
  'ViewContent',
];

describe('tiktok_events event names', () => {
  it('sends page views as ViewContent and leads as SubmitForm, both on the standard list', async () => {
    const kinds = ['purchase_completed', 'checkout_started', 'add_to_cart', 'lead', 'signup', 'page_view'];
    const { requests } = await runAdapter(
      adapter,
      kinds.map((kind, i) => sampleEvent(kind, i + 1)),
    );
    const names = (requests[0]!.json as { data: Array<{ event: string }> }).data.map((d) => d.event);
    expect(names).toEqual([
      'Purchase',
      'InitiateCheckout',
      'AddToCart',
      'SubmitForm',
      'CompleteRegistration',
      'ViewContent',
    ]);
    for (const name of names) expect(TIKTOK_STANDARD_EVENTS).toContain(name);
  });
});
