/**
 * The Google API error model (google.rpc.Status) as REST returns it, read leniently, and the
 * Google Ads `GoogleAdsFailure` detail it may carry.
 */
export interface FieldPathElement {
  fieldName?: string;
  index?: number;
}

export interface GoogleAdsError {
  errorCode?: Record<string, string>;
  message?: string;
  location?: { fieldPathElements?: FieldPathElement[] };
}

export interface StatusDetail {
  '@type'?: string;
  reason?: string;
  fieldViolations?: Array<{ field?: string; description?: string; reason?: string }>;
  errors?: GoogleAdsError[];
}

export interface GoogleStatus {
  code?: number;
  message?: string;
  status?: string;
  details?: StatusDetail[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** `error` of a REST error body, when there is one. */
export function statusOf(json: unknown): GoogleStatus | undefined {
  if (!isObject(json) || !isObject(json['error'])) return undefined;
  return json['error'] as GoogleStatus;
}

/** The `ErrorInfo.reason` (Data Manager `ErrorReason`), when present. */
export function errorInfoReason(status: GoogleStatus | undefined): string | undefined {
  return status?.details?.find((d) => d['@type']?.endsWith('google.rpc.ErrorInfo'))?.reason;
}

/** Every `GoogleAdsFailure.errors[]` of a status. */
export function googleAdsErrors(status: GoogleStatus | undefined): GoogleAdsError[] {
  return (status?.details ?? []).flatMap((d) => (Array.isArray(d.errors) ? d.errors : []));
}

/** `quotaError: RESOURCE_EXHAUSTED` → `RESOURCE_EXHAUSTED`, the enum value of an Ads error code. */
export function adsErrorCode(error: GoogleAdsError): { kind: string; value: string } | undefined {
  const entry = Object.entries(error.errorCode ?? {})[0];
  return entry ? { kind: entry[0], value: String(entry[1]) } : undefined;
}

/** Index of the conversion or adjustment an Ads error points at (`conversions[3]…`, `conversion_adjustments[0]…`), if any. */
export function conversionIndex(error: GoogleAdsError): number | undefined {
  const element = error.location?.fieldPathElements?.find(
    (e) =>
      (e.fieldName === 'conversions' ||
        e.fieldName === 'conversion_adjustments' ||
        e.fieldName === 'conversionAdjustments') &&
      typeof e.index === 'number',
  );
  return element?.index;
}

/** Index of the event a Data Manager field violation points at (`events[3].user_data…`), if any. */
export function eventIndexOfField(field: string | undefined): number | undefined {
  const match = field?.match(/(?:^|\.)events\[(\d+)\]/);
  return match ? Number(match[1]) : undefined;
}
