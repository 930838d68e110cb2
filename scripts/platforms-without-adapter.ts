/**
 * Platforms considered for Relay that have no adapter package, and why.
 * A platform leaves this list when a real adapter for it lands (`pnpm generate` fails while a
 * code is in both). Never add a placeholder package instead: an adapter must send real requests.
 */
export interface PlatformWithoutAdapter {
  code: string;
  name: string;
  /** Why there is no adapter, with what to use instead where there is something. */
  reason: string;
  source: string;
}

export const PLATFORMS_WITHOUT_ADAPTER: ReadonlyArray<PlatformWithoutAdapter> = [
  {
    code: 'amazon_dsp',
    name: 'Amazon DSP',
    reason:
      'Conversions for Amazon DSP go through the same Amazon Ads Conversions API (`/adsApi/v1/create/events`): the host delivers an `amazon_dsp` credential through the `amazon_ads` adapter (same credential schema).',
    source: 'https://advertising.amazon.com/API/docs/en-us/guides/events/events',
  },
  {
    code: 'verizon_media',
    name: 'Verizon Media DSP',
    reason:
      'Renamed Yahoo DSP; its Conversion API is the one `yahoo_dsp` targets: the host delivers a `verizon_media` credential through the `yahoo_dsp` adapter (same credential schema).',
    source: 'https://help.yahooinc.com/dsp-api/docs/standard-yahoo-conversion-api',
  },
  {
    code: 'hotjar',
    name: 'Hotjar',
    reason:
      'No server-side event ingestion: its REST API covers surveys, user lookup and deletion only; events come from the browser script.',
    source: 'https://help.hotjar.com/hc/en-us/articles/12244109929751-Hotjar-API-Reference',
  },
  {
    code: 'walmart_connect',
    name: 'Walmart Connect',
    reason:
      'No public server-side conversion API; the Walmart Connect Ads API is campaign management and reporting for approved partners.',
    source: 'https://developer.walmart.com/doc/us/us-wmc-ads/',
  },
  {
    code: 'instacart_ads',
    name: 'Instacart Ads',
    reason:
      'No advertiser conversion API; Carrot Ads is a retailer-side API. Conversions are measured from Instacart sales.',
    source: 'https://docs.instacart.com/ads/api/ads/overview/',
  },
  {
    code: 'mediamath',
    name: 'MediaMath',
    reason:
      'The original company filed for Chapter 11 on 2023-06-30 and no public server-to-server event API is available.',
    source: 'https://www.marketingdive.com/news/mediamath-files-bankruptcy-dsp-programmatic/686006/',
  },
  {
    code: 'oracle_bluekai',
    name: 'Oracle BlueKai',
    reason: 'Shut down: Oracle Advertising ended on 2024-09-30.',
    source:
      'https://adage.com/article/special-report-cannes-lions/oracle-tried-sell-ad-business-doubleverify-and-ias/2566376',
  },
  {
    code: 'neustar',
    name: 'Neustar (TransUnion TruAudience)',
    reason: 'No public server-side event API.',
    source: 'https://www.transunion.com/privacy/neustar',
  },
  {
    code: 'lotame',
    name: 'Lotame',
    reason:
      'No authenticated real-time event API: data arrives as batch files (S3, GCS, sFTP) or through the browser pixel.',
    source:
      'https://my.lotame.com/t/h7h6k4m/server-to-server-technical-specs-inbound-to-lotame-batch-file-processing',
  },
  {
    code: 'liveramp',
    name: 'LiveRamp',
    reason:
      'Its Conversions API programs relay conversions to other platforms through ATS; there is no documented conversion endpoint to send to.',
    source:
      'https://docs.liveramp.com/privacy-manager/en/universal-events-and-parameters-for-online-conversions-api.html',
  },
];
