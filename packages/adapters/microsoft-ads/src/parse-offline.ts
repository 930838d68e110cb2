import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type BingError, describeBingError, outcomeForBingError } from './error-map';

const PLATFORM = 'Microsoft Advertising (offline conversions)';

const errorsOf = (value: unknown): BingError[] =>
  Array.isArray(value) ? value.map((e) => objectOf(e) as BingError) : [];

/**
 * One outcome per conversion. 200: `PartialErrors[]` name the failed conversions by `Index`
 * (rejected with Microsoft's error code); the others were applied. Failures of the whole call
 * carry `OperationErrors[]` (or `Errors[]`), read through the Bing error-code table first.
 */
export function parseOfflineResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = objectOf(response.json);
  if (response.status >= 200 && response.status < 300) {
    const byIndex = new Map<number, BingError[]>();
    for (const error of errorsOf(body['PartialErrors'])) {
      if (typeof error.Index !== 'number') continue;
      byIndex.set(error.Index, [...(byIndex.get(error.Index) ?? []), error]);
    }
    return events.map((_, i): Outcome => {
      const errors = byIndex.get(i);
      if (!errors) return { status: 'delivered' };
      return {
        status: 'rejected',
        code: errors[0]!.ErrorCode ?? `bing_${errors[0]!.Code ?? 'error'}`,
        reason: `${PLATFORM} did not apply the conversion: ${errors.map(describeBingError).join('; ')}`,
      };
    });
  }
  const errors = [
    ...errorsOf(body['OperationErrors']),
    ...errorsOf(body['Errors']),
    ...errorsOf(body['BatchErrors']),
  ];
  for (const error of errors) {
    const special = outcomeForBingError(error);
    if (special) return sameOutcome(special, events.length);
  }
  const reason = errors.length > 0 ? errors.map(describeBingError).join('; ') : undefined;
  return sameOutcome(outcomeFromStatus(response, PLATFORM, now, reason), events.length);
}
